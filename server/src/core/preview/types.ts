/**
 * What a preview computes, as plain JSON: the server sends it to the panel unchanged, so every
 * offset is a UTF-16 offset into the sample line (or the user's pattern), never an editor position.
 */
import type { Span } from "../ast";
import type { JsonObject } from "../grok/eventFields";
import type { EventTrace, FieldChange, SkippedFilter } from "../simulate/pipeline";

/** Which part of the pipeline to preview: the n-th grok or geoip filter (source order), or the filters. */
export type PreviewTarget = { kind: "grok"; index: number } | { kind: "geoip"; index: number } | { kind: "pipeline" };

/**
 * One capture of a match: where it lies in the matched text and the field it feeds. Kept small: a
 * preview of 1,000 lines carries about ten thousand of them, and the values are in `changes`.
 */
export interface CaptureSpan {
  /** The field reference as written in the pattern (`clientip`, `[source][ip]`). */
  field: string;
  start: number;
  end: number;
  /** False when grok dropped the value (empty capture, or the field could not take it). */
  stored: boolean;
}

/** How far one pattern got on a line it did not match (the pattern and its elements are in `GrokPreview.patterns`). */
export interface PatternProgress {
  field: string;
  patternIndex: number;
  /** How many leading elements still match somewhere in the line (0: not even the first). */
  matchedElements: number;
  /** Where the longest matching prefix matched in the input, absent when no element matched. */
  matchedSpan?: Span;
  /** Offset in the input where matching stopped: the end of `matchedSpan` (0 when nothing matched). */
  stoppedAt: number;
  /** Captures made by the matching prefix. */
  captures: CaptureSpan[];
}

export interface GrokLinePreview {
  /** The text the first matching pattern ran on (for `message`, the sample line). */
  input: string;
  matched: boolean;
  timedOut?: boolean;
  /** The first pattern that matched, with its whole-match span in `input`. */
  match?: { field: string; patternIndex: number; span: Span };
  captures: CaptureSpan[];
  /** What the filter did to the event `{ message: line }` (the resulting fields). */
  changes: FieldChange[];
  /** Why the line failed, in words. */
  reason?: string;
  /** For a failure: per pattern tried, how far it got. */
  progress?: PatternProgress[];
}

/** One pattern of the filter's `match`, said once per preview rather than per line. */
export interface GrokPatternInfo {
  field: string;
  patternIndex: number;
  pattern: string;
  /** The top-level elements (`%{IP:client}`, ` `, `\[`, `(...)`), as spans of the pattern; how far a failure got counts them. */
  elements: Span[];
  /** Set when the pattern has a top-level `|` or is one element, so prefixes say nothing. */
  unsplittable?: boolean;
}

export interface GrokPreview {
  kind: "grok";
  /** Range of the grok block in the document. */
  range: Span;
  /** The pattern set in effect (legacy or ecs-v1). */
  patternSet: string;
  patterns: GrokPatternInfo[];
  lines: GrokLinePreview[];
}

export interface GeoipLinePreview {
  input: string;
  matched: boolean;
  event: JsonObject;
  changes: FieldChange[];
  tags: string[];
  reason?: string;
}

export interface GeoipPreview {
  kind: "geoip";
  range: Span;
  /** The database file read (path), or undefined when none was found. */
  database?: string;
  databaseType?: string;
  lines: GeoipLinePreview[];
}

export interface PipelinePreview {
  kind: "pipeline";
  /** Ranges of the filter sections. */
  ranges: Span[];
  /** The simulator's traces: input events, then (when it makes them) clones and split parts. */
  events: EventTrace[];
  /** Surviving events as outputs receive them (clones included when the simulator makes them). */
  outputs: JsonObject[];
  skipped: SkippedFilter[];
  /** How the samples became events (`one event per line`, or the codec that grouped them). */
  grouping: string;
}

export type PreviewBody = GrokPreview | GeoipPreview | PipelinePreview;

/** A preview, or why there is none (`error`), plus notes such as files left unread. */
export type PreviewResult = (PreviewBody | { kind: "none" }) & {
  error?: string;
  notes?: string[];
  /** Set when the run was cut off; lines after `line` (0-based) may be missing. */
  timeout?: { line: number; message: string };
  elapsedMs?: number;
};
