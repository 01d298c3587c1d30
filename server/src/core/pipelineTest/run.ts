/**
 * Runs LFV test cases through the simulator. The pipeline is parsed once per run and its parse is
 * shared by every case, so grok expressions compile once (the simulator caches them per plugin).
 */
import type { Config, Span } from "../ast";
import { t } from "../l10n";
import { parseConfig } from "../parse";
import { initOniguruma } from "../grok/onig";
import { simulatePipeline, type SimulateOptions, type EventTrace, type FilterStep, type JsonObject } from "../simulate";
import { decodeLine, decodeMultiline, decorate, DUMMY_INPUT, inputSource } from "./codec";
import { differingFields, eventsEqual, normalizeActual } from "./compare";
import { canonicalJson } from "./fields";
import type { CaseResult, Divergence, EventComparison, PipelineTestCase, PipelineTestSuite } from "./types";

export interface PipelineFileText {
  path: string;
  text: string;
}

/** A pipeline parsed for test runs: its files joined in Logstash's order, as `logsmith simulate` does. */
export interface CompiledPipeline {
  label: string;
  config: Config;
  files: { path: string; start: number; text: string }[];
  /** Syntax errors: such a pipeline does not start in Logstash, so no case runs. */
  errors: string[];
}

export function compilePipeline(label: string, files: PipelineFileText[]): CompiledPipeline {
  let offset = 0;
  const placed = files.map((f) => {
    const at = { path: f.path, start: offset, text: f.text };
    offset += f.text.length + 1;
    return at;
  });
  const parsed = parseConfig(files.map((f) => f.text).join("\n"));
  const errors = parsed.issues.filter((i) => i.severity === "error" && i.code.startsWith("syntax-")).map((i) => {
    const where = locate(placed, i.range.start);
    return `${where.path}:${where.line}: ${i.message}`;
  });
  return { label, config: parsed.config, files: placed, errors };
}

/** File and 1-based line of an offset in the joined text. */
export function locate(files: CompiledPipeline["files"], offset: number): { path: string; line: number; offset: number } {
  let file = files[0];
  for (const f of files) if (f.start <= offset) file = f;
  const local = offset - file.start;
  let line = 1;
  for (let i = 0; i < local && i < file.text.length; i++) if (file.text.charCodeAt(i) === 10) line++;
  return { path: file.path, line, offset: local };
}

export interface RunOptions {
  /** @timestamp of events no filter dates (default: the start of the run). */
  now?: Date;
  /** Passed to the simulator: grok's patternsPath texts, how `patterns_dir` is read, the pipeline's folder. */
  simulate?: Omit<SimulateOptions, "now">;
}

interface Prepared {
  events: JsonObject[];
  skip?: string;
}

function prepareInput(suite: PipelineTestSuite, tc: PipelineTestCase, pipeline: CompiledPipeline): Prepared {
  const source = inputSource(pipeline.config, suite.codec, suite.inputPlugin);
  if ("error" in source) return { events: [], skip: source.error };
  const events: JsonObject[] = [];
  const batches = tc.dummyInput
    ? [[{ message: DUMMY_INPUT }]]
    : source.codec === "multiline"
      ? [decodeMultiline(source, tc.input)]
      : tc.input.map((line) => decodeLine(source.codec, line));
  for (const decoded of batches) {
    if (!Array.isArray(decoded)) return { events: [], skip: decoded.skip };
    for (const event of decoded) {
      Object.assign(event, structuredClone(tc.fields));
      if (tc.dummyInput && event.message === DUMMY_INPUT) delete event.message;
      decorate(event, source.plugin);
      events.push(event);
    }
  }
  return { events };
}

function filterSteps(trace: EventTrace): FilterStep[] {
  return trace.steps.filter((s): s is FilterStep => s.kind === "filter");
}

/** The event leaving the filters, with `@metadata` when the suite exports it (minus LFV's own keys). */
function finalEvent(trace: EventTrace, exportMetadata: boolean): JsonObject {
  const out = structuredClone(trace.output!);
  if (!exportMetadata) return out;
  const steps = filterSteps(trace);
  const last = steps.length ? steps[steps.length - 1].event : trace.input;
  const metadata = last["@metadata"];
  if (metadata && typeof metadata === "object" && !Array.isArray(metadata)) {
    const kept = Object.fromEntries(Object.entries(metadata).filter(([k]) => !k.startsWith("__lfv_") && !k.startsWith("__tmp_")));
    if (Object.keys(kept).length) out["@metadata"] = kept;
  }
  return out;
}

function touches(changed: string, field: string): boolean {
  return changed === field || changed.startsWith(field) || field.startsWith(changed);
}

/** The filter step that explains a difference in `field`: the last writer, else a failure, else a drop. */
function divergenceFor(field: string, trace: EventTrace | undefined, pipeline: CompiledPipeline): Divergence {
  const d: Divergence = { field };
  if (!trace) return d;
  const steps = filterSteps(trace);
  const writer = [...steps].reverse().find((s) => s.changes.some((c) => touches(c.field, field)));
  if (writer) return describe({ ...d, cause: "wrote" }, writer, pipeline);
  const failed = steps.find((s) => s.status === "failed");
  if (failed) return describe({ ...d, cause: "failed" }, failed, pipeline);
  return d;
}

