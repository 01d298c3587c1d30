/**
 * log4j 1.2 converters: PatternLayout's letters (`helpers.PatternParser`) and EnhancedPatternLayout's
 * words (`pattern.PatternParser` rules), each with what it writes and the regex of that value.
 */
import { log4j1DateShape } from "../log4j/dates";
import { FIELDS, mdcField } from "../log4j/fields";
import { SHORT_STACK_TRACE, STACK_TRACE, type ConverterDoc, type ValueInfo } from "../log4j/model";
import type { ConverterSpec } from "../log4j2/converters";

const LEVEL_RE = "(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL|OFF|ALL)";

const doc = (summary: string, example: string, empty: string): ConverterDoc => ({ summary, example, empty });
const text = (field: ValueInfo["field"], multiLine = false): ValueInfo => ({
  regex: multiLine ? "[\\s\\S]*?" : "[^\\n]*?",
  cls: multiLine ? "[\\s\\S]" : "[^\\n]",
  field,
  freeText: true,
  multiLine,
});
const word = (field: ValueInfo["field"]): ValueInfo => ({ regex: "[^\\s\\x1b]*?", cls: "[^\\s\\x1b]", field });
const int = (field: ValueInfo["field"]): ValueInfo => ({ regex: "\\d+", cls: "\\d", field, convert: "integer", anchor: true });

function converters(enhanced: boolean): ConverterSpec[] {
  return [
    {
      names: enhanced ? ["c", "logger"] : ["c"],
      doc: doc(enhanced ? "The logger name; `{n}` keeps the last n parts, `{-n}` drops the first n, `{1.}` abbreviates packages." : "The logger (category) name; `{n}` keeps its last n parts.", "com.example.shop.PaymentService", "Never empty (the root logger is `root`)."),
      value: () => ({ regex: "[^\\s\\x1b]*", cls: "[^\\s\\x1b]", field: FIELDS.logger }),
    },
    { names: enhanced ? ["C", "class"] : ["C"], doc: doc("The caller's fully qualified class name (location info, slow); `{n}` keeps the last n parts.", "com.example.App", "`?` when unknown."), value: () => word(FIELDS.className) },
    {
      names: enhanced ? ["d", "date"] : ["d"],
      doc: doc(
        enhanced
          ? "The event time: `%d{PATTERN}{TIMEZONE}` with a SimpleDateFormat pattern or ISO8601, ABSOLUTE, DATE; `%d` alone is ISO8601 (`yyyy-MM-dd HH:mm:ss,SSS`)."
          : "The event time: `%d{PATTERN}` with a SimpleDateFormat pattern or ISO8601, ABSOLUTE, DATE; `%d` alone is ISO8601 (`yyyy-MM-dd HH:mm:ss,SSS`), in the JVM's time zone.",
        "2026-03-01 08:09:10,123",
        "Never empty.",
      ),
      value: (options) => {
        const shape = log4j1DateShape(options[0]);
        const timezone = enhanced ? options[1]?.trim() || undefined : undefined;
        return { regex: shape.regex, field: FIELDS.timestamp, date: shape.date, timezone, anchor: true, problems: shape.problems };
      },
    },
    { names: enhanced ? ["F", "file"] : ["F"], doc: doc("The caller's source file (location info, slow).", "App.java", "`?` when unknown."), value: () => word(FIELDS.file) },
    { names: ["l"], doc: doc("The caller's location: class.method(file:line) (location info, slow).", "com.example.App.run(App.java:42)", "`?` when unknown."), value: () => text(FIELDS.location) },
    { names: enhanced ? ["L", "line"] : ["L"], doc: doc("The caller's line number (location info, slow).", "42", "`?` when unknown."), value: () => ({ regex: "(?:\\d+|\\?)", cls: "\\d", field: FIELDS.line, convert: "integer" }) },
    { names: enhanced ? ["m", "message"] : ["m"], doc: doc("The message; it can span lines.", "Started in 2.4 s", "Empty for an empty message."), value: () => text(FIELDS.message, true) },
    { names: enhanced ? ["M", "method"] : ["M"], doc: doc("The caller's method (location info, slow).", "run", "`?` when unknown."), value: () => word(FIELDS.method) },
    ...(enhanced ? [{ names: ["n"], doc: doc("The line separator.", "\\n", "Never empty."), newline: true } satisfies ConverterSpec] : []),
    { names: enhanced ? ["p", "level"] : ["p"], doc: doc("The level.", "INFO", "Never empty."), value: () => ({ regex: LEVEL_RE, cls: "[^\\s\\x1b]", field: FIELDS.level, anchor: true }) },
    { names: enhanced ? ["r", "relative"] : ["r"], doc: doc("Milliseconds since the layout was created.", "5310", "Never empty."), value: () => int(FIELDS.relative) },
    { names: enhanced ? ["t", "thread"] : ["t"], doc: doc("The thread name; it can contain spaces.", "main", "Never empty in practice."), value: () => text(FIELDS.thread) },
    {
      names: enhanced ? ["x", "ndc"] : ["x"],
      doc: doc("The nested diagnostic context: the NDC stack, items separated by spaces.", "outer inner", enhanced ? "`null` when the stack is empty." : "Empty when the stack is empty."),
      value: () => text(FIELDS.ndc),
    },
    {
      names: enhanced ? ["X", "properties"] : ["X"],
      doc: doc("MDC data: `%X{key}` one value; `%X` alone all pairs as `{{k,v}{k2,v2}}`.", "alice", "Empty when the key is not set."),
      value: (options) => {
        const key = options[0]?.trim();
        if (options[0] === undefined) return { regex: "\\{(?:\\{[^\\n]*?\\})*\\}", field: FIELDS.mdcAll, freeText: true };
        return text(mdcField(key ?? ""));
      },
    },
    ...(enhanced
      ? [
          { names: ["sn", "sequenceNumber"], doc: doc("The event's sequence number.", "42", "Never empty."), value: () => int(FIELDS.sequence) } satisfies ConverterSpec,
          {
            names: ["throwable"],
            doc: doc("The throwable's stack trace, one line break after each line; `{none}`, `{short}` or `{n}` lines. Without it the appender writes the trace after the event.", "java.lang.IllegalStateException: boom\n\tat com.example.App.run(App.java:42)", "Empty when the event has no throwable."),
            value: (options: string[]): ValueInfo => {
              const first = (options[0] ?? "").trim();
              if (first === "none" || first === "0") return { regex: "", empty: true };
              return { regex: first === "" ? STACK_TRACE : SHORT_STACK_TRACE, field: FIELDS.stackTrace, throwable: true, multiLine: true, freeText: true };
            },
          } satisfies ConverterSpec,
        ]
      : []),
  ];
}

export const LOG4J1_CLASSIC = converters(false);
export const LOG4J1_ENHANCED = converters(true);

export function byName(specs: ConverterSpec[]): Map<string, ConverterSpec> {
  return new Map(specs.flatMap((spec) => spec.names.map((n): [string, ConverterSpec] => [n, spec])));
}
