/**
 * Logstash field references (`message`, `[source][address]`) over a plain JSON event.
 */
import { getPath, setPath, type JsonObject, type JsonValue } from "../eventFields";

export type { JsonObject, JsonValue };

/** `[a][b]` → ["a", "b"]; anything else is one top-level key, as Logstash reads a bare name. */
export function parseFieldRef(ref: string): string[] {
  if (/^(\[[^\[\]]+\])+$/.test(ref)) return ref.slice(1, -1).split("][");
  return [ref];
}

/** Grok reads and writes through the shared accessors, as the grok filter goes through `event.get`/`event.set`. */
export const getField = getPath;
export const setField = setPath;

/** Ruby's `to_s` of a field value, as grok stringifies non-string input. */
export function fieldToString(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
