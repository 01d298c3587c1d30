/**
 * log4j 2 PatternLayout converters (the `@ConverterKeys` of log4j-core 2.24's `pattern/*Converter.java`),
 * each with what it writes and the regex of that value.
 */
import { log4j2DateShape } from "../log4j/dates";
import { escapeRegex } from "../log4j/dates";
import { FIELDS, mdcField } from "../log4j/fields";
import { SHORT_STACK_TRACE, STACK_TRACE, type ConverterDoc, type ValueInfo } from "../log4j/model";

export interface ConverterSpec {
  names: string[];
  doc: ConverterDoc;
  /** `optional`: %notEmpty; `ansi`: colours; `opaque`: rewrites its sub-pattern's text (%replace …). */
  wrapper?: "optional" | "ansi" | "opaque";
  /** The line separator. */
  newline?: boolean;
  value?(options: string[]): ValueInfo;
}

export const LEVELS = ["OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL"];
const LEVEL_RE = `(?:${LEVELS.join("|")})`;

/** `%level{WARN=W, length=1, lowerCase=true}`: the names log4j 2 writes for each standard level. */
export function levelRegex(option: string | undefined): string {
  if (!option) return LEVEL_RE;
  const map = new Map<string, string>();
  let length = Infinity;
  let lower = false;
  for (const def of option.split(/\s*,\s*/)) {
    const pair = def.split("=");
    if (pair.length !== 2) continue;
    const key = pair[0].trim();
    const value = pair[1].trim();
    if (key.toLowerCase() === "length") length = Number.parseInt(value, 10) || Infinity;
    else if (key.toLowerCase() === "lowercase") lower = value.toLowerCase() === "true";
    else if (LEVELS.includes(key.toUpperCase())) map.set(key.toUpperCase(), value);
  }
  const names = LEVELS.map((l) => {
    if (map.has(l)) return map.get(l)!;
    const cut = Number.isFinite(length) ? l.slice(0, length) : l;
    return lower ? cut.toLowerCase() : cut;
  });
  return `(?:${[...new Set(names)].sort((a, b) => b.length - a.length).map(escapeRegex).join("|")})`;
}

/** `%ex{none|short|full|n}`: how much of the stack trace is written. */
export function throwableValue(options: string[]): ValueInfo {
  const first = (options[0] ?? "").trim();
  if (first === "none" || first === "0") return { regex: "", empty: true };
  const full = first === "" || first === "full" || first.startsWith("filters(") || first.startsWith("separator(") || first.startsWith("suffix(");
  return { regex: full ? STACK_TRACE : SHORT_STACK_TRACE, field: FIELDS.stackTrace, throwable: true, multiLine: true, freeText: true };
}

const text = (field: ValueInfo["field"], multiLine = false): ValueInfo => ({
  regex: multiLine ? "[\\s\\S]*?" : "[^\\n]*?",
  cls: multiLine ? "[\\s\\S]" : "[^\\n]",
  field,
  freeText: true,
  multiLine,
});
const word = (field: ValueInfo["field"]): ValueInfo => ({ regex: "[^\\s\\x1b]*?", cls: "[^\\s\\x1b]", field });
const int = (field: ValueInfo["field"], signed = false): ValueInfo => ({ regex: signed ? "-?\\d+" : "\\d+", cls: "\\d", field, convert: "integer", anchor: true });

const doc = (summary: string, example: string, empty: string): ConverterDoc => ({ summary, example, empty });

