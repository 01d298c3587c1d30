/**
 * The grok pattern set in effect at a position: the standard set for the grok filter's ECS mode (and
 * the Logstash version), the `logsmith.grok.patternsPath` files, then its inline `pattern_definitions`.
 */
import type { ParseResult } from "../core/parse";
import { normalizeVersion } from "../core/catalog/versions";
import { grokPatternMap } from "../core/validation/grok";
import { forEachPlugin } from "../core/walk";

export function grokPatternsFor(parse: ParseResult, offset: number, logstashVersion?: string, patternsPath: readonly string[] = []): Map<string, string> {
  let out: Map<string, string> | undefined;
  forEachPlugin(parse.config, (plugin, ctx) => {
    if (out || ctx.section !== "filter" || plugin.name !== "grok") return;
    if (plugin.range.start <= offset && offset <= plugin.range.end) out = grokPatternMap(plugin, normalizeVersion(logstashVersion), patternsPath);
  });
  return out ?? new Map();
}
