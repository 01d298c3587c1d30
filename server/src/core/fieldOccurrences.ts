/**
 * Every place a field is named in a config: condition selectors, `%{…}` references inside strings, grok
 * captures, and string values of options that take a field name (`source => "clientip"`).
 */
import type { Config, Plugin, Span, StringLiteral, Value } from "./ast";
import { fieldKey, findGrokCaptures, findSprintfRefs, parseFieldPath } from "./fieldRefs";
import { walk } from "./walk";

export interface FieldOccurrence {
  path: string[];
  /** `fieldKey(path)`, precomputed for comparisons. */
  key: string;
  range: Span;
  /** Whether the config reads the field or sets (or removes) it here. */
  access: "read" | "write";
  /** `selector` in conditions, `sprintf`/`grok` inside a string, `value` for a whole string naming a field. */
  source: "selector" | "sprintf" | "grok" | "value";
}

type Access = FieldOccurrence["access"];

/** Options whose string value, or each string element of whose array value, is a field name. */
const FIELD_VALUE_OPTIONS: Record<string, Access> = {
  source: "read",
  field: "read",
  fields: "read",
  target: "write",
  destination: "write",
  remove_field: "write",
  overwrite: "write",
  lowercase: "write",
  uppercase: "write",
  capitalize: "write",
  strip: "write",
};

/** Options taking a hash whose keys (and maybe values) are field names: [key access, value access]. */
const FIELD_HASH_OPTIONS: Record<string, [Access, Access | undefined]> = {
  add_field: ["write", undefined],
  rename: ["read", "write"],
  copy: ["read", "write"],
  merge: ["write", "read"],
  convert: ["write", undefined],
  coerce: ["write", undefined],
  update: ["write", undefined],
  replace: ["write", undefined],
  split: ["write", undefined],
  join: ["write", undefined],
  mapping: ["read", undefined],
};

export function findFieldOccurrences(config: Config): FieldOccurrence[] {
  const out: FieldOccurrence[] = [];
  /** Strings already classified by their option, so the generic sprintf pass skips them. */
  const handled = new Set<StringLiteral>();

  const add = (path: string[], range: Span, access: Access, source: FieldOccurrence["source"]) =>
    out.push({ path, key: fieldKey(path), range, access, source });

  const wholeString = (value: Value | undefined, access: Access) => {
    if (value?.kind !== "string") return;
    const path = parseFieldPath(value.value);
    // Strings with `%{…}` name a field only at run time; their references are found by the sprintf pass.
    if (!path || value.value.includes("%{")) return;
    handled.add(value);
    add(path, contentSpan(value), access, "value");
  };

  const grokPattern = (value: Value | undefined) => {
    const strings = value?.kind === "string" ? [value] : value?.kind === "array" ? value.elements : [];
    for (const s of strings) {
      if (s.kind !== "string") continue;
      handled.add(s);
      const base = s.range.start + 1;
      for (const ref of findGrokCaptures(s.value)) {
        add(ref.path, { start: base + ref.range.start, end: base + ref.range.end }, "write", "grok");
      }
    }
  };

  const plugin = (p: Plugin) => {
    for (const attribute of p.attributes) {
      const value = attribute.value;
      if (!value) continue;
      const name = attribute.name;
      if (p.name === "grok" && name === "match") {
        // `match => { "message" => "%{IP:client}" }`, or the legacy array form `["message", "pattern"]`.
        if (value.kind === "hash") {
          for (const entry of value.entries) {
            wholeString(entry.key, "read");
            grokPattern(entry.value);
          }
        } else if (value.kind === "array") {
          value.elements.forEach((e, i) => (i % 2 === 0 ? wholeString(e, "read") : grokPattern(e)));
        }
      } else if (p.name === "date" && name === "match" && value.kind === "array") {
        // The first element is the field, the rest are formats.
        wholeString(value.elements[0], "read");
      } else if (p.name === "mutate" && name === "gsub" && value.kind === "array") {
        // Triples of field, pattern, replacement.
        value.elements.forEach((e, i) => i % 3 === 0 && wholeString(e, "write"));
      } else if (name in FIELD_HASH_OPTIONS && value.kind === "hash") {
        const [keyAccess, valueAccess] = FIELD_HASH_OPTIONS[name];
        for (const entry of value.entries) {
          wholeString(entry.key, keyAccess);
          if (valueAccess) wholeString(entry.value, valueAccess);
        }
      } else if (name in FIELD_VALUE_OPTIONS) {
        const access = FIELD_VALUE_OPTIONS[name];
        if (value.kind === "array") for (const e of value.elements) wholeString(e, access);
        else wholeString(value, access);
      }
    }
  };

  walk(config, (node) => {
    if (node.kind === "plugin") plugin(node);
    else if (node.kind === "selector") add(node.path, node.range, "read", "selector");
  });

  walk(config, (node) => {
    if (node.kind !== "string" || handled.has(node)) return;
    const base = node.range.start + 1;
    for (const ref of findSprintfRefs(node.value)) {
      add(ref.path, { start: base + ref.range.start, end: base + ref.range.end }, "read", "sprintf");
    }
  });

  return out.sort((a, b) => a.range.start - b.range.start);
}

/** The text between a string's quotes. */
export function contentSpan(s: StringLiteral): Span {
  return { start: s.range.start + 1, end: Math.max(s.range.start + 1, s.range.end - 1) };
}
