/**
 * A Logstash event as plain JSON: field references, sprintf and the decorations every filter shares.
 */
import type { JsonObject, JsonValue } from "../grok/eventFields";
import { parseFieldReference } from "../fieldReference";
import { formatJodaUtc } from "./joda";

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

function isObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Numeric parts index arrays (negative from the end), as in Logstash's Accessors. */
function arrayIndex(arr: JsonValue[], key: string): number | undefined {
  if (!/^-?\d+$/.test(key)) return undefined;
  const i = Number(key);
  const at = i < 0 ? arr.length + i : i;
  return at >= 0 && at < arr.length ? at : undefined;
}

function child(node: JsonValue | undefined, key: string): JsonValue | undefined {
  if (Array.isArray(node)) {
    const i = arrayIndex(node, key);
    return i === undefined ? undefined : node[i];
  }
  if (isObject(node)) return Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
  return undefined;
}

export function getPath(event: SimEvent, path: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = event;
  for (const key of path) node = child(node, key);
  return node;
}

export function get(event: SimEvent, ref: string): JsonValue | undefined {
  return getPath(event, refPath(ref));
}

export function includes(event: SimEvent, ref: string): boolean {
  return get(event, ref) !== undefined;
}

/** Sets a field, creating intermediate objects; false where a scalar is in the way. */
export function setPath(event: SimEvent, path: readonly string[], value: JsonValue): boolean {
  let node: JsonValue = event;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    let next = child(node, key);
    if (next === undefined || next === null) {
      if (!isObject(node)) return false;
      next = {};
      node[key] = next;
    }
    if (next === null || typeof next !== "object") return false;
    node = next;
  }
  const last = path[path.length - 1];
  if (Array.isArray(node)) {
    if (!/^-?\d+$/.test(last)) return false;
    const i = Number(last);
    const at = i < 0 ? node.length + i : i;
    if (at < 0) return false;
    node[at] = value;
    return true;
  }
  if (!isObject(node)) return false;
  node[last] = value;
  return true;
}

export function set(event: SimEvent, ref: string, value: JsonValue): boolean {
  return setPath(event, refPath(ref), value);
}

/** Removes a field; returns the removed value. */
export function removePath(event: SimEvent, path: readonly string[]): JsonValue | undefined {
  const parent = getPath(event, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    const i = arrayIndex(parent, last);
    return i === undefined ? undefined : parent.splice(i, 1)[0];
  }
  if (isObject(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
    const v = parent[last];
    delete parent[last];
    return v;
  }
  return undefined;
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