export const LOG4J2_CONVERTERS: ConverterSpec[] = [
  {
    names: ["c", "logger"],
    doc: doc("The logger name; `{n}` keeps the last n parts, `{-n}` drops the first n, `{1.}` abbreviates packages.", "com.example.shop.PaymentService", "Empty for the root logger."),
    value: () => ({ regex: "[^\\s\\x1b]*", cls: "[^\\s\\x1b]", field: FIELDS.logger }),
  },
  {
    names: ["C", "class"],
    doc: doc("The fully qualified class of the caller (location info, slow), with the same precision options as %c.", "com.example.shop.PaymentService", "`?` when no location is available."),
    value: () => word(FIELDS.className),
  },
  {
    names: ["d", "date"],
    doc: doc("The event time: `%d{PATTERN}{TIMEZONE}{LOCALE}` with a SimpleDateFormat pattern or a name (DEFAULT, ISO8601, ISO8601_BASIC, ABSOLUTE, DATE, COMPACT, UNIX, UNIX_MILLIS, …_PERIOD, …_MICROS, …_NANOS, ISO8601_OFFSET_DATE_TIME_HH/HHMM/HHCMM, US_MONTH_DAY_YEAR2_TIME, US_MONTH_DAY_YEAR4_TIME).", "2026-03-01 08:09:10,123", "Never empty."),
    value: (options) => {
      const shape = log4j2DateShape(options[0]);
      const timezone = options[1]?.trim() || undefined;
      return { regex: shape.regex, field: FIELDS.timestamp, date: shape.date, timezone, anchor: true, problems: shape.problems };
    },
  },
  {
    names: ["enc", "encode"],
    doc: doc("Its sub-pattern with characters escaped: `%enc{PATTERN}{HTML|XML|JSON|CRLF}` (HTML by default).", "a &lt;b&gt;", "Empty when the sub-pattern is."),
    wrapper: "opaque",
  },
  { names: ["endOfBatch"], doc: doc("Whether the event ended an asynchronous batch.", "false", "Never empty."), value: () => ({ regex: "(?:true|false)", field: FIELDS.endOfBatch }) },
  {
    names: ["equals"],
    doc: doc("`%equals{PATTERN}{TEST}{SUBSTITUTION}`: the sub-pattern's text, or SUBSTITUTION when that text equals TEST.", "[]", "When the sub-pattern is empty and TEST is not."),
    wrapper: "opaque",
  },
  {
    names: ["equalsIgnoreCase"],
    doc: doc("As %equals, comparing without case.", "[]", "When the sub-pattern is empty and TEST is not."),
    wrapper: "opaque",
  },
  {
    names: ["ex", "throwable", "exception"],
    doc: doc("The event's throwable with its stack trace (`printStackTrace`); `{none}`, `{short}`, `{n}` lines, `{separator(…)}`, `{filters(…)}`. A space comes first unless the text so far ends in white space; the trace ends with a line break.", "java.lang.IllegalStateException: boom\n\tat com.example.App.run(App.java:42)", "Empty when the event has no throwable."),
    value: throwableValue,
  },
  {
    names: ["xEx", "xThrowable", "xException"],
    doc: doc("As %ex, with the jar and version of each frame (`~[app.jar:1.0]`). Appended to every pattern that has no throwable converter unless `alwaysWriteExceptions=\"false\"`.", "java.lang.IllegalStateException: boom\n\tat com.example.App.run(App.java:42) ~[app.jar:1.0]", "Empty when the event has no throwable."),
    value: throwableValue,
  },
  {
    names: ["rEx", "rThrowable", "rException"],
    doc: doc("As %xEx, root cause first (`Wrapped by:` blocks).", "java.lang.IllegalStateException: root\n\tat …", "Empty when the event has no throwable."),
    value: throwableValue,
  },
  { names: ["F", "file"], doc: doc("The caller's source file name (location info, slow).", "App.java", "`?` when unknown."), value: () => word(FIELDS.file) },
  { names: ["l", "location"], doc: doc("The caller's location: class.method(file:line) (location info, slow).", "com.example.App.run(App.java:42)", "`?` when unknown."), value: () => text(FIELDS.location) },
  { names: ["L", "line"], doc: doc("The caller's line number (location info, slow).", "42", "`?` when unknown."), value: () => ({ regex: "(?:\\d+|\\?)", cls: "\\d", field: FIELDS.line, convert: "integer" }) },
  {
    names: ["highlight"],
    doc: doc("Its sub-pattern in ANSI colours by level: `%highlight{PATTERN}{STYLE}`. The escape codes are written to files too unless `disableAnsi=\"true\"`.", "\\e[32mINFO \\e[m", "Empty when the sub-pattern is."),
    wrapper: "ansi",
  },
  {
    names: ["style"],
    doc: doc("Its sub-pattern in ANSI styles: `%style{PATTERN}{red,bold}`.", "\\e[36mcom.example.App\\e[m", "Empty when the sub-pattern is."),
    wrapper: "ansi",
  },
  ...["black", "blue", "cyan", "green", "magenta", "red", "white", "yellow"].map(
    (color): ConverterSpec => ({ names: [color], doc: doc(`Its sub-pattern in ${color} (ANSI).`, `\\e[${color}m…\\e[m`, "Empty when the sub-pattern is."), wrapper: "ansi" }),
  ),
  { names: ["K", "map", "MAP"], doc: doc("A MapMessage's entries `{k=v, …}`, or `{KEY}`'s value.", "{id=7}", "Empty for other messages."), value: () => text(FIELDS.map) },
  { names: ["marker"], doc: doc("The marker's full name with its parents: `NAME[ PARENT ]`.", "AUDIT[ SECURITY ]", "Empty without a marker."), value: () => text(FIELDS.marker) },
  { names: ["markerSimpleName"], doc: doc("The marker's name alone.", "AUDIT", "Empty without a marker."), value: () => text(FIELDS.marker) },
  {
    names: ["maxLength", "maxLen"],
    doc: doc("Its sub-pattern cut to N characters, with `...` added past 20: `%maxLen{PATTERN}{N}`.", "Started the long running…", "Empty when the sub-pattern is."),
    wrapper: "opaque",
  },
  {
    names: ["X", "mdc", "MDC"],
    doc: doc("Thread context (MDC) data: `%X{key}` one value, `%X{a,b}` the listed pairs as `{a=1, b=2}`, `%X` all of them.", "alice", "Empty when the key is not set; `{}` for an empty map."),
    value: (options) => {
      const key = options[0]?.trim();
      if (!key) return { regex: "\\{[^\\n]*?\\}", field: FIELDS.mdcAll, freeText: true };
      if (key.includes(",")) return { regex: "\\{[^\\n]*?\\}", field: FIELDS.mdcAll, freeText: true };
      return text(mdcField(key));
    },
  },
  {
    names: ["m", "msg", "message"],
    doc: doc("The message as the application passed it, parameters filled in; `{nolookups}`, `{ansi}`. It can span lines.", "Started in 2.4 s", "Empty for an empty message."),
    value: () => text(FIELDS.message, true),
  },
  { names: ["M", "method"], doc: doc("The caller's method name (location info, slow).", "run", "`?` when unknown."), value: () => word(FIELDS.method) },
  { names: ["n"], doc: doc("The platform line separator (`\\n` on Linux).", "\\n", "Never empty."), newline: true },
  { names: ["N", "nano"], doc: doc("System.nanoTime() when the event was created.", "324578139812", "Never empty."), value: () => int(FIELDS.nano, true) },
  {
    names: ["notEmpty", "varsNotEmpty", "variablesNotEmpty"],
    doc: doc("Its sub-pattern, or nothing at all when every converter in it wrote nothing: `%notEmpty{[%X{user}] }`.", "[alice] ", "Empty when all its converters are."),
    wrapper: "optional",
  },
  { names: ["x", "NDC"], doc: doc("The thread context stack (NDC) as a list.", "[outer, inner]", "`[]` when the stack is empty."), value: () => ({ regex: "\\[[^\\n]*?\\]", field: FIELDS.ndc, freeText: true }) },
  { names: ["pid", "processId"], doc: doc("The process id.", "4711", "Never empty."), value: () => int(FIELDS.pid) },
  { names: ["p", "level"], doc: doc("The level; `{length=1}`, `{lowerCase=true}`, `{WARN=W, …}` rename levels.", "INFO", "Never empty."), value: (options) => ({ regex: levelRegex(options[0]), cls: "[^\\s\\x1b]", field: FIELDS.level, anchor: true }) },
  { names: ["r", "relative"], doc: doc("Milliseconds since the JVM started.", "5310", "Never empty."), value: () => int(FIELDS.relative) },
  {
    names: ["replace"],
    doc: doc("`%replace{PATTERN}{REGEX}{SUBSTITUTION}`: its sub-pattern's text with every REGEX match replaced.", "a b c", "Empty when the sub-pattern is."),
    wrapper: "opaque",
  },
  { names: ["repeat"], doc: doc("`%repeat{TEXT}{N}`: TEXT N times.", "====", "Empty when N is 0."), value: (options) => ({ regex: escapeRegex((options[0] ?? "").repeat(Math.max(0, Number.parseInt(options[1] ?? "0", 10) || 0))) }) },
  { names: ["sn", "sequenceNumber"], doc: doc("A number that grows by one with every event.", "42", "Never empty."), value: () => int(FIELDS.sequence) },
  { names: ["T", "tid", "threadId"], doc: doc("The thread id.", "1", "Never empty."), value: () => int(FIELDS.threadId) },
  { names: ["t", "tn", "thread", "threadName"], doc: doc("The thread name; it can contain spaces.", "main", "Never empty in practice."), value: () => text(FIELDS.thread) },
  { names: ["tp", "threadPriority"], doc: doc("The thread priority.", "5", "Never empty."), value: () => int(FIELDS.threadPriority) },
  { names: ["fqcn"], doc: doc("The fully qualified class name of the logger.", "org.apache.logging.log4j.spi.AbstractLogger", "Never empty."), value: () => word(FIELDS.fqcn) },
  { names: ["u", "uuid"], doc: doc("A UUID (`{RANDOM}` or `{TIME}`).", "8f2c1e8a-2a39-4d2e-9d6a-3d6ab1f6a1c2", "Never empty."), value: () => ({ regex: "[0-9a-fA-F-]{36}", field: FIELDS.uuid }) },
];

export const LOG4J2_BY_NAME = new Map<string, ConverterSpec>(LOG4J2_CONVERTERS.flatMap((spec) => spec.names.map((n): [string, ConverterSpec] => [n, spec])));
