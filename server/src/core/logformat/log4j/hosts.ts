/**
 * log4j configuration files as log-format hosts: log4j 1 `log4j.properties`/`log4j.xml` and log4j 2
 * `log4j2.xml`/`log4j2.properties`. Each appender's layout becomes an embedded format (pattern value or
 * JSON layout element, with offsets back into the file) and each file appender a writer.
 */
import type { Span } from "../../ast";
import { LOG4J1_ENHANCED_LAYOUT, LOG4J1_PATTERN_LAYOUT } from "../log4j1";
import { LOG4J2_PATTERN_LAYOUT, LOG4J2_PATTERN_NO_EXCEPTIONS } from "../log4j2";
import type { EmbeddedFormat, HostDocument, HostScan, LogFormatHost, LogFormatKind, LogWriter } from "../types";
import { parseJsonFormat, parsePatternLayout, type Log4jFlavorSpec } from "./dialect";
import { log4j2YamlHost } from "./yamlHost";
import { attr, embed, parseProperties, parseXml, walkXml, type HostValue, type XmlElement } from "./hostText";

function baseName(uri: string): string {
  return decodeURIComponent(uri.split(/[\\/]/).pop() ?? "").toLowerCase();
}


function identity(text: string, start: number, end: number): HostValue {
  const offsets: number[] = [];
  for (let i = start; i <= end; i++) offsets.push(i);
  return { value: text.slice(start, end), offsets };
}

/** A rolling file pattern (`app-%d{yyyy-MM-dd}-%i.log.gz`) as a glob. */
export function filePatternGlob(pattern: string): string {
  return pattern.replace(/%(?:d|date)(?:\{[^}]*\})?|%i|%index/g, "*");
}

function writer(kind: LogFormatKind, path: HostValue, format?: EmbeddedFormat): LogWriter {
  const range: Span = { start: path.offsets[0], end: path.offsets[path.offsets.length - 1] };
  return format ? { kind, path: path.value, range, format } : { kind, path: path.value, range };
}

function patternFormat(kind: LogFormatKind, hv: HostValue, spec: Log4jFlavorSpec, name?: string): EmbeddedFormat {
  return embed(kind, parsePatternLayout(kind, hv.value, spec), hv, name);
}

function log4j1Layout(className: string): Log4jFlavorSpec | "json" | undefined {
  if (/(^|\.)EnhancedPatternLayout$/.test(className)) return LOG4J1_ENHANCED_LAYOUT;
  if (/(^|\.)PatternLayout$/.test(className)) return LOG4J1_PATTERN_LAYOUT;
  if (/JSONEventLayoutV1$/.test(className)) return "json";
  return undefined;
}

export const log4j1PropertiesHost: LogFormatHost = {
  id: "log4j1-properties",
  accepts: (doc) => (/^log4j.*\.properties$/.test(baseName(doc.uri)) && !baseName(doc.uri).startsWith("log4j2")) || /^\s*log4j\.(appender|rootLogger)\b/m.test(doc.text),
  scan(doc: HostDocument): HostScan {
    const entries = new Map(parseProperties(doc.text).map((e) => [e.key, e]));
    const scan: HostScan = { formats: [], writers: [], issues: [] };
    for (const [key, entry] of entries) {
      const m = /^log4j\.appender\.([^.]+)\.layout$/.exec(key);
      if (!m) continue;
      const name = m[1];
      const layout = log4j1Layout(entry.value.trim());
      let format: EmbeddedFormat | undefined;
      if (layout === "json") {
        const parsed = parseJsonFormat("log4j1", entry.value.trim());
        if (parsed) format = embed("log4j1", parsed, entry, name);
      } else if (layout !== undefined) {
        const pattern = entries.get(`log4j.appender.${name}.layout.ConversionPattern`);
        if (pattern) format = patternFormat("log4j1", pattern, layout, name);
      }
      if (format) scan.formats.push(format);
      const file = entries.get(`log4j.appender.${name}.File`);
      if (file) scan.writers.push(writer("log4j1", file, format));
    }
    return scan;
  },
};

function param(el: XmlElement, name: string): HostValue | undefined {
  for (const child of el.children) {
    if (child.local === "param" && attr(child, "name")?.value.value === name) return attr(child, "value")?.value;
  }
  return undefined;
}

export const log4j1XmlHost: LogFormatHost = {
  id: "log4j1-xml",
  accepts: (doc) => baseName(doc.uri) === "log4j.xml" || /<log4j:configuration\b/.test(doc.text),
  scan(doc: HostDocument): HostScan {
    const scan: HostScan = { formats: [], writers: [], issues: [] };
    for (const el of walkXml(parseXml(doc.text))) {
      if (el.local !== "appender") continue;
      const name = attr(el, "name")?.value.value;
      const layoutEl = el.children.find((c) => c.local === "layout");
      const layout = layoutEl ? log4j1Layout(attr(layoutEl, "class")?.value.value ?? "") : undefined;
      let format: EmbeddedFormat | undefined;
      if (layout === "json" && layoutEl) {
        const parsed = parseJsonFormat("log4j1", doc.text.slice(layoutEl.start, layoutEl.tagEnd));
        if (parsed) format = embed("log4j1", parsed, identity(doc.text, layoutEl.start, layoutEl.tagEnd), name);
      } else if (layout && layout !== "json" && layoutEl) {
        const pattern = param(layoutEl, "ConversionPattern");
        if (pattern) format = patternFormat("log4j1", pattern, layout, name);
      }
      if (format) scan.formats.push(format);
      const file = param(el, "File");
      if (file) scan.writers.push(writer("log4j1", file, format));
    }
    return scan;
  },
};

