/** Reading plugin options from the syntax tree the way lineage needs them (last setting wins, as in Logstash). */
import type { HashEntry, Plugin, Value } from "../ast";
import { parseFieldPath } from "../fieldRefs";

export function option(plugin: Plugin, name: string): Value | undefined {
  let found: Value | undefined;
  for (const a of plugin.attributes) if (a.name === name && a.value) found = a.value;
  return found;
}

/** A string or bareword option's text. */
export function stringOption(plugin: Plugin, name: string): string | undefined {
  const v = option(plugin, name);
  return v?.kind === "string" || v?.kind === "bareword" ? v.value : v?.kind === "number" ? v.text : undefined;
}

/** An option that takes a string or an array of strings. */
export function stringList(plugin: Plugin, name: string): string[] {
  const v = option(plugin, name);
  if (!v) return [];
  const items = v.kind === "array" ? v.elements : [v];
  return items.flatMap((e) => (e.kind === "string" || e.kind === "bareword" ? [e.value] : []));
}

/** Every hash entry of options named `name` (Logstash merges repeated hash options). */
export function hashEntries(plugin: Plugin, name: string): HashEntry[] {
  const out: HashEntry[] = [];
  for (const a of plugin.attributes) {
    if (a.name !== name || !a.value) continue;
    if (a.value.kind === "hash") out.push(...a.value.entries);
    else if (a.value.kind === "array") {
      // The legacy array form `["key", "value", …]`.
      const els = a.value.elements;
      for (let i = 0; i + 1 < els.length; i += 2) {
        const key = els[i];
        if (key.kind === "string" || key.kind === "bareword" || key.kind === "number") out.push({ kind: "hashEntry", key, value: els[i + 1], range: key.range });
      }
    }
  }
  return out;
}

export function valueText(v: Value | undefined): string | undefined {
  return v?.kind === "string" || v?.kind === "bareword" ? v.value : v?.kind === "number" ? v.text : undefined;
}

/** A static field path (no `%{…}`); undefined for dynamic or invalid references. */
export function staticPath(text: string | undefined): string[] | undefined {
  if (text === undefined || text.includes("%{")) return undefined;
  return parseFieldPath(text);
}
