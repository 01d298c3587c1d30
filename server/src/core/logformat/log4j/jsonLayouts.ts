/**
 * log4j's JSON layouts, given as their configuration element (`<JsonLayout compact="true" eventEol="true"/>`,
 * `<JsonTemplateLayout eventTemplateUri="classpath:EcsLayout.json"/>`) or, for log4j 1, the layout class
 * (`net.logstash.log4j.JSONEventLayoutV1`): which keys they write and how their events are delimited.
 */
import type { Span } from "../../ast";
import { issue, type Issue } from "../../issue";
import { t } from "../../l10n";

export type JsonLayoutName = "JsonLayout" | "JsonTemplateLayout" | "JSONEventLayoutV1";

export interface JsonKey {
  key: string;
  /** What the value is. */
  doc: string;
}

export interface JsonLayoutInfo {
  layout: JsonLayoutName;
  attributes: Record<string, string>;
  /** One JSON object per line (else pretty-printed objects spanning lines). */
  oneLine: boolean;
  keys: JsonKey[];
  /** Dotted top-level keys (ECS template) to nest in the event. */
  dotted: string[];
  /** Field and Joda/UNIX pattern for the `date` filter, when the codec does not set @timestamp itself. */
  date?: { field: string; pattern: string };
  issues: Issue[];
}

const ELEMENT = /^\s*<\s*([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10)),
  );
}

const bool = (attrs: Record<string, string>, name: string, fallback: boolean): boolean => {
  const v = Object.entries(attrs).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return v === undefined ? fallback : v.trim().toLowerCase() === "true";
};

const JSON_EVENT_V1_KEYS: JsonKey[] = [
  { key: "@timestamp", doc: "event time, UTC, `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`" },
  { key: "@version", doc: "always 1" },
  { key: "source_host", doc: "the host name" },
  { key: "message", doc: "the rendered message" },
  { key: "logger_name", doc: "logger name" },
  { key: "level", doc: "level" },
  { key: "thread_name", doc: "thread name" },
  { key: "mdc", doc: "MDC as an object" },
  { key: "ndc", doc: "NDC text (only when set)" },
  { key: "exception", doc: "{exception_class, exception_message, stacktrace} (only with a throwable)" },
  { key: "file", doc: "caller's file (locationInfo, on by default)" },
  { key: "line_number", doc: "caller's line, as a string" },
  { key: "class", doc: "caller's class" },
  { key: "method", doc: "caller's method" },
];

const JSON_LAYOUT_KEYS: JsonKey[] = [
  { key: "instant", doc: "{epochSecond, nanoOfSecond}" },
  { key: "thread", doc: "thread name" },
  { key: "level", doc: "level" },
  { key: "loggerName", doc: "logger name" },
  { key: "message", doc: "formatted message" },
  { key: "thrown", doc: "{commonElementCount, localizedMessage, message, name, extendedStackTrace} (only with a throwable)" },
  { key: "contextMap", doc: "thread context map (properties=\"true\")" },
  { key: "contextStack", doc: "thread context stack (properties=\"true\", when not empty)" },
  { key: "endOfBatch", doc: "true/false" },
  { key: "loggerFqcn", doc: "logger class" },
  { key: "threadId", doc: "thread id" },
  { key: "threadPriority", doc: "thread priority" },
  { key: "source", doc: "{class, method, file, line} (locationInfo=\"true\")" },
  { key: "timeMillis", doc: "epoch milliseconds (includeTimeMillis=\"true\", instead of instant)" },
];

const ECS_KEYS: JsonKey[] = [
  { key: "@timestamp", doc: "event time, UTC, `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`" },
  { key: "ecs.version", doc: "1.2.0" },
  { key: "log.level", doc: "level" },
  { key: "message", doc: "formatted message" },
  { key: "process.thread.name", doc: "thread name" },
  { key: "log.logger", doc: "logger name" },
  { key: "labels", doc: "MDC: flattened, so each key sits at the top level" },
  { key: "tags", doc: "NDC items (when not empty)" },
  { key: "error.type", doc: "throwable class (with a throwable)" },
  { key: "error.message", doc: "throwable message (with a throwable)" },
  { key: "error.stack_trace", doc: "stack trace as a string (with a throwable)" },
];

/** Whether `text` names a JSON layout rather than a conversion pattern. */
export function looksLikeJsonLayout(text: string): boolean {
  return /^\s*</.test(text) || /^\s*net\.logstash\.log4j\.JSONEventLayoutV[01]\s*$/.test(text);
}

export function parseJsonLayout(text: string): JsonLayoutInfo | undefined {
  const whole: Span = { start: 0, end: text.length };
  if (/^\s*net\.logstash\.log4j\.JSONEventLayoutV1\s*$/.test(text)) {
    return { layout: "JSONEventLayoutV1", attributes: {}, oneLine: true, keys: JSON_EVENT_V1_KEYS, dotted: [], issues: [] };
  }
  const m = ELEMENT.exec(text);
  if (!m) return undefined;
  const attributes: Record<string, string> = {};
  for (const a of m[2].matchAll(ATTRIBUTE)) attributes[a[1]] = decodeXml(a[2] ?? a[3] ?? "");
  const name = m[1].split(/[.:]/).pop()!;
  const classAttr = attributes.class ?? "";
  if (name === "layout" && /JSONEventLayoutV1$/.test(classAttr)) {
    return { layout: "JSONEventLayoutV1", attributes, oneLine: true, keys: JSON_EVENT_V1_KEYS, dotted: [], issues: [] };
  }
  if (/^JsonLayout$/i.test(name)) {
    const issues: Issue[] = [];
    const compact = bool(attributes, "compact", false);
    const eventEol = bool(attributes, "eventEol", false);
    if (bool(attributes, "complete", false)) issues.push(issue("log4j-json-layout", "warning", t("complete=\"true\" wraps the events in one JSON array: the file is not one event per line"), whole));
    if (compact && !eventEol) issues.push(issue("log4j-json-layout", "warning", t("compact=\"true\" without eventEol=\"true\" writes the events without line breaks between them"), whole));
    const millis = bool(attributes, "includeTimeMillis", false);
    return {
      layout: "JsonLayout",
      attributes,
      oneLine: compact && eventEol,
      keys: JSON_LAYOUT_KEYS,
      dotted: [],
      date: millis ? { field: "timeMillis", pattern: "UNIX_MS" } : { field: "[instant][epochSecond]", pattern: "UNIX" },
      issues,
    };
  }
  if (/^JsonTemplateLayout$/i.test(name)) {
    const uri = attributes.eventTemplateUri ?? "classpath:EcsLayout.json";
    const ecs = /EcsLayout\.json$/.test(uri) && !attributes.eventTemplate;
    return { layout: "JsonTemplateLayout", attributes, oneLine: true, keys: ecs ? ECS_KEYS : [], dotted: ecs ? ECS_KEYS.map((k) => k.key).filter((k) => k.includes(".") && k !== "ecs.version") : [], issues: [] };
  }
  return undefined;
}
