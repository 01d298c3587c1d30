/**
 * grok `match` patterns: every `%{NAME}` must exist in the pattern set the filter uses (legacy or
 * ecs-v1, chosen by `ecs_compatibility`, whose default follows the Logstash version), and the regex must
 * compile in Oniguruma. The `logsmith.grok.patternsPath` files join the set when the host passes them;
 * names from `patterns_dir` files cannot be seen here, so with `patterns_dir` set only regex errors are
 * reported.
 */
import type { Plugin, StringLiteral, Value } from "../ast";
import { compareVersions } from "../catalog/versions";
import { buildPatternMap, patternSetFor, type EcsCompatibility, type PatternSet } from "../grok/patternLibrary";
import { validateGrokPattern } from "../grok/validate";
import type { PluginUnderCheck, Reporter } from "./context";
import { scalarText } from "./context";

/** The pattern set a grok filter compiles against in this Logstash version. */
export function grokPatternSet(plugin: Plugin, version: string): PatternSet {
  const ecs = scalarText(plugin.attributes.find((a) => a.name === "ecs_compatibility")?.value);
  if (ecs === "disabled" || ecs === "v1" || ecs === "v8") return patternSetFor(ecs as EcsCompatibility);
  // pipeline.ecs_compatibility defaults to v8 from Logstash 8.0, disabled before.
  return compareVersions(version, "8.0") >= 0 ? "ecs-v1" : "legacy";
}

/** `pattern_definitions` as pattern-file text, so they join the set like Logstash loads them. */
export function inlineDefinitions(plugin: Plugin): string[] {
  const v = plugin.attributes.find((a) => a.name === "pattern_definitions")?.value;
  if (v?.kind !== "hash") return [];
  return v.entries.flatMap((e) => {
    const name = e.key.kind === "number" ? e.key.text : e.key.value;
    const regex = scalarText(e.value);
    return regex === undefined ? [] : [`${name} ${regex}`];
  });
}

/** The patterns a grok filter sees: built-in set, then `patternsPath` texts, then `pattern_definitions`. */
export function grokPatternMap(plugin: Plugin, version: string, patternsPath: readonly string[] = []): Map<string, string> {
  return buildPatternMap(grokPatternSet(plugin, version), { extraPatterns: [...patternsPath, ...inlineDefinitions(plugin)] });
}

function matchPatterns(value: Value): StringLiteral[] {
  if (value.kind === "hash") {
    return value.entries.flatMap((e) => (!e.value ? [] : e.value.kind === "array" ? e.value.elements : [e.value])).filter((v): v is StringLiteral => v.kind === "string");
  }
  // The array form: ["field", "pattern", "field", "pattern", …].
  if (value.kind === "array") return value.elements.filter((v, i): v is StringLiteral => i % 2 === 1 && v.kind === "string");
  return [];
}

/**
 * Results by pattern set, inline definitions and pattern. Checking expands the pattern and parses the
 * whole expanded regex, which costs about a millisecond for the big log patterns, and pipelines repeat
 * the same few patterns while every keystroke re-checks all of them.
 */
const cache = new Map<string, ReturnType<typeof validateGrokPattern>>();
const CACHE_LIMIT = 2000;

function cachedValidate(pattern: string, set: PatternSet, extra: string[]): ReturnType<typeof validateGrokPattern> {
  const key = set + "\u0000" + extra.join("\n") + "\u0000" + pattern;
  let hit = cache.get(key);
  if (!hit) {
    hit = validateGrokPattern(pattern, set, extra);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, hit);
  }
  return hit;
}

export function checkGrokPatterns(p: PluginUnderCheck, r: Reporter): void {
  if (p.kind !== "filter" || p.plugin.name !== "grok") return;
  const match = p.plugin.attributes.find((a) => a.name === "match")?.value;
  if (!match) return;
  const set = grokPatternSet(p.plugin, r.catalog.version);
  const extra = [...(r.options.grokPatterns ?? []), ...inlineDefinitions(p.plugin)];
  const hasPatternsDir = p.plugin.attributes.some((a) => a.name === "patterns_dir");
  for (const s of matchPatterns(match)) {
    if (s.value.includes("${")) continue;
    for (const i of cachedValidate(s.value, set, extra)) {
      if (hasPatternsDir && i.code === "grok-unknown-pattern") continue;
      const base = s.range.start + 1;
      r.add(i.code, i.severity, i.message, { start: base + i.range.start, end: base + i.range.end }, i.data);
    }
  }
}