function describe(d: Divergence, step: FilterStep, pipeline: CompiledPipeline): Divergence {
  d.filter = step.filter;
  d.filterRange = step.range;
  d.filterLine = locate(pipeline.files, step.range.start).line;
  d.status = step.status;
  if (step.detail) d.detail = step.detail;
  return d;
}

function skipReason(traces: EventTrace[], pipeline: CompiledPipeline): string | undefined {
  const reasons = new Set<string>();
  for (const trace of traces) {
    for (const step of filterSteps(trace)) {
      if (step.status !== "skipped") continue;
      const where = locate(pipeline.files, step.range.start);
      reasons.add(t("needs the `{0}` filter at {1}:{2}, which Logsmith does not simulate: {3}", step.filter, where.path, String(where.line), step.detail ?? ""));
    }
  }
  return reasons.size ? [...reasons].join("; ") : undefined;
}

/** Runs the cases of `suite` (all, or those whose index is in `only`) against `pipeline`. */
export async function runTestSuite(suite: PipelineTestSuite, pipeline: CompiledPipeline, options: RunOptions = {}, only?: readonly number[]): Promise<CaseResult[]> {
  const now = options.now ?? new Date();
  // The multiline codec's patterns are grok: the regex engine must be up before decoding.
  await initOniguruma().catch(() => undefined);
  const results: CaseResult[] = [];
  for (const tc of suite.cases) {
    if (only && !only.includes(tc.index)) continue;
    const started = performance.now();
    const result = await runCase(suite, tc, pipeline, now, options.simulate);
    result.durationMs = performance.now() - started;
    results.push(result);
  }
  return results;
}

function base(tc: PipelineTestCase): CaseResult {
  return { index: tc.index, name: tc.name, status: "passed", events: [], expectedText: canonicalJson(tc.expected), actualText: "", durationMs: 0, range: tc.range };
}

async function runCase(suite: PipelineTestSuite, tc: PipelineTestCase, pipeline: CompiledPipeline, now: Date, simulate: RunOptions["simulate"] = {}): Promise<CaseResult> {
  const result = base(tc);
  if (pipeline.errors.length) {
    return { ...result, status: "error", message: t("The pipeline has syntax errors: {0}", pipeline.errors[0]) };
  }
  const prepared = prepareInput(suite, tc, pipeline);
  if (prepared.skip) return { ...result, status: "skipped", message: prepared.skip };
  const sim = await simulatePipeline(pipeline.config, prepared.events, { ...simulate, now });
  const skip = skipReason(sim.steps, pipeline);
  // Each output event's trace (clones and split events have their own), by its place among the outputs.
  const traceOf: (EventTrace | undefined)[] = new Array(sim.events.length);
  for (const trace of sim.steps) if (trace.output !== undefined && trace.outputIndex !== undefined) traceOf[trace.outputIndex] = trace;
  const raw = sim.events.map((e, i) => (traceOf[i] ? finalEvent(traceOf[i]!, suite.exportMetadata) : structuredClone(e)));
  const actual = raw.map((e) => normalizeActual(e, { ignore: suite.ignore, dropEmptyTags: suite.format === "daemon" }));
  result.actualText = canonicalJson(actual);
  if (skip) return { ...result, status: "skipped", message: skip };

  const comparisons: EventComparison[] = [];
  const count = Math.max(actual.length, tc.expected.length);
  for (let i = 0; i < count; i++) {
    const expected = tc.expected[i];
    const got = actual[i];
    const c: EventComparison = { index: i, equal: expected !== undefined && got !== undefined && eventsEqual(expected, got) };
    if (expected) c.expected = expected;
    if (got) c.actual = got;
    if (!c.equal && expected && got) {
      const field = differingFields(expected, got)[0] ?? "";
      c.divergence = divergenceFor(field, traceOf[i], pipeline);
    }
    comparisons.push(c);
  }
  result.events = comparisons;
  if (actual.length !== tc.expected.length) {
    result.status = "failed";
    result.message = t("Expected {0} event(s), got {1} instead.", String(tc.expected.length), String(actual.length));
    const dropped = sim.steps.map((trace) => filterSteps(trace).find((s) => s.status === "dropped")).find((s) => s !== undefined);
    if (dropped && actual.length < tc.expected.length) {
      const d = describe({ field: "", cause: "dropped" }, dropped, pipeline);
      result.message += " " + t("The `{0}` filter at line {1} dropped an event.", d.filter!, String(d.filterLine));
      const missing = comparisons.find((c) => !c.actual);
      if (missing) missing.divergence = d;
    }
    return result;
  }
  const first = comparisons.find((c) => !c.equal);
  if (first) {
    result.status = "failed";
    result.message = divergenceMessage(first);
  }
  return result;
}

export function divergenceMessage(c: EventComparison): string {
  const d = c.divergence;
  const head = t("Event {0} differs from the expected event at {1}", String(c.index + 1), d?.field || "?");
  if (!d?.filter) return head + " " + t("(no filter wrote that field)");
  const detail = d.detail ? `: ${d.detail}` : "";
  if (d.cause === "failed") return head + " " + t("(no filter wrote it; `{0}` at line {1} failed{2})", d.filter, String(d.filterLine), detail);
  return head + " " + t("(last written by `{0}` at line {1}{2})", d.filter, String(d.filterLine), detail);
}

export type { Span };
