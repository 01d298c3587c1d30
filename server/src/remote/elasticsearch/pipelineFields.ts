/**
 * The fields a pipeline writes, for comparison with the target index's mapping: from simulated events
 * when the user has samples (exact), otherwise from the config alone (grok captures with their `:int`/
 * `:float` suffixes, `add_field`, mutate `convert`/`rename`/`copy`, date and json/kv targets).
 */
import type { Config, Plugin, Value } from "../../core/ast";
import { parseFieldPath } from "../../core/fieldRefs";
import type { JsonValue } from "../../core/simulate";
import { forEachPlugin } from "../../core/walk";

export type WrittenType = "string" | "numericString" | "integer" | "float" | "boolean" | "object" | "date" | "unknown";

export interface WrittenField {
  /** Dotted path as in a mapping (`source.address`). */
  path: string;
  type: WrittenType;
  /** Where the knowledge comes from: `simulation`, or the plugin and option (`grok match`, `mutate convert`). */
  source: string;
  sample?: string;
}

function dotted(ref: string): string | undefined {
  return parseFieldPath(ref)?.join(".");
}

function strings(v: Value | undefined): string[] {
  if (!v) return [];
  if (v.kind === "string" || v.kind === "bareword") return [v.value];
  if (v.kind === "array") return v.elements.flatMap(strings);
  if (v.kind === "hash") return v.entries.flatMap((e) => strings(e.value));
  return [];
}

function hashEntries(plugin: Plugin, option: string): [string, Value | undefined][] {
  return plugin.attributes
    .filter((a) => a.name === option && a.value?.kind === "hash")
    .flatMap((a) => (a.value as Extract<Value, { kind: "hash" }>).entries.map((e): [string, Value | undefined] => [e.key.kind === "number" ? e.key.text : e.key.value, e.value]));
}

const CONVERT_TYPES: Record<string, WrittenType> = {
  integer: "integer", integer_eu: "integer", float: "float", float_eu: "float", boolean: "boolean", string: "string",
};

function literalType(text: string): WrittenType {
  if (/%\{/.test(text)) return "unknown";
  return /^-?\d+(\.\d+)?$/.test(text) ? "numericString" : "string";
}

/** Fields known from the config alone; later writers of a path win (a convert after a grok). */
export function staticFieldsOf(config: Config): WrittenField[] {
  const fields = new Map<string, WrittenField>();
  const put = (ref: string, type: WrittenType, source: string, sample?: string) => {
    const path = dotted(ref);
    if (!path) return;
    const prev = fields.get(path);
    // A later write with an unknown type keeps what an earlier one told.
    if (prev && type === "unknown") return;
    fields.set(path, { path, type, source, sample });
  };
  const removed = new Set<string>();
  forEachPlugin(config, (plugin, ctx) => {
    if (ctx.section !== "filter" || ctx.parent) return;
    if (plugin.name === "grok") {
      for (const [, value] of hashEntries(plugin, "match")) {
        for (const pattern of strings(value)) {
          for (const m of pattern.matchAll(/%\{[A-Za-z0-9_]+:([^:{}]+)(?::(int|float))?\}/g)) put(m[1], m[2] === "int" ? "integer" : m[2] === "float" ? "float" : "string", "grok match");
          for (const m of pattern.matchAll(/\(\?<([A-Za-z_@][^>]*)>/g)) put(m[1], "string", "grok match");
        }
      }
    }
    for (const [key, value] of hashEntries(plugin, "add_field")) {
      const text = strings(value)[0] ?? "";
      put(key, literalType(text), `${plugin.name} add_field`, text);
    }
    if (plugin.name === "mutate") {
      for (const [, to] of hashEntries(plugin, "rename")) for (const s of strings(to)) put(s, "unknown", "mutate rename");
      for (const [, to] of hashEntries(plugin, "copy")) for (const s of strings(to)) put(s, "unknown", "mutate copy");
      for (const [key, type] of hashEntries(plugin, "convert")) put(key, CONVERT_TYPES[strings(type)[0] ?? ""] ?? "unknown", "mutate convert");
      for (const [key, value] of hashEntries(plugin, "replace")) put(key, literalType(strings(value)[0] ?? ""), "mutate replace");
    }
    if (plugin.name === "date") {
      const target = plugin.attributes.find((a) => a.name === "target");
      put(strings(target?.value)[0] ?? "@timestamp", "date", "date target");
    }
    if (plugin.name === "json" || plugin.name === "kv") {
      const target = strings(plugin.attributes.find((a) => a.name === "target")?.value)[0];
      if (target) put(target, "object", `${plugin.name} target`);
    }
    for (const a of plugin.attributes) {
      if (a.name === "remove_field") for (const s of strings(a.value)) removed.add(dotted(s) ?? s);
    }
  });
  for (const path of removed) if (fields.get(path)?.source !== "date target") fields.delete(path);
  fields.set("@timestamp", { path: "@timestamp", type: "date", source: "event" });
  return [...fields.values()].sort((a, b) => a.path.localeCompare(b.path));
}

function typeOfValue(v: JsonValue): WrittenType {
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "float";
  if (typeof v === "string") return /^-?\d+(\.\d+)?$/.test(v) ? "numericString" : "string";
  if (v && typeof v === "object") return "object";
  return "unknown";
}

/** One type for a field seen with two: decimals win over integers, text over numeric text. */
function mergeTypes(a: WrittenType, b: WrittenType): WrittenType {
  if (a === b || b === "unknown") return a;
  if (a === "unknown") return b;
  const pair = new Set([a, b]);
  if (pair.has("float") && pair.has("integer")) return "float";
  if (pair.has("string") && pair.has("numericString")) return "string";
  return a;
}

/** Leaf fields of simulated events (as outputs see them); an array counts as its elements' type. */
export function simulatedFieldsOf(events: Record<string, JsonValue>[]): WrittenField[] {
  const fields = new Map<string, WrittenField>();
  const visit = (value: JsonValue, path: string) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, path);
      return;
    }
    if (value && typeof value === "object") {
      if (path) fields.set(path, fields.get(path) ?? { path, type: "object", source: "simulation" });
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
      return;
    }
    let type = typeOfValue(value);
    if (path === "@timestamp") type = "date";
    const prev = fields.get(path);
    const own = type;
    if (prev) type = mergeTypes(prev.type, type);
    // The sample shows a value of the type the field ended up with (the one a conflict is about).
    const sample = prev && own !== type ? prev.sample : value === null ? "null" : String(value).slice(0, 80);
    fields.set(path, { path, type, source: "simulation", sample });
  };
  for (const e of events) visit(e, "");
  return [...fields.values()].sort((a, b) => a.path.localeCompare(b.path));
}
