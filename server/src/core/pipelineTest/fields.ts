/**
 * LFV's field-reference shorthand: a key written `[log][file][path]` in `fields`, in expected events
 * and in json_lines input stands for nested objects; `ignore` entries use the same syntax.
 */
import type { JsonObject, JsonValue } from "../simulate";

// The same shape LFV accepts (internal/testcase/helper.go): one or more `[name]` parts, no commas.
const BRACKETED = /^(\[[^[\],]+\])+$/;

export function bracketPath(key: string): string[] {
  if (!BRACKETED.test(key)) return [key];
  return [...key.matchAll(/\[([^[\],]+)\]/g)].map((m) => m[1]);
}

function isObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
}

/** Expands bracketed keys into nested objects, recursively in nested objects (not inside arrays, as LFV). */
export function expandBrackets(data: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, raw] of Object.entries(data)) {
    const value = isObject(raw) ? expandBrackets(raw) : raw;
    const path = bracketPath(key);
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      if (!isObject(next)) node[part] = {};
      node = node[part] as JsonObject;
    }
    node[path[path.length - 1]] = value;
  }
  return out;
}

/** Deletes an `ignore` entry (a name or a field reference) in place; parents left empty go too, as in LFV. */
export function removeField(event: JsonObject, ref: string): void {
  removePath(event, bracketPath(ref));
}

function removePath(node: JsonObject, path: string[]): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    delete node[head];
    return;
  }
  const child = node[head];
  if (!isObject(child)) return;
  removePath(child, rest);
  if (Object.keys(child).length === 0) delete node[head];
}

/** JSON with object keys sorted at every level, as Go's encoding/json prints maps (LFV diffs that). */
export function canonicalJson(value: JsonValue, indent = 2): string {
  const sort = (v: JsonValue): JsonValue => {
    if (Array.isArray(v)) return v.map(sort);
    if (isObject(v)) {
      const out: JsonObject = {};
      for (const k of Object.keys(v).sort()) out[k] = sort(v[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value), null, indent);
}
