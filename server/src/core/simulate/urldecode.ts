/** logstash-filter-urldecode 3.x: `%XX` runs decoded (a `+` stays a `+`), in one field or all of them. */
import { failureTags, filterMatched, tagAll, type FilterOutcome } from "./common";
import { get, set, type JsonValue, type SimEvent } from "./event";
import type { PluginOptions } from "./options";

const ESCAPES = /(?:%[0-9a-fA-F]{2})+/g;
const utf8 = new TextDecoder("utf-8");

function unescape(value: string): string {
  // Invalid UTF-8 after decoding becomes U+FFFD, as the UTF-8 charset conversion leaves it printable.
  return value.replace(ESCAPES, (run) => utf8.decode(Buffer.from(run.replace(/%/g, ""), "hex")));
}

function urldecode(value: JsonValue | undefined): JsonValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return unescape(value);
  if (Array.isArray(value)) return value.map(urldecode);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, urldecode(v)]));
  return value;
}

export function runUrldecode(event: SimEvent, opts: PluginOptions): FilterOutcome {
  try {
    if (opts.bool("all_fields", false)) {
      for (const [name, value] of Object.entries(event)) {
        // @timestamp is a Timestamp object in Logstash, returned as it is.
        if (name === "@timestamp") continue;
        event[name] = urldecode(value);
      }
    } else {
      const field = opts.string("field", "message")!;
      // A missing field is set to nil: the filter writes back whatever it decoded.
      set(event, field, urldecode(get(event, field)));
    }
  } catch (error) {
    tagAll(event, failureTags(opts, ["_urldecodefailure"]));
    filterMatched(event, opts);
    return { status: "failed", detail: (error as Error).message };
  }
  // filter_matched runs whether or not decoding failed.
  filterMatched(event, opts);
  return { status: "applied" };
}
