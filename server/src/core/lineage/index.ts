/**
 * Field lineage across the workspace's files: which producer writes which file, which pipeline reads it,
 * and so which fields each pipeline's events carry. `analyzeLineage` is the one entry point; the LSP
 * layer (`lsp/lineage.ts`) and tests call it with the workspace's pipelines and host files.
 */
import type { Span } from "../ast";
import { issue, type Issue } from "../issue";
import { t } from "../l10n";
import type { IndexedPipeline } from "../workspace";
import { analyzePipeline } from "./flow";
import { formatPath } from "./fieldState";
import type { InputPath } from "./inputs";
import { baseName, globMatchesWriter, nearest } from "./paths";
import type { KnownWriter, LineageRef, OriginStep } from "./types";
import { collectWriters, type HostFile } from "./writers";

export type { HostFile } from "./writers";
export type { FieldFact, KnownWriter, LineageRef, OriginStep } from "./types";

export interface LineageInput {
  pipelines: readonly IndexedPipeline[];
  hosts: readonly HostFile[];
  toUri: (path: string) => string;
}

export interface WorkspaceLineage {
  writers: KnownWriter[];
  /** Diagnostics by absolute file path (pipeline files and host files). */
  issuesFor(path: string): Issue[];
  /** The checked field reference under `offset` in a pipeline file. */
  refAt(path: string, offset: number): LineageRef | undefined;
  /** The file input `path` string under `offset`, with the writers whose files it reads. */
  inputAt(path: string, offset: number): { glob: string; range: Span; writers: KnownWriter[] } | undefined;
}

export function analyzeLineage(input: LineageInput): WorkspaceLineage {
  const writers = collectWriters(input.hosts, input.toUri);
  const issues = new Map<string, Issue[]>();
  const refs = new Map<string, LineageRef[]>();
  const add = (path: string, i: Issue) => (issues.get(path) ?? issues.set(path, []).get(path)!).push(i);
  const inputs: { path: string; input: InputPath }[] = [];
  for (const p of input.pipelines) {
    const r = analyzePipeline(p, writers);
    for (const [path, list] of r.issues) for (const i of list) add(path, i);
    for (const [path, list] of r.refs) refs.set(path, [...(refs.get(path) ?? []), ...list]);
    inputs.push(...r.inputPaths);
  }
  // Without producers or without file inputs there is nothing to relate: stay silent.
  if (writers.length && inputs.length) {
    const seen = new Set<string>();
    for (const { path, input: i } of inputs) {
      const key = `${path}@${i.range.start}`;
      if (i.writers.length || seen.has(key)) continue;
      seen.add(key);
      const near = nearest(baseName(i.glob), writers, (w) => baseName(w.resolved));
      // A workspace often holds only some producers' configs: speak only where one writes next to this path.
      if (!near && !writers.some((w) => globMatchesWriter(`${dirName(i.glob)}/*`, { ...w, resolved: `${dirName(w.resolved)}/x` }))) continue;
      const hint = near ? " " + t("Did you mean `{0}` ({1} in {2})?", near.absolute ? near.resolved : near.written, near.label, baseName(near.hostPath)) : "";
      add(path, issue("lineage-input-no-writer", "information", t("No known log producer writes a file matching `{0}`.", i.glob) + hint, i.range));
    }
    for (const w of writers) {
      if (inputs.some(({ input: i }) => globMatchesWriter(i.glob, w))) continue;
      const near = nearest(baseName(w.resolved), inputs, ({ input: i }) => baseName(i.glob));
      const hint = near ? " " + t("A pipeline reads `{0}` ({1}): a typo?", near.input.glob, baseName(near.path)) : "";
      add(w.hostPath, issue("lineage-writer-unread", "information", t("No pipeline of the workspace reads `{0}`, the file {1} writes.", w.absolute ? w.resolved : w.written, w.label) + hint, w.range));
    }
  }
  return {
    writers,
    issuesFor: (path) => issues.get(path) ?? [],
    refAt: (path, offset) => (refs.get(path) ?? []).find((r) => r.range.start <= offset && offset <= r.range.end),
    inputAt: (path, offset) => {
      const hit = inputs.find((i) => i.path === path && i.input.range.start <= offset && offset <= i.input.range.end);
      return hit && { glob: hit.input.glob, range: hit.input.range, writers: hit.input.writers };
    },
  };
}

/** Markdown for the hover of a file input path: who writes the files it reads, and in which format. */
export function inputHover(glob: string, writers: readonly KnownWriter[], link: (w: KnownWriter) => string): string {
  if (!writers.length) return t("**`{0}`**: no known log producer writes a file it matches.", glob);
  const lines = [t("**`{0}`** is written by:", glob), ""];
  for (const w of writers) {
    const keys = w.format?.json ? (w.format.jsonMembers ?? []).map((m) => m.key) : [];
    const what = keys.length ? t("JSON members {0}", keys.map((k) => `\`${k}\``).join(", ")) : w.format ? `\`${w.format.text.length > 80 ? w.format.text.slice(0, 77) + "…" : w.format.text}\`` : t("an unknown format");
    lines.push(`- ${w.label} (${link(w)}): ${what}`);
  }
  return lines.join("\n");
}

/** Markdown for a field reference's hover: each way the field gets onto the event, first step first. */
export function lineageHover(ref: LineageRef, describe: (step: OriginStep) => string = defaultDescribe): string {
  const name = formatPath(ref.path);
  if (ref.fact) {
    const ways = ref.fact.chains.map((c) => c.map(describe).join(" → "));
    return [t("**Origin of `{0}`**", name), "", ...ways.map((w) => `- ${w}`)].join("\n");
  }
  if (ref.open) return t("**`{0}`**: may be set by {1}, which can add fields not known in advance.", name, ref.open.map(describe).join(" → "));
  return t("**`{0}`**: no step before this sets it.", name);
}

function dirName(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? (i === 0 ? "" : ".") : path.slice(0, i);
}

function defaultDescribe(step: OriginStep): string {
  return step.path ? `${step.label} (${baseName(step.path)})` : step.label;
}

export type { Span };
