/**
 * Grok's pattern library: the two built-in sets Logstash ships (logstash-patterns-core's
 * patterns/legacy and patterns/ecs-v1, stored as data in ./patterns) and the user's additions.
 */
import legacyData from "./patterns/legacy.json";
import ecsV1Data from "./patterns/ecs-v1.json";

export type PatternSet = "legacy" | "ecs-v1";
export type EcsCompatibility = "disabled" | "v1" | "v8";

/** A pattern file as stored: file name (as upstream names it) → `[name, regex]` in file order. */
interface PatternSetData {
  set: string;
  files: Record<string, [string, string][]>;
}

const DATA: Record<PatternSet, PatternSetData> = {
  legacy: legacyData as unknown as PatternSetData,
  "ecs-v1": ecsV1Data as unknown as PatternSetData,
};

/** The grok filter picks the built-in directory from `ecs_compatibility`; v8 still uses the v1 patterns. */
export function patternSetFor(ecs: EcsCompatibility): PatternSet {
  return ecs === "disabled" ? "legacy" : "ecs-v1";
}

/** File names of a built-in set, in the order Logstash loads them (a sorted glob). */
export function builtinPatternFiles(set: PatternSet): string[] {
  return Object.keys(DATA[set].files).sort();
}

/** The definitions of one built-in file, in file order. */
export function builtinPatternFile(set: PatternSet, file: string): [string, string][] {
  return DATA[set].files[file] ?? [];
}

const cache = new Map<PatternSet, ReadonlyMap<string, string>>();

/**
 * Every built-in pattern of `set`, name → regex. Files load in sorted order and a later definition
 * of a name replaces an earlier one (legacy's `mcollective-patterns` redefines `MCOLLECTIVEAUDIT`).
 */
export function loadPatternSet(set: PatternSet): ReadonlyMap<string, string> {
  let map = cache.get(set);
  if (!map) {
    const built = new Map<string, string>();
    for (const file of builtinPatternFiles(set)) for (const [name, regex] of DATA[set].files[file]) built.set(name, regex);
    map = built;
    cache.set(set, map);
  }
  return map;
}

export interface PatternLine {
  name: string;
  regex: string;
  /** 0-based line number in the text. */
  line: number;
}

/**
 * Reads a pattern file the way jls-grok does: lines starting (after blanks) with `#` are comments,
 * leading blanks are dropped, the name ends at the first run of whitespace and the rest of the line,
 * trailing blanks included, is the regex. A line with a name but no regex is ignored.
 */
export function parsePatternText(text: string): PatternLine[] {
  const out: PatternLine[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (/^\s*#/.test(raw)) continue;
    const m = /^\s*(\S+)\s+([\s\S]*)$/.exec(raw);
    if (!m) continue;
    // Ruby's chomp removes one trailing "\n" or "\r\n"; the split already took the "\n".
    const regex = m[2].endsWith("\r") ? m[2].slice(0, -1) : m[2];
    if (regex === "") continue;
    out.push({ name: m[1], regex, line: i });
  }
  return out;
}

/** Where user patterns come from, in the order they are added on top of the built-in set. */
export interface PatternSources {
  /** Extra pattern texts loaded right after the built-in set (the `logsmith.grok.patternsPath` directory). */
  extraPatterns?: readonly string[];
  /** Contents of the files matched by `patterns_dir` + `patterns_files_glob`, in load order. */
  patternsDirTexts?: readonly string[];
  /** The filter's `pattern_definitions`; applied last, so they win. */
  patternDefinitions?: Readonly<Record<string, string | null | undefined>>;
}

/** The pattern map a grok filter compiles against: built-in set, then each source in turn, last one wins. */
export function buildPatternMap(set: PatternSet, sources: PatternSources = {}): Map<string, string> {
  const map = new Map(loadPatternSet(set));
  for (const text of sources.extraPatterns ?? []) for (const p of parsePatternText(text)) map.set(p.name, p.regex);
  for (const text of sources.patternsDirTexts ?? []) for (const p of parsePatternText(text)) map.set(p.name, p.regex);
  for (const [name, regex] of Object.entries(sources.patternDefinitions ?? {})) {
    if (regex == null) continue;
    map.set(name, regex.endsWith("\r\n") ? regex.slice(0, -2) : regex.endsWith("\n") ? regex.slice(0, -1) : regex);
  }
  return map;
}
