/**
 * Field access on a Logstash event held as plain JSON, shared by grok and the simulator. Paths are
 * already parsed (`[a][b]` → ["a", "b"]); numeric parts index arrays, negative ones from the end, as
 * Logstash's Accessors do.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
}

function arrayIndex(arr: readonly JsonValue[], key: string): number | undefined {
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
  if (isJsonObject(node)) return Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
  return undefined;
}

export function getPath(event: JsonObject, path: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = event;
  for (const key of path) node = child(node, key);
  return node;
}

/** Sets a field, creating intermediate objects (also over a null); false where a scalar is in the way. */
export function setPath(event: JsonObject, path: readonly string[], value: JsonValue): boolean {
  return updatePath(event, path, () => value);
}

/**
 * Reads and writes a field in one walk: `update` gets the current value and returns the new one, or
 * undefined to leave the field alone. Intermediate objects are created as `setPath` creates them;
 * false when a scalar is in the way or `update` declined. Grok stores every capture through it.
 */
export function updatePath(event: JsonObject, path: readonly string[], update: (current: JsonValue | undefined) => JsonValue | undefined): boolean {
  let node: JsonValue = event;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    let next = child(node, key);
    if (next === undefined || next === null) {
      if (!isJsonObject(node)) return false;
      next = {};
      node[key] = next;
    }
    if (typeof next !== "object") return false;
    node = next;
  }
  const last = path[path.length - 1];
  if (Array.isArray(node)) {
    if (!/^-?\d+$/.test(last)) return false;
    const i = Number(last);
    const at = i < 0 ? node.length + i : i;
    if (at < 0) return false;
    const value = update(node[at]);
    if (value === undefined) return false;
    node[at] = value;
    return true;
  }
  if (!isJsonObject(node)) return false;
  const value = update(Object.prototype.hasOwnProperty.call(node, last) ? node[last] : undefined);
  if (value === undefined) return false;
  node[last] = value;
  return true;
}

/** Removes a field; returns the removed value. */
export function removePath(event: JsonObject, path: readonly string[]): JsonValue | undefined {
  const parent = getPath(event, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    const i = arrayIndex(parent, last);
    return i === undefined ? undefined : parent.splice(i, 1)[0];
  }
  if (isJsonObject(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
    const v = parent[last];
    delete parent[last];
    return v;
  }
  return undefined;
}
