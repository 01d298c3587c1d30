/**
 * Shared contract for log-format dialects: Apache httpd `LogFormat`, Tomcat `AccessLogValve` patterns,
 * log4j 1.x and log4j 2 layouts. No `vscode`/LSP imports: the LSP layer (`lsp/logformat.ts`) and the CLI
 * (`cli/logformat.ts`) both drive dialects only through these types and `registry.ts`.
 *
 * How a dialect plugs in (log4j engineer: this is for you):
 * 1. `parseFormat(text)` turns the format *as the user wrote it* (Apache: the text between the quotes of
 *    `LogFormat` with `\"` still in it; Tomcat: the XML-decoded `pattern`; log4j: the conversion pattern or a
 *    JSON layout element) into a `ParsedFormat`: a flat list of literals and directives, each with its span in
 *    that text. Problems found go to `issues` (spans in the same text).
 * 2. Every directive says which Logstash field it becomes (`field.ecs` / `field.legacy`, bracket references
 *    such as `[http][response][status_code]`) and its `shape`: the grok sub-pattern that matches every value the
 *    producer can write (placeholders such as `-` included), the conversion and the Joda date pattern if any.
 *    `generate.ts` builds the whole pipeline from that, so a dialect usually only fills the shapes and calls
 *    `buildPipeline` (it can also write its own).
 * 3. `matchLine` answers the CLI's `directives` output (raw values keyed by `Directive.key`). It need not be
 *    grok: a JS RegExp built from the same shapes is fine, because the CLI's `fields` come from running the
 *    generated pipeline through the real simulator, which is the thing that must agree with Logstash.
 * 4. Editor features: `hover` and `complete` work on offsets in the format text. Host files (httpd.conf,
 *    server.xml, log4j2.xml …) are scanned by a `LogFormatHost`, which finds the formats inside the file and maps
 *    format offsets back to document offsets; the LSP handler does the rest.
 * 5. Register the dialect and host(s) in `registry.ts` (one line each).
 */
import type { Span } from "../ast";
import type { Issue } from "../issue";

export type LogFormatKind = "apache" | "tomcat" | "log4j1" | "log4j2";

/** The Logstash field a directive's value lands in, under both naming schemes of Logstash 8. */
export interface FieldTarget {
  /** ECS naming (`ecs_compatibility => v8`), e.g. `[http][response][status_code]`. */
  ecs: string;
  /** Legacy naming (`ecs_compatibility => disabled`), e.g. `[response]`. */
  legacy: string;
}

/** What a directive's written value looks like. */
export interface ValueShape {
  /**
   * Regex (without capture) matching every value the producer writes, e.g. `\d+`, `(?:[^"\\]|\\.)*`.
   * Plain regex in the subset Oniguruma and JavaScript share (no `%{…}` grok references, no named groups),
   * because `generate.ts` uses it both as a grok `pattern_definitions` entry and in the JS line matcher.
   * The placeholder is handled separately (`placeholder`).
   */
  grok: string;
  /** Name for the grok `pattern_definitions` entry (readable generated pipelines), e.g. `HTTPD_QUOTED`. */
  patternName?: string;
  /** `mutate { convert }` target type for numeric values. */
  convert?: "integer" | "float";
  /** The value is a timestamp: the Joda pattern(s) for the `date` filter (or `ISO8601`, `UNIX`, `UNIX_MS`). */
  date?: string[];
  /** What the producer writes when there is no value (`-` for most Apache/Tomcat directives). */
  placeholder?: string;
  /**
   * How the producer escapes special characters in the value: `apache` = httpd's `\"`, `\\`, `\xhh`
   * (ap_escape_logitem); `none` = written raw (so it can contain the surrounding quote). Drives diagnostics
   * and unescaping.
   */
  escaping?: "apache" | "tomcat" | "json" | "none";
  /** The value can contain spaces (free text). Matters for dissect and for unquoted placement. */
  freeText?: boolean;
  /**
   * Spaces the producer adds to reach a minimum width (log4j `%5p` pads `before`, `%-5p` `after`); they are
   * not part of the value, so a generator matches ` *` outside the capture.
   */
  padding?: "before" | "after";
}

export interface FormatLiteral {
  type: "literal";
  /** The literal as it appears in the log line (format escapes such as `%%` or `\t` resolved). */
  text: string;
  span: Span;
  /** Source offset of each character of `text` plus the end (optional; lets diagnostics point at one character). */
  charOffsets?: number[];
}

