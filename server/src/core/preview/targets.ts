/**
 * The previewable parts of a pipeline: each grok and geoip filter (numbered in source order, so a
 * panel keeps its target while the user edits the pattern) and the filter sections.
 */
import type { Config, Plugin, Span } from "../ast";
import { forEachPlugin } from "../walk";
import type { PreviewTarget } from "./types";

export interface PreviewableBlock {
  target: PreviewTarget;
  /** The block's range (a plugin, or a filter section). */
  range: Span;
  /** Where a lens or a label points: the plugin name or the `filter` keyword. */
  anchor: Span;
  plugin?: Plugin;
}

/** Every grok and geoip filter and every filter section, in source order. */
export function findPreviewTargets(config: Config): PreviewableBlock[] {
  const out: PreviewableBlock[] = [];
  const counts = { grok: 0, geoip: 0 };
  for (const section of config.sections) {
    if (section.type === "filter") out.push({ target: { kind: "pipeline" }, range: section.range, anchor: section.typeRange });
  }
  forEachPlugin(config, (plugin, ctx) => {
    if (ctx.section !== "filter" || ctx.parent) return;
    if (plugin.name !== "grok" && plugin.name !== "geoip") return;
    const kind = plugin.name;
    out.push({ target: { kind, index: counts[kind]++ }, range: plugin.range, anchor: plugin.nameRange, plugin });
  });
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** The plugin a grok/geoip target names, if the document still has it. */
export function targetPlugin(config: Config, target: PreviewTarget): Plugin | undefined {
  if (target.kind === "pipeline") return undefined;
  return findPreviewTargets(config).find((b) => b.target.kind === target.kind && "index" in b.target && b.target.index === target.index)?.plugin;
}

/** The target under `offset`: the innermost grok/geoip block, else the filter section, else none. */
export function targetAt(config: Config, offset: number): PreviewTarget | undefined {
  const hits = findPreviewTargets(config).filter((b) => b.range.start <= offset && offset <= b.range.end);
  return (hits.find((b) => b.target.kind !== "pipeline") ?? hits[0])?.target;
}
