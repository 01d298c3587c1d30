/**
 * Go to definition and find references for fields (where a field is set: grok captures, add_field,
 * mutate rename/copy …) and for custom grok pattern names (`pattern_definitions` in the file; pattern
 * files of `patterns_dir` are added by the server, which can read the workspace).
 */
import { containsOffset, type Span } from "./ast";
import { findFieldOccurrences } from "./fieldOccurrences";
import type { ParseResult } from "./parse";
import { forEachPlugin } from "./walk";

export interface PatternDefinition {
  name: string;
  /** Where the name is defined: an offset span in this document, or a line of a pattern file. */
  range?: Span;
  file?: { path: string; line: number };
}


/** Spans where the field under the cursor is set (definition) or named at all (references). */
export function findFieldLocations(parsed: ParseResult, offset: number, mode: "definition" | "references"): Span[] | undefined {
  const occurrences = findFieldOccurrences(parsed.config);
  const here = occurrences.find((o) => containsOffset(o.range, offset));
  if (!here) return undefined;
  const same = occurrences.filter((o) => o.key === here.key && (mode === "references" || o.access === "write"));
  return same.map((o) => o.range);
}

/** The `%{NAME}` under the cursor inside a grok plugin, and its span. */
export function grokPatternAt(parsed: ParseResult, offset: number): { name: string; range: Span } | undefined {
  let found: { name: string; range: Span } | undefined;
  forEachPlugin(parsed.config, (plugin, ctx) => {
    if (found || ctx.section !== "filter" || plugin.name !== "grok" || !containsOffset(plugin.range, offset)) return;
    const body = parsed.text.slice(plugin.range.start, plugin.range.end);
    const re = /%\{(\w+)/g;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const start = plugin.range.start + m.index + 2;
      const range = { start, end: start + m[1].length };
      if (containsOffset(range, offset)) found = { name: m[1], range };
    }
  });
  return found;
}

/** Custom patterns defined inline with `pattern_definitions => { "NAME" => "regex" }`. */
export function inlinePatternDefinitions(parsed: ParseResult): PatternDefinition[] {
  const out: PatternDefinition[] = [];
  forEachPlugin(parsed.config, (plugin, ctx) => {
    if (ctx.section !== "filter" || plugin.name !== "grok") return;
    for (const a of plugin.attributes) {
      if (a.name !== "pattern_definitions" || a.value?.kind !== "hash") continue;
      for (const e of a.value.entries) {
        const name = e.key.kind === "number" ? e.key.text : e.key.value;
        const start = e.key.kind === "string" ? e.key.range.start + 1 : e.key.range.start;
        out.push({ name, range: { start, end: start + name.length } });
      }
    }
  });
  return out;
}

/** `patterns_dir` values of the grok filters, for the server to resolve against the workspace. */
export function patternsDirs(parsed: ParseResult): string[] {
  const dirs: string[] = [];
  forEachPlugin(parsed.config, (plugin, ctx) => {
    if (ctx.section !== "filter" || plugin.name !== "grok") return;
    const v = plugin.attributes.find((a) => a.name === "patterns_dir")?.value;
    const items = v?.kind === "array" ? v.elements : v ? [v] : [];
    for (const i of items) if (i.kind === "string" || i.kind === "bareword") dirs.push(i.value);
  });
  return dirs;
}

/** Parses a grok pattern file (`NAME regex` per line, `#` comments) into definitions with line numbers. */
export function parsePatternFile(path: string, text: string): PatternDefinition[] {
  const out: PatternDefinition[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /^\s*([A-Za-z0-9_]+)\s+\S/.exec(line);
    if (m && !line.trimStart().startsWith("#")) out.push({ name: m[1], file: { path, line: i } });
  });
  return out;
}