export interface FormatDirective {
  type: "directive";
  span: Span;
  /**
   * CLI key: the directive as written without format or condition modifiers, e.g. `%>s`, `%{User-agent}i`,
   * `%t`, `%{%d/%b/%Y}t`, `%level`, `%d{ISO8601}`, `%X{user}`.
   */
  key: string;
  /** The directive's name in the dialect (`s`, `i`, `t`; `level`, `d`, `X`). */
  name: string;
  /** The `{…}` argument without braces, if any. */
  argument?: string;
  /** Where the value lands; omitted for directives that produce nothing to keep (e.g. `%n`). */
  field?: FieldTarget;
  shape: ValueShape;
}

export type FormatElement = FormatLiteral | FormatDirective;

/** How events spanning several lines are joined (log4j stack traces): the `multiline` codec settings. */
export interface MultilineRule {
  /** Regex (Logstash/Oniguruma syntax) matching the first line of an event. */
  pattern: string;
  negate: boolean;
  what: "previous" | "next";
}

export interface ParsedFormat {
  kind: LogFormatKind;
  /** The format text this was parsed from; every span points into it. */
  text: string;
  elements: FormatElement[];
  issues: Issue[];
  /** The format writes one JSON object per line (pipeline uses `codec => json`). */
  json: boolean;
  /** Events can span lines; set `multiline` when the generated pipeline needs the codec. */
  multiline?: MultilineRule;
  /** For JSON formats: the members whose values come from directives (codec json yields them as fields). */
  jsonMembers?: JsonMember[];
  /** Dialect-specific extras. */
  data?: Record<string, unknown>;
}

/** One `"key": value` of a JSON-shaped format. */
export interface JsonMember {
  key: string;
  /** Span of the key (with its quotes) in the format text. */
  keySpan: Span;
  /** The elements making up the value (inside the quotes when `quoted`). */
  elements: FormatElement[];
  quoted: boolean;
}

export interface GenerateOptions {
  /** Path the file input reads; a placeholder path when unknown. */
  path?: string;
  /** ECS field names (default) or legacy ones. */
  ecs: boolean;
  /**
   * `dissect` cuts the line at fixed delimiters when no value can contain the text after it (see
   * `dissect.ts`); otherwise, and by default, `grok`. JSON formats use the json codec either way.
   */
  parser?: "grok" | "dissect";
}

/** Raw values of one line, keyed by `FormatDirective.key` (first occurrence wins for repeated keys). */
export interface LineMatch {
  matched: boolean;
  directives: Record<string, string>;
}

export interface FormatHover {
  /** Markdown. */
  contents: string;
  /** Span in the format text the hover is about. */
  span: Span;
}

export interface FormatCompletion {
  label: string;
  /** Text inserted in place of `replace`. */
  insertText: string;
  replace: Span;
  detail?: string;
  /** Markdown. */
  documentation?: string;
}

/** One log-format language. Stateless; every method takes what it needs. */
export interface LogFormatDialect {
  kind: LogFormatKind;
  parseFormat(text: string): ParsedFormat;
  generatePipeline(parsed: ParsedFormat, options: GenerateOptions): string;
  matchLine(parsed: ParsedFormat, line: string): LineMatch;
  hover(parsed: ParsedFormat, offset: number): FormatHover | undefined;
  complete(parsed: ParsedFormat, offset: number): FormatCompletion[];
}

/** A format found inside a host document (httpd.conf, server.xml, log4j2.xml …). */
export interface EmbeddedFormat {
  kind: LogFormatKind;
  parsed: ParsedFormat;
  /** Span of the format text in the host document. */
  range: Span;
  /** Maps an offset in `parsed.text` to the host document (not constant when the host decodes entities). */
  toHost(offset: number): number;
  /** Maps a host offset inside `range` to an offset in `parsed.text`. */
  fromHost(offset: number): number;
  /** Nickname / appender name, when the host gives one. */
  name?: string;
}

/** A file the host configures a producer to write, with the format it writes (for lineage). */
export interface LogWriter {
  kind: LogFormatKind;
  /** Path or glob as configured (relative paths stay relative; `*` where a date goes). */
  path: string;
  range: Span;
  format?: EmbeddedFormat;
}

export interface HostScan {
  formats: EmbeddedFormat[];
  writers: LogWriter[];
  /** Host-level problems (undefined nickname, bad quoting), in host document offsets. */
  issues: Issue[];
}

export interface HostDocument {
  uri: string;
  languageId: string;
  text: string;
}

/** A kind of file that carries formats. */
export interface LogFormatHost {
  id: string;
  /** Whether this host handles the document (language id, file name, a cheap content check). */
  accepts(doc: HostDocument): boolean;
  scan(doc: HostDocument): HostScan;
}
