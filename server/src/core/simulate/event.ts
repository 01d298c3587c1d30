/**
 * A Logstash event as plain JSON: field references, sprintf and the decorations every filter shares.
 */
import { getPath, removePath, setPath, type JsonObject, type JsonValue } from "../eventFields";
import { parseFieldReference } from "../fieldReference";
import { formatJodaUtc } from "./joda";

export { getPath, removePath, setPath };
export type { JsonObject, JsonValue };

/** An event; `@metadata` travels with it but is not part of what outputs see. */
export type SimEvent = JsonObject;

/** A fresh event as an input would create it, `fields` laid over the defaults. */
export function createEvent(fields: JsonObject = {}, now: Date = new Date()): SimEvent {
  const event: SimEvent = { "@timestamp": now.toISOString(), "@version": "1", ...structuredClone(fields) };
  return event;
}

/** Path of a field reference; throws on what Logstash rejects as "Invalid FieldReference". */
export function refPath(ref: string): string[] {
  const parsed = parseFieldReference(ref);
  if ("error" in parsed) throw new Error(`Invalid FieldReference: \`${ref}\``);
  return parsed.path;
}

export function get(event: SimEvent, ref: string): JsonValue | undefined {
  return getPath(event, refPath(ref));
}

export function includes(event: SimEvent, ref: string): boolean {
  return get(event, ref) !== undefined;
}

/**
 * `event.set`: like Logstash's Accessors it throws where a scalar sits in the way (`[a][b]` when `[a]`
 * is a string); filters that rescue errors (mutate, de_dot) turn that into their failure tag.
 */
export function set(event: SimEvent, ref: string, value: JsonValue): true {
  if (!setPath(event, refPath(ref), value)) throw new Error(`Could not set field ${ref}: a value that is not a map is in the way`);
  return true;
}

export function remove(event: SimEvent, ref: string): JsonValue | undefined {
  return removePath(event, refPath(ref));
}

/** How a value prints inside a sprintf: arrays joined by commas, hashes as JSON (as StringInterpolation). */
export function valueToString(value: JsonValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((v) => (v !== null && typeof v === "object" ? JSON.stringify(v) : valueToString(v))).join(",");
  return JSON.stringify(value);
}

/**
 * Logstash's `event.sprintf`: `%{field}` / `%{[a][b]}` read fields, `%{+FORMAT}` formats @timestamp in
 * UTC (`%{+%s}` is epoch seconds). A missing field leaves the `%{…}` text as it was.
 */
export function sprintf(event: SimEvent, template: string): string {
  if (!template.includes("%{")) return template;
  return template.replace(/%\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner.startsWith("+")) {
      const ts = event["@timestamp"];
      const date = typeof ts === "string" ? new Date(ts) : undefined;
      if (!date || Number.isNaN(date.getTime())) return whole;
      if (inner === "+%s") return String(Math.floor(date.getTime() / 1000));
      return formatJodaUtc(date, inner.slice(1));
    }
    let value: JsonValue | undefined;
    try {
      value = get(event, inner);
    } catch {
      return whole;
    }
    return value === undefined ? whole : valueToString(value);
  });
}

/** The tags as an array (Logstash turns a lone string into a one-element list when it adds to it). */
function tagList(event: SimEvent): JsonValue[] {
  const tags = event.tags;
  if (tags === undefined || tags === null) return [];
  return Array.isArray(tags) ? tags : [tags];
}

/** Adds a tag unless present (Decorators.add_tags). */
export function addTag(event: SimEvent, tag: string): void {
  const tags = tagList(event);
  if (!tags.includes(tag)) tags.push(tag);
  event.tags = tags;
}

export function removeTag(event: SimEvent, tag: string): void {
  if (event.tags === undefined) return;
  event.tags = tagList(event).filter((t) => t !== tag);
}

/** The value of an `add_field`: a new field, or appended to what is there (made an array). */
export function addFieldValue(event: SimEvent, ref: string, value: string): void {
  const current = get(event, ref);
  if (current === undefined) set(event, ref, value);
  else set(event, ref, Array.isArray(current) ? [...current, value] : [current, value]);
}

/** The event as outputs see it: without `@metadata`. */
export function outputView(event: SimEvent): JsonObject {
  const { "@metadata": _metadata, ...rest } = event;
  return rest;
}
