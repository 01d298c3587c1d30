/**
 * Runs a pipeline's filter sections over sample events: branches are evaluated per event, filters
 * run in source order, a dropped event leaves the pipeline. Every step is recorded with the event
 * after it and what it changed.
 */
import type { Config, Plugin, Span, Statement } from "../ast";
import { initOniguruma } from "../grok/onig";
import type { EcsCompatibility } from "../grok/patternLibrary";
import { ConditionError, evaluateCondition } from "./conditions";
import { createEvent, outputView, type JsonObject, type JsonValue, type SimEvent } from "./event";
import { runFilter, type FilterStatus } from "./filters";

export interface SimulateOptions {
  /** The pipeline's `pipeline.ecs_compatibility`; default v8 as in Logstash 8. */
  ecsCompatibility?: EcsCompatibility;
  /** @timestamp of events that have none (default: now). */
  now?: Date;
}

export interface FieldChange {
  /** Field reference, `[a][b]`. */
  field: string;
  kind: "added" | "removed" | "changed";
  before?: JsonValue;
  after?: JsonValue;
}

export interface FilterStep {
  kind: "filter";
  filter: string;
  range: Span;
  status: FilterStatus;
  detail?: string;
  /** The event after the filter (`@metadata` included). */
  event: JsonObject;
  changes: FieldChange[];
}

export interface ConditionStep {
  kind: "condition";
  clause: "if" | "else if" | "else";
  range: Span;
  result: boolean;
  /** Set when Logstash would fail on this condition (the clause is then taken as false). */
  error?: string;
}

export type SimulationStep = FilterStep | ConditionStep;

export interface EventTrace {
  input: JsonObject;
  steps: SimulationStep[];
  dropped: boolean;
  /** The event as outputs would receive it; absent when dropped. */
  output?: JsonObject;
}

export interface SkippedFilter {
  filter: string;
  range: Span;
  reason: string;
}

export interface SimulationResult {
  /** Surviving events as outputs see them (no `@metadata`), in input order. */
  events: JsonObject[];
  steps: EventTrace[];
  /** Filters that were not run, once each. */
  skipped: SkippedFilter[];
}

function refOf(path: string[]): string {
  return path.map((p) => `[${p}]`).join("");
}

function isHash(v: JsonValue | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
}

/** Leaf-level differences; arrays and scalars are compared whole. */
export function diffEvents(before: JsonObject, after: JsonObject, path: string[] = [], out: FieldChange[] = []): FieldChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const k of keys) {
    const b = Object.prototype.hasOwnProperty.call(before, k) ? before[k] : undefined;
    const a = Object.prototype.hasOwnProperty.call(after, k) ? after[k] : undefined;
    const p = [...path, k];
    if (isHash(b) && isHash(a)) diffEvents(b, a, p, out);
    else if (b === undefined) out.push({ field: refOf(p), kind: "added", after: a });
    else if (a === undefined) out.push({ field: refOf(p), kind: "removed", before: b });
    else if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: refOf(p), kind: "changed", before: b, after: a });
  }
  return out;
}

/** Simulates the filter sections of `parsed` (the result of `parseConfig`, or its `config`) over `events`. */
export async function simulatePipeline(parsed: { config: Config } | Config, events: JsonObject[], options: SimulateOptions = {}): Promise<SimulationResult> {
  const config = "kind" in parsed && parsed.kind === "config" ? parsed : (parsed as { config: Config }).config;
  const body = config.sections.filter((s) => s.type === "filter").flatMap((s) => s.body);
  // Oniguruma drives grok and `=~`; without it grok is reported skipped and regexes fall back to JS.
  await initOniguruma().catch(() => undefined);
  const ctx = { ecsCompatibility: options.ecsCompatibility ?? "v8" };
  const now = options.now ?? new Date();
  const skipped = new Map<Plugin, SkippedFilter>();
  const result: SimulationResult = { events: [], steps: [], skipped: [] };

  for (const input of events) {
    const event: SimEvent = { ...createEvent({}, now), ...structuredClone(input) };
    const trace: EventTrace = { input: structuredClone(input), steps: [], dropped: false };
    const run = (statements: Statement[]): boolean => {
      for (const st of statements) {
        if (st.kind === "plugin") {
          const before = structuredClone(event);
          let status: FilterStatus;
          let detail: string | undefined;
          try {
            ({ status, detail } = runFilter(st, event, ctx));
          } catch (error) {
            status = "skipped";
            detail = `could not run: ${(error as Error).message}`;
            for (const k of Object.keys(event)) delete event[k];
            Object.assign(event, before);
          }
          const step: FilterStep = { kind: "filter", filter: st.name, range: st.range, status, event: structuredClone(event), changes: diffEvents(before, event) };
          if (detail !== undefined) step.detail = detail;
          trace.steps.push(step);
          if (status === "skipped" && !skipped.has(st)) skipped.set(st, { filter: st.name, range: st.range, reason: detail ?? "" });
          if (status === "dropped") return false;
          continue;
        }
        for (const clause of st.clauses) {
          let taken = true;
          let error: string | undefined;
          if (clause.condition) {
            try {
              taken = evaluateCondition(event, clause.condition);
            } catch (e) {
              // Logstash stops the pipeline here; the simulator reports it and takes the clause as false.
              if (!(e instanceof ConditionError) && !(e instanceof Error)) throw e;
              taken = false;
              error = (e as Error).message;
            }
          }
          const step: ConditionStep = { kind: "condition", clause: clause.type, range: clause.condition?.range ?? clause.keywordRange, result: taken };
          if (error) step.error = error;
          trace.steps.push(step);
          if (taken) {
            if (!run(clause.body)) return false;
            break;
          }
        }
      }
      return true;
    };
    const alive = run(body);
    trace.dropped = !alive;
    if (alive) {
      trace.output = outputView(event);
      result.events.push(trace.output);
    }
    result.steps.push(trace);
  }
  result.skipped = [...skipped.values()];
  return result;
}
