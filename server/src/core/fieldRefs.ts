/**
 * Field references as Logstash writes them: `[a][b]` selectors, bare top-level names (`clientip`), and
 * `%{…}` sprintf references inside strings. Paths are compared by their parts, so `foo` and `[foo]` match.
 */
import type { Span } from "./ast";
import { parseFieldReference } from "./fieldReference";

/** Parses a field reference (`foo`, `[a][b]`); undefined when it is not one (FieldReference.java's strict rules). */
export function parseFieldPath(text: string): string[] | undefined {
  const parsed = parseFieldReference(text.trim());
  return "path" in parsed ? parsed.path : undefined;
}

/** A comparable key for a path, independent of how it was written. */
export function fieldKey(path: string[]): string {
  return path.join("\u0000");
}

export interface SprintfRef {
  path: string[];
  /** The reference inside `%{…}` (offsets relative to the scanned text). */
  range: Span;
}

/**
 * `%{field}` and `%{[a][b]}` references in a string. `%{+FORMAT}` (a timestamp format) and `%{{…}}`
 * (Java time format) are not field references.
 */
export function findSprintfRefs(value: string): SprintfRef[] {
  const refs: SprintfRef[] = [];
  const re = /%\{([^{}]*)\}/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const inner = m[1];
    if (inner.startsWith("+") || inner.startsWith("{")) continue;
    const path = parseFieldPath(inner);
    if (!path) continue;
    const start = m.index + 2;
    refs.push({ path, range: { start, end: start + inner.length } });
  }
  return refs;
}

/**
 * Captures named in a grok pattern, `%{SYNTAX:SEMANTIC}` or `%{SYNTAX:SEMANTIC:type}`, and Oniguruma
 * named groups `(?<name>…)`. `%{SYNTAX}` alone captures nothing.
 */
export function findGrokCaptures(value: string): SprintfRef[] {
  const refs: SprintfRef[] = [];
  const re = /%\{[A-Za-z0-9_]+:([^:{}]+)(?::[A-Za-z]+)?\}/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const path = parseFieldPath(m[1]);
    if (!path) continue;
    const start = m.index + m[0].indexOf(":") + 1;
    refs.push({ path, range: { start, end: start + m[1].length } });
  }
  const named = /\(\?<([A-Za-z_][A-Za-z0-9_@.\[\]-]*)>/g;
  for (let m = named.exec(value); m; m = named.exec(value)) {
    const path = parseFieldPath(m[1]);
    if (!path) continue;
    const start = m.index + 3;
    refs.push({ path, range: { start, end: start + m[1].length } });
  }
  return refs.sort((a, b) => a.range.start - b.range.start);
}
