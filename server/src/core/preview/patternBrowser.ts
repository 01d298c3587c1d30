/**
 * The pattern browser's list: every pattern a grok filter can use, where it comes from, and what it
 * stands for. Later sources replace earlier ones exactly as `buildPatternMap` layers them.
 */
import { builtinPatternFile, builtinPatternFiles, parsePatternText, patternSetFor, type EcsCompatibility } from "../grok/patternLibrary";

export interface PatternEntry {
  name: string;
  /** The definition (one level: `%{…}` references stay as written). */
  regex: string;
  /** `builtin`, `patternsPath`, `patterns_dir` or `pattern_definitions`. */
  source: "builtin" | "patternsPath" | "patterns_dir" | "pattern_definitions";
  /** The built-in file (`grok-patterns`, `httpd`, …) or the user file's label. */
  file?: string;
}

export interface PatternSources {
  ecs: EcsCompatibility;
  /** `logsmith.grok.patternsPath` files: label (file name) and text. */
  patternsPath?: { file: string; text: string }[];
  patternsDir?: { file: string; text: string }[];
  patternDefinitions?: Record<string, string>;
}

/** The patterns in effect, sorted by name; each name once, from the source that wins. */
export function listGrokPatterns(sources: PatternSources): { set: string; patterns: PatternEntry[] } {
  const set = patternSetFor(sources.ecs);
  const map = new Map<string, PatternEntry>();
  for (const file of builtinPatternFiles(set)) for (const [name, regex] of builtinPatternFile(set, file)) map.set(name, { name, regex, source: "builtin", file });
  for (const { file, text } of sources.patternsPath ?? []) for (const p of parsePatternText(text)) map.set(p.name, { name: p.name, regex: p.regex, source: "patternsPath", file });
  for (const { file, text } of sources.patternsDir ?? []) for (const p of parsePatternText(text)) map.set(p.name, { name: p.name, regex: p.regex, source: "patterns_dir", file });
  for (const [name, regex] of Object.entries(sources.patternDefinitions ?? {})) map.set(name, { name, regex, source: "pattern_definitions" });
  return { set, patterns: [...map.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}
