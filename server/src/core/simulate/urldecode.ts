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

const ESCAPED: Record<number, string> = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 27: "\\e", 34: '\\"', 92: "\\\\" };
/** What Onigmo does not count as printable: controls, surrogates, unassigned, line/paragraph separators. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cs}\p{Cn}\p{Zl}\p{Zp}]/u;

/**
 * LogStash::Util::Charset#convert for UTF-8: valid text is kept; text with an invalid byte becomes
 * Ruby's `inspect` of it without the quotes (each bad byte `\xHH`, quotes and backslashes escaped,
 * controls as `\n`/`\u0001`, `#` escaped before `{`, `$`, `@`).
 */
export function rubyCharsetConvert(b: Uint8Array): string {
  let valid = true;
  for (let i = 0; i < b.length; ) {
    const n = sequenceLength(b, i);
    if (n === 0) {
      valid = false;
      break;
    }
    i += n;
  }
  if (valid) return utf8.decode(b);
  let out = "";
  for (let i = 0; i < b.length; ) {
    const n = sequenceLength(b, i);
    if (n === 0) {
      out += `\\x${b[i].toString(16).toUpperCase().padStart(2, "0")}`;
      i++;
      continue;
    }
    const ch = utf8.decode(b.subarray(i, i + n));
    const cp = ch.codePointAt(0)!;
    i += n;
    if (cp in ESCAPED) out += ESCAPED[cp];
    else if (cp === 35 && i < b.length && (b[i] === 123 || b[i] === 36 || b[i] === 64)) out += "\\#";
    else if (NOT_PRINTABLE.test(ch)) out += cp <= 0xffff ? `\\u${cp.toString(16).toUpperCase().padStart(4, "0")}` : `\\u{${cp.toString(16).toUpperCase()}}`;
    else out += ch;
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
  return rubyCharsetConvert(Uint8Array.from(bytes));
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
