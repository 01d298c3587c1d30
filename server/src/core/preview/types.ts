/**
 * What a preview computes, as plain JSON: the server sends it to the panel unchanged, so every
 * offset is a UTF-16 offset into the sample line (or the user's pattern), never an editor position.
 */
import type { Span } from "../ast";
import type { JsonObject } from "../grok/eventFields";
import type { EventTrace, FieldChange, SkippedFilter } from "../simulate/pipeline";

/** Which part of the pipeline to preview: the n-th grok or geoip filter (source order), or the filters. */
export type PreviewTarget = { kind: "grok"; index: number } | { kind: "geoip"; index: number } | { kind: "pipeline" };

/** One capture of a match: where it lies in the matched text and the field it feeds. */
export interface CaptureSpan {
  /** The field reference as written in the pattern (`clientip`, `[source][ip]`). */
  field: string;
  /** The group name grok builds (`IP:clientip`). */
  name: string;
  start: number;
  end: number;
  value: string | number | null;
  /** False when grok dropped the value (empty capture, or the field could not take it). */
  stored: boolean;
  /** Span of the user's pattern the capture came from. */
  origin: Span;
}

/** How far one pattern got on a line it did not match. */
export interface PatternProgress {
  field: string;
  patternIndex: number;
  pattern: string;
  /** The top-level elements of the pattern (`%{IP:client}`, ` `, `\[`, `(...)`), as spans of the pattern. */
  elements: Span[];
  /** How many leading elements still match somewhere in the line (0: not even the first). */
  matchedElements: number;
  /** Where the longest matching prefix matched in the input, absent when no element matched. */
  matchedSpan?: Span;
  /** Offset in the input where matching stopped: the end of `matchedSpan` (0 when nothing matched). */
  stoppedAt: number;
  /** Captures made by the matching prefix. */
  captures: CaptureSpan[];
  /** Set when the pattern has a top-level `|` or is one element, so prefixes say nothing. */
  unsplittable?: boolean;
}

export interface GrokLinePreview {
  /** The text the first matching pattern ran on (for `message`, the sample line). */
  input: string;
  matched: boolean;
  timedOut?: boolean;
  /** The first pattern that matched, with its whole-match span in `input`. */
  match?: { field: string; patternIndex: number; pattern: string; span: Span };
  captures: CaptureSpan[];
  /** The event after the filter. */
  event: JsonObject;
  changes: FieldChange[];
  /** Why the line failed, in words. */
  reason?: string;
  /** For a failure: per pattern tried, how far it got. */
  progress?: PatternProgress[];
}

export interface GrokPreview {
  kind: "grok";
  /** Range of the grok block in the document. */
  range: Span;
  /** The pattern set in effect (legacy or ecs-v1). */
  patternSet: string;
  patterns: { field: string; patternIndex: number; pattern: string }[];
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
