/**
 * Field lineage: which fields the events of a pipeline can carry, and where each one comes from
 * (format directive → file input codec → filters). Pure; the LSP layer feeds it the workspace's files.
 */
import type { Span } from "../ast";
import type { ParsedFormat } from "../logformat/types";

/** One step of a field's origin: a format directive, an input codec, a filter. */
export interface OriginStep {
  /** Plain text, e.g. "`%a` in LogFormat json_format", "codec json of the file input", "grok". */
  label: string;
  /** File the step is written in, with its range there (for hover links and messages). */
  path?: string;
  range?: Span;
}

/** What is known of one field: every way it can get onto the event (one chain per way, first steps first). */
export interface FieldFact {
  path: string[];
  chains: OriginStep[][];
  /** The field's text is a line written by these formats (a `message` read with codec plain). */
  formats?: ParsedFormat[];
}

/** A file a log producer writes, as the workspace's host files configure it. */
export interface KnownWriter {
  /** Host file (httpd.conf, server.xml, log4j2.xml …), absolute. */
  hostPath: string;
  /** Range of the writer (CustomLog file argument, Valve element, appender file) in the host file. */
  range: Span;
  /** The path as configured. */
  written: string;
  /** Absolute path or glob when it could be resolved; otherwise the relative path (matched as a suffix). */
  resolved: string;
  absolute: boolean;
  /** e.g. "LogFormat json_format", "AccessLogValve", "log4j2 appender". */
  label: string;
  format?: ParsedFormat;
  /** Maps an offset of `format.text` to the host file (for origin steps). */
  toHost?: (offset: number) => number;
}

/** A field reference the lineage checked, for hover. */
export interface LineageRef {
  range: Span;
  path: string[];
  /** Chains when the field is known; `open` when some step may add any field; undefined when unknown. */
  fact?: FieldFact;
  open?: OriginStep[];
}
