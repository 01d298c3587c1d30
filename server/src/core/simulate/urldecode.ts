/** logstash-filter-urldecode 3.x: `%XX` runs decoded (a `+` stays a `+`), in one field or all of them. */
import { failureTags, filterMatched, tagAll, type FilterOutcome } from "./common";
import { get, set, type JsonValue, type SimEvent } from "./event";
import type { PluginOptions } from "./options";

const ESCAPES = /(?:%[0-9a-fA-F]{2})+/g;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Length of the valid UTF-8 sequence at `i`, or 0. */
function sequenceLength(b: Uint8Array, i: number): number {
  const lead = b[i];
  const n = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (n <= 1 || i + n > b.length) return n === 1 ? 1 : 0;
  try {
    utf8.decode(b.subarray(i, i + n));
    return n;
  } catch {
    return 0;
  }
}

/**
 * Bytes as UTF-8 where they are valid; each invalid byte becomes the text `\xHH`, which is how the
 * filter's charset conversion leaves it (spec: "urldecode should replace invalid UTF-8").
 */
function decodeBytes(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; ) {
    const n = sequenceLength(b, i);
    if (n === 0) {
      out += `\\x${b[i].toString(16).toUpperCase().padStart(2, "0")}`;
      i++;
    } else {
      out += utf8.decode(b.subarray(i, i + n));
      i += n;
    }
  }
  return out;
}

function unescape(value: string): string {
  // Runs of escapes are decoded together with the text around them, so a character may be split
  // between literal bytes and escapes as in the Ruby code (which decodes the whole string's bytes).
  if (!ESCAPES.test(value)) return value;
  ESCAPES.lastIndex = 0;
  const bytes: number[] = [];
  let last = 0;
  for (const m of value.matchAll(ESCAPES)) {
    bytes.push(...Buffer.from(value.slice(last, m.index), "utf8"));
    bytes.push(...Buffer.from(m[0].replace(/%/g, ""), "hex"));
    last = m.index! + m[0].length;
  }
  bytes.push(...Buffer.from(value.slice(last), "utf8"));
  return decodeBytes(Uint8Array.from(bytes));
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
