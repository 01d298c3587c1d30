/** logstash-filter-truncate 1.x: strings cut to `length_bytes` UTF-8 bytes without splitting a character. */
import { FilterConfigError, filterMatched, type FilterOutcome } from "./common";
import { get, set, type JsonValue, type SimEvent } from "./event";
import type { PluginOptions } from "./options";

function trim(value: string, length: number): string {
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length <= length) return value;
  if (length <= 0) return "";
  let end = length;
  // Back off continuation bytes so the cut falls on a character boundary.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString("utf8");
}

function truncate(event: SimEvent, field: string, length: number): void {
  // @timestamp is a Timestamp object in Logstash, not a string: never cut.
  if (field === "@timestamp" || field === "[@timestamp]") return;
  const value = get(event, field);
  if (typeof value === "string") set(event, field, trim(value, length));
  else if (Array.isArray(value)) set(event, field, value.map((v) => (typeof v === "string" ? trim(v, length) : v)));
  else if (value !== null && typeof value === "object") {
    const ref = field.startsWith("[") ? field : `[${field}]`;
    for (const key of Object.keys(value)) truncate(event, `${ref}[${key}]`, length);
  }
}

export function runTruncate(event: SimEvent, opts: PluginOptions): FilterOutcome {
  if (!opts.has("length_bytes")) throw new FilterConfigError("truncate needs `length_bytes`");
  const length = opts.number("length_bytes", 0);
  const fields = opts.has("fields") ? opts.list("fields") : Object.keys(event).map((k) => `[${k}]`);
  let truncated = false;
  for (const field of fields) {
    const before = JSON.stringify(get(event, field) as JsonValue | undefined);
    truncate(event, field, length);
    truncated ||= before !== JSON.stringify(get(event, field) as JsonValue | undefined);
  }
  // Decorations only when something was cut.
  if (truncated) filterMatched(event, opts);
  return { status: "applied", detail: truncated ? "truncated" : "nothing longer than the limit" };
}
