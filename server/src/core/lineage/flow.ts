/**
 * Follows the fields of one pipeline from its inputs through its filters (in file order, branches merged)
 * to its outputs, and checks every field its filters, conditions, sprintf strings and outputs read.
 */
import type { Plugin, Span, Statement } from "../ast";
import { findFieldOccurrences } from "../fieldOccurrences";
import { issue, type Issue } from "../issue";
import { t } from "../l10n";
import type { IndexedPipeline } from "../workspace";
import { applyFilter, MODELLED } from "./filters";
import { FieldState, formatPath } from "./fieldState";
import { resolveInputs, type InputPath } from "./inputs";
import { similarFields } from "./similar";
import type { KnownWriter, LineageRef } from "./types";

export interface PipelineLineage {
  /** Warnings on reads no step can satisfy, by file. */
  issues: Map<string, Issue[]>;
  /** Every checked read, by file (for hover). */
  refs: Map<string, LineageRef[]>;
  inputPaths: { path: string; input: InputPath }[];
  /** Whether every input was matched to writers whose fields are known. */
  known: boolean;
}

interface ReadContext {
  file: string;
  range: Span;
  state: FieldState;
  /** For a filter: the state before it, for the fields its options name (sprintf sees `state`). */
  before?: FieldState;
  plugin?: Plugin;
}

export function analyzePipeline(pipeline: IndexedPipeline, writers: readonly KnownWriter[]): PipelineLineage {
  const result: PipelineLineage = { issues: new Map(), refs: new Map(), inputPaths: [], known: false };
  const map = (file: IndexedPipeline["files"][number], span: Span): Span =>
    file.toSourceOffset ? { start: file.toSourceOffset(span.start), end: file.toSourceOffset(span.end) } : span;

  const inputs = pipeline.files.flatMap((f) =>
    f.parse.config.sections.filter((s) => s.type === "input").flatMap((s) => pluginsDeep(s.body).map((plugin) => ({ plugin, path: f.path }))),
  );
  const resolved = resolveInputs(inputs, writers);
  for (const p of resolved.paths) {
    const file = pipeline.files.find((f) => f.path === inputs.find((i) => i.plugin === p.plugin)?.path)!;
    result.inputPaths.push({ path: file.path, input: { ...p, range: map(file, p.range) } });
  }
  if (!resolved.state) return result;
  result.known = true;

  const contexts: ReadContext[] = [];
  let state = resolved.state;
  const run = (body: Statement[], s: FieldState, file: string, section: "filter" | "output"): FieldState => {
    for (const st of body) {
      if (st.kind === "plugin") {
        if (section === "filter") {
          const effect = applyFilter(st, s, { path: file });
          contexts.push({ file, range: st.range, state: effect.main, before: effect.before, plugin: st });
          s = effect.after;
        } else contexts.push({ file, range: st.range, state: s, plugin: st });
        continue;
      }
      const outs: FieldState[] = [];
      for (const clause of st.clauses) {
        if (clause.condition) contexts.push({ file, range: clause.condition.range, state: s });
        outs.push(run(clause.body, s.clone(), file, section));
      }
      if (!st.clauses.some((c) => c.type === "else")) outs.push(s);
      s = FieldState.union(outs);
    }
    return s;
  };
  for (const f of pipeline.files) for (const sec of f.parse.config.sections) if (sec.type === "filter") state = run(sec.body, state, f.path, "filter");
  for (const f of pipeline.files) for (const sec of f.parse.config.sections) if (sec.type === "output") run(sec.body, state, f.path, "output");

  for (const f of pipeline.files) {
    const mine = contexts.filter((c) => c.file === f.path);
    for (const occ of findFieldOccurrences(f.parse.config)) {
      if (occ.access !== "read") continue;
      const ctx = innermost(mine, occ.range);
      if (!ctx) continue;
      // A whole-string field option is only understood for the filters modelled here.
      if (occ.source === "value" && !(ctx.plugin && MODELLED.has(ctx.plugin.name))) continue;
      const range = map(f, occ.range);
      const state = occ.source === "sprintf" ? ctx.state : (ctx.before ?? ctx.state);
      const fact = state.lookup(occ.path);
      const open = fact ? undefined : state.openOver(occ.path);
      push(result.refs, f.path, { range, path: occ.path, fact, open });
      if (fact || open) continue;
      push(result.issues, f.path, missingField(occ.path, state, resolved.sources, range, occ.source === "selector"));
    }
  }
  return result;
}

function missingField(path: string[], state: FieldState, sources: string[], range: Span, selector: boolean): Issue {
  const name = formatPath(path);
  const removed = state.removed.get(path.join("\u0000"));
  const from = sources.join("; ");
  const similar = similarFields(name, state.names());
  let message = removed
    ? t("`{0}` is removed by {1} before this point (events come from {2}).", name, removed.label, from)
    : t("No step before this sets `{0}`: events come from {1}.", name, from);
  if (similar.length) message += " " + t("Similar fields: {0}.", similar.map((s) => `\`${s}\``).join(", "));
  else message += " " + t("Fields these events carry: {0}.", state.names().filter((n) => !n.startsWith("@")).slice(0, 10).map((s) => `\`${s}\``).join(", "));
  // A condition's selector keeps its brackets (`if [clientip]`); option values and sprintf take the bare name.
  const replacements = similar.map((s) => (selector && !s.startsWith("[") ? `[${s}]` : s));
  return issue("lineage-unknown-field", "warning", message, range, similar.length ? { replacements } : undefined);
}

function innermost(contexts: ReadContext[], range: Span): ReadContext | undefined {
  let best: ReadContext | undefined;
  for (const c of contexts) {
    if (c.range.start <= range.start && range.end <= c.range.end && (!best || c.range.end - c.range.start < best.range.end - best.range.start)) best = c;
  }
  return best;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Input plugins, also inside (rare) conditionals of the input section. */
function pluginsDeep(body: Statement[]): Plugin[] {
  return body.flatMap((st) => (st.kind === "plugin" ? [st] : st.clauses.flatMap((c) => pluginsDeep(c.body))));
}
