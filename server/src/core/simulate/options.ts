/**
 * A plugin's options as plain values, the way Logstash's config mixin hands them to the plugin:
 * repeated options merge, a `:hash` option written as a flat list pairs its elements.
 */
import type { Plugin, Value } from "../ast";
import type { JsonValue } from "./event";

export type OptionValue = JsonValue;

function toJson(v: Value): OptionValue {
  switch (v.kind) {
    case "string":
    case "bareword":
      return v.value;
    case "number":
      return v.value;
    case "array":
      return v.elements.map(toJson);
    case "hash": {
      const out: { [k: string]: OptionValue } = {};
      for (const e of v.entries) if (e.value) out[String(e.key.value)] = toJson(e.value);
      return out;
    }
    case "plugin":
      return { [v.name]: {} };
  }
}

export class PluginOptions {
  private readonly values = new Map<string, OptionValue>();

  constructor(plugin: Plugin) {
    for (const a of plugin.attributes) {
      if (!a.value) continue;
      const v = toJson(a.value);
      const prev = this.values.get(a.name);
      if (prev === undefined) this.values.set(a.name, v);
      else if (Array.isArray(prev)) this.values.set(a.name, [...prev, ...(Array.isArray(v) ? v : [v])]);
      else if (isHash(prev) && isHash(v)) this.values.set(a.name, { ...prev, ...v });
      else this.values.set(a.name, v);
    }
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  names(): string[] {
    return [...this.values.keys()];
  }

  string(name: string, fallback?: string): string | undefined {
    const v = this.values.get(name);
    if (v === undefined) return fallback;
    if (Array.isArray(v)) return v.length ? String(v[0]) : fallback;
    return typeof v === "object" && v !== null ? fallback : String(v);
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.values.get(name);
    if (v === undefined) return fallback;
    return v === true || v === "true";
  }

  number(name: string, fallback: number): number {
    const v = this.values.get(name);
    const n = typeof v === "number" ? v : Number(v);
    return v === undefined || Number.isNaN(n) ? fallback : n;
  }

  /** An `:array` option; a lone value is a one-element list. */
  list(name: string): string[] {
    const v = this.values.get(name);
    if (v === undefined || v === null) return [];
    return (Array.isArray(v) ? v : [v]).map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
  }

  /** A `:hash` option as ordered pairs; `[k1, v1, k2, v2]` pairs up as Logstash does. */
  pairs(name: string): [string, OptionValue][] {
    const v = this.values.get(name);
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) {
      const out: [string, OptionValue][] = [];
      for (let i = 0; i + 1 < v.length; i += 2) out.push([String(v[i]), v[i + 1]]);
      return out;
    }
    if (isHash(v)) return Object.entries(v);
    return [];
  }

  raw(name: string): OptionValue | undefined {
    return this.values.get(name);
  }
}

function isHash(v: OptionValue): v is { [k: string]: OptionValue } {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
