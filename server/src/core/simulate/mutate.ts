/**
 * logstash-filter-mutate's operations, run in the order its `filter` method calls them (not the
 * order they are written): coerce, rename, update, replace, convert, gsub, uppercase, capitalize,
 * lowercase, strip, split, join, merge, copy. An exception tags the event and skips add_field & co.
 */
import { rubyToF, rubyToI } from "../grok/convert";
import { get, includes, remove, set, sprintf, valueToString, type JsonValue, type SimEvent } from "./event";
import type { PluginOptions } from "./options";

export const MUTATE_ORDER = [
  "coerce",
  "rename",
  "update",
  "replace",
  "convert",
  "gsub",
  "uppercase",
  "capitalize",
  "lowercase",
  "strip",
  "split",
  "join",
  "merge",
  "copy",
] as const;

const TRUE_RE = /^(true|t|yes|y|1|1\.0)$/i;
const FALSE_RE = /^(false|f|no|n|0|0\.0)$/i;

function str(v: JsonValue): string {
  return typeof v === "string" ? v : valueToString(v);
}

function convertOne(type: string, value: JsonValue): JsonValue {
  switch (type) {
    case "integer":
    case "integer_eu": {
      if (value === true) return 1;
      if (value === false) return 0;
      if (typeof value === "number") return Math.trunc(value);
      let s = str(value);
      if (type === "integer_eu") s = s.replace(/[,.]/g, (c) => (c === "," ? "." : ","));
      return rubyToI(s.replace(/,/g, ""));
    }
    case "float":
    case "float_eu": {
      if (value === true) return 1.0;
      if (value === false) return 0.0;
      if (typeof value === "number") return value;
      let s = str(value);
      if (type === "float_eu") s = s.replace(/[,.]/g, (c) => (c === "," ? "." : ","));
      return rubyToF(s.replace(/,/g, ""));
    }
    case "string":
      return str(value);
    case "boolean": {
      const s = str(value);
      if (TRUE_RE.test(s)) return true;
      if (s === "" || FALSE_RE.test(s)) return false;
      return value;
    }
    default:
      throw new Error(`mutate convert: unknown type \`${type}\``);
  }
}

/** Ruby's String#capitalize: first character up, the rest down. */
function capitalize(s: string): string {
  return s.length ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s;
}

/** Ruby's String#split with a string separator: trailing empty strings are dropped. */
function rubySplit(s: string, sep: string): string[] {
  const parts = sep === " " ? s.trim().split(/\s+/) : s.split(sep);
  while (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** Ruby gsub replacement escapes (`\1`, `\0`, `\k<name>`) in JS terms. */
function jsReplacement(ruby: string): string {
  return ruby.replace(/\$/g, "$$$$").replace(/\\(\d)|\\k<(\w+)>|\\\\/g, (m, d: string | undefined, name: string | undefined) => {
    if (d !== undefined) return d === "0" ? "$&" : `$${d}`;
    if (name !== undefined) return `$<${name}>`;
    return "\\";
  });
}

function mapStrings(event: SimEvent, field: string, fn: (s: string) => string): void {
  const original = get(event, field);
  if (original === undefined || original === null) return;
  if (Array.isArray(original)) set(event, field, original.map((e) => (typeof e === "string" ? fn(e) : e)));
  else if (typeof original === "string") set(event, field, fn(original));
}

/** Runs the mutate operations present in `opts`; returns the names of those that ran, in order. */
export function applyMutate(event: SimEvent, opts: PluginOptions): string[] {
  const ran: string[] = [];
  for (const op of MUTATE_ORDER) {
    if (!opts.has(op)) continue;
    ran.push(op);
    switch (op) {
      case "coerce":
        for (const [field, def] of opts.pairs(op)) if (includes(event, field) && get(event, field) === null) set(event, field, sprintf(event, str(def)));
        break;
      case "rename":
        for (const [from, to] of opts.pairs(op)) {
          const oldRef = sprintf(event, from);
          const newRef = sprintf(event, str(to));
          if (!includes(event, oldRef)) continue;
          set(event, newRef, remove(event, oldRef) ?? null);
        }
        break;
      case "update":
        for (const [field, v] of opts.pairs(op)) if (includes(event, field)) set(event, field, sprintf(event, str(v)));
        break;
      case "replace":
        for (const [field, v] of opts.pairs(op)) set(event, field, sprintf(event, str(v)));
        break;
      case "convert":
        for (const [field, type] of opts.pairs(op)) {
          if (!includes(event, field)) continue;
          const original = get(event, field)!;
          if (original !== null && typeof original === "object" && !Array.isArray(original)) continue;
          set(event, field, Array.isArray(original) ? original.map((v) => convertOne(str(type), v)) : convertOne(str(type), original));
        }
        break;
      case "gsub": {
        const spec = opts.list(op);
        if (spec.length % 3 !== 0) throw new Error("mutate gsub needs [field, pattern, replacement] triples");
        for (let i = 0; i < spec.length; i += 3) {
          const [field, needle, replacement] = spec.slice(i, i + 3);
          // JS RegExp stands in for Ruby's here: same results for the usual character classes and groups.
          const re = new RegExp(sprintf(event, needle), "g");
          const rep = jsReplacement(sprintf(event, replacement));
          mapStrings(event, field, (s) => s.replace(re, rep));
        }
        break;
      }
      case "uppercase":
        for (const f of opts.list(op)) mapStrings(event, f, (s) => s.toUpperCase());
        break;
      case "capitalize":
        for (const f of opts.list(op)) mapStrings(event, f, capitalize);
        break;
      case "lowercase":
        for (const f of opts.list(op)) mapStrings(event, f, (s) => s.toLowerCase());
        break;
      case "strip":
        for (const f of opts.list(op)) mapStrings(event, f, (s) => s.replace(/^[\s\0]+|[\s\0]+$/g, ""));
        break;
      case "split":
        for (const [field, sep] of opts.pairs(op)) {
          const v = get(event, field);
          if (typeof v === "string") set(event, field, rubySplit(v, str(sep)));
        }
        break;
      case "join":
        for (const [field, sep] of opts.pairs(op)) {
          const v = get(event, field);
          if (Array.isArray(v)) set(event, field, v.map((x) => (x === null ? "" : str(x))).join(str(sep)));
        }
        break;
      case "merge":
        for (const [dest, added] of opts.pairs(op)) {
          // As upstream, the destination is read once, before the added fields are folded in.
          const destValue = get(event, dest);
          for (const addedField of Array.isArray(added) ? added.map(str) : [str(added)]) {
            const addedValue = get(event, addedField);
            const isHash = (v: JsonValue | undefined) => v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
            if (isHash(destValue) !== isHash(addedValue)) continue;
            const asArray = (v: JsonValue | undefined): JsonValue[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
            if (isHash(destValue)) set(event, dest, { ...(destValue as object), ...(addedValue as object) } as JsonValue);
            else set(event, dest, [...asArray(destValue), ...asArray(addedValue)]);
          }
        }
        break;
      case "copy":
        for (const [from, to] of opts.pairs(op)) {
          const v = get(event, from);
          if (v === undefined || v === null) continue;
          set(event, str(to), structuredClone(v));
        }
        break;
    }
  }
  return ran;
}