const LOG4J2_FILE_APPENDERS = /^(File|RollingFile|RandomAccessFile|RollingRandomAccessFile|MemoryMappedFile)$/i;

function log4j2Spec(alwaysWriteExceptions: string | undefined): Log4jFlavorSpec {
  return alwaysWriteExceptions?.trim().toLowerCase() === "false" ? LOG4J2_PATTERN_NO_EXCEPTIONS : LOG4J2_PATTERN_LAYOUT;
}

export const log4j2XmlHost: LogFormatHost = {
  id: "log4j2-xml",
  accepts: (doc) => /^log4j2.*\.xml$/.test(baseName(doc.uri)) || (/<Configuration\b/i.test(doc.text) && /<Appenders\b/i.test(doc.text)),
  scan(doc: HostDocument): HostScan {
    const scan: HostScan = { formats: [], writers: [], issues: [] };
    const layoutOf = new Map<XmlElement, EmbeddedFormat>();
    const appenderName = new Map<XmlElement, string | undefined>();
    const roots = parseXml(doc.text);
    for (const el of walkXml(roots)) {
      for (const child of el.children) appenderName.set(child, attr(el, "name")?.value.value);
      let format: EmbeddedFormat | undefined;
      if (/^PatternLayout$/i.test(el.local)) {
        const spec = log4j2Spec(attr(el, "alwaysWriteExceptions")?.value.value);
        const value = attr(el, "pattern")?.value ?? el.children.find((c) => /^Pattern$/i.test(c.local))?.text;
        if (value) format = patternFormat("log4j2", value, spec, appenderName.get(el));
      } else if (/^(JsonLayout|JsonTemplateLayout)$/i.test(el.local)) {
        const parsed = parseJsonFormat("log4j2", doc.text.slice(el.start, el.tagEnd));
        if (parsed) format = embed("log4j2", parsed, identity(doc.text, el.start, el.tagEnd), appenderName.get(el));
      }
      if (format) {
        scan.formats.push(format);
        layoutOf.set(el, format);
      }
    }
    for (const el of walkXml(roots)) {
      if (!LOG4J2_FILE_APPENDERS.test(el.local)) continue;
      const layout = el.children.map((c) => layoutOf.get(c)).find((f) => f !== undefined);
      const fileName = attr(el, "fileName")?.value;
      if (fileName) scan.writers.push(writer("log4j2", fileName, layout));
      const filePattern = attr(el, "filePattern")?.value;
      if (filePattern) scan.writers.push({ ...writer("log4j2", filePattern, layout), path: filePatternGlob(filePattern.value) });
    }
    return scan;
  },
};

export const log4j2PropertiesHost: LogFormatHost = {
  id: "log4j2-properties",
  accepts: (doc) => /^log4j2.*\.properties$/.test(baseName(doc.uri)) || /^\s*appenders?\.[\w.-]+\.type\s*[=:]/m.test(doc.text),
  scan(doc: HostDocument): HostScan {
    const entries = parseProperties(doc.text);
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const scan: HostScan = { formats: [], writers: [], issues: [] };
    for (const entry of entries) {
      const m = /^(appender\.[^.]+)\.layout\.type$/.exec(entry.key);
      if (!m) continue;
      const prefix = m[1];
      const type = entry.value.trim();
      const name = byKey.get(`${prefix}.name`)?.value;
      let format: EmbeddedFormat | undefined;
      if (/^PatternLayout$/i.test(type)) {
        const pattern = byKey.get(`${prefix}.layout.pattern`);
        if (pattern) format = patternFormat("log4j2", pattern, log4j2Spec(byKey.get(`${prefix}.layout.alwaysWriteExceptions`)?.value), name);
      } else if (/^(JsonLayout|JsonTemplateLayout)$/i.test(type)) {
        // The layout's attributes are separate keys: rebuild the element the dialect reads.
        const attrs = entries
          .filter((e) => e.key.startsWith(`${prefix}.layout.`) && e.key !== entry.key)
          .map((e) => `${e.key.slice(prefix.length + 8)}="${e.value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`);
        const parsed = parseJsonFormat("log4j2", `<${type} ${attrs.join(" ")}/>`);
        if (parsed) {
          const at = entry.offsets[0];
          format = { ...embed("log4j2", parsed, entry, name), toHost: () => at, fromHost: () => 0 };
        }
      }
      if (format) scan.formats.push(format);
      const fileName = byKey.get(`${prefix}.fileName`);
      if (fileName) scan.writers.push(writer("log4j2", fileName, format));
      const filePattern = byKey.get(`${prefix}.filePattern`);
      if (filePattern) scan.writers.push({ ...writer("log4j2", filePattern, format), path: filePatternGlob(filePattern.value) });
    }
    return scan;
  },
};

/** Most specific first, as the registry wants them. */
export const LOG4J_HOSTS: LogFormatHost[] = [log4j2XmlHost, log4j2PropertiesHost, log4j2YamlHost, log4j1XmlHost, log4j1PropertiesHost];
