/**
 * A Logstash Filter Verifier (LFV) test case file as Logsmith reads it, and what running it gives.
 * Offsets are half-open UTF-16 spans into the test file's text, like the rest of the core.
 */
import type { Span } from "../ast";
import type { JsonObject } from "../simulate";

/** `classic`: LFV's standalone format; `daemon`: the 2.0 format (input_plugin, export_metadata, per-case fields). */
export type SuiteFormat = "classic" | "daemon";

export interface PipelineTestCase {
  /** 0-based position in the file; the legacy top-level `input`/`expected` pair is case 0. */
  index: number;
  /** `description`, or `#N` (1-based) when there is none. */
  name: string;
  description?: string;
  /** Lines handed to the input codec; LFV's dummy event when a case has none. */
  input: string[];
  /** True when the case had no `input` (LFV sends one event without `message`). */
  dummyInput: boolean;
  /** Global `fields` overlaid with the case's `fields` (or its older name `event`), brackets expanded. */
  fields: JsonObject;
  expected: JsonObject[];
  /** Where the case is written (the `testcases` element, or the top-level `input`). */
  range: Span;
}

export interface PipelineTestSuite {
  format: SuiteFormat;
  /** `codec` of the file: `line` by default, may carry options (`plain { charset => "…" }`). */
  codec: string;
  inputPlugin?: string;
  /** `ignore` plus LFV's default `@version`. */
  ignore: string[];
  exportMetadata: boolean;
  cases: PipelineTestCase[];
  /** Keys Logsmith does not act on (export_outputs, expected_outputs) with where they are. */
  unsupported: { key: string; range: Span }[];
}

export interface ReadProblem {
  message: string;
  range: Span;
}

export interface ReadResult {
  suite?: PipelineTestSuite;
  /** A file with problems still yields the cases that could be read. */
  problems: ReadProblem[];
}

export type CaseStatus = "passed" | "failed" | "skipped" | "error";

/** Where the actual event stopped agreeing with the expected one. */
export interface Divergence {
  /** Field reference that differs, `[a][b]`. */
  field: string;
  /** The filter that last wrote the field, or that failed, or that dropped the event. */
  filter?: string;
  /** The filter's span in the pipeline file. */
  filterRange?: Span;
  /** 1-based line of the filter in the pipeline text. */
  filterLine?: number;
  /** How the filter explains it: it wrote the field last, it failed (the field never came), or it dropped the event. */
  cause?: "wrote" | "failed" | "dropped";
  status?: string;
  detail?: string;
}

export interface EventComparison {
  /** 0-based position among the case's events. */
  index: number;
  expected?: JsonObject;
  actual?: JsonObject;
  equal: boolean;
  divergence?: Divergence;
}

export interface CaseResult {
  index: number;
  name: string;
  status: CaseStatus;
  /** One-line summary: why it failed or was skipped. */
  message?: string;
  events: EventComparison[];
  /** Pretty JSON of the expected and the actual events (after `ignore`), for diffs. */
  expectedText: string;
  actualText: string;
  durationMs: number;
  range: Span;
}

export interface SuiteResult {
  testFile: string;
  pipeline?: string;
  cases: CaseResult[];
  /** Set when the whole file could not run (unreadable, no pipeline, syntax errors). */
  error?: string;
  durationMs: number;
}
