/**
 * Logstash field references (`message`, `[source][address]`) over a plain JSON event.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** `[a][b]` → ["a", "b"]; anything else is one top-level key, as Logstash reads a bare name. */
export function parseFieldRef(ref: string): string[] {
  if (/^(\[[^\[\]]+\])+$/.test(ref)) return ref.slice(1, -1).split("][");
  return [ref];
}

export function getField(event: JsonObject, path: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = event;
  for (const key of path) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
  }
  return node;
}

/** Sets a field, creating intermediate objects; returns false where a non-object is in the way. */
export function setField(event: JsonObject, path: readonly string[], value: JsonValue): boolean {
  let node: JsonObject = event;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    if (next === undefined || next === null) {
      const created: JsonObject = {};
      node[key] = created;
      node = created;
    } else if (typeof next === "object" && !Array.isArray(next)) node = next;
    else return false;
  }
  node[path[path.length - 1]] = value;
  return true;
}

/** Ruby's `to_s` of a field value, as grok stringifies non-string input. */
export function fieldToString(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
