/**
 * log4j 2 YAML and JSON configurations (`log4j2.yaml`, `log4j2.json`; JSON read as YAML): every mapping
 * with a `PatternLayout`/`JsonLayout`/`JsonTemplateLayout` member is an appender with that layout, and its
 * `fileName`/`filePattern` the file it writes. log4j 2 matches these names without case.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Scalar, type YAMLMap } from "yaml";
import type { EmbeddedFormat, HostDocument, HostScan, LogFormatHost, LogWriter } from "../types";
import { parseJsonFormat, parsePatternLayout } from "./dialect";
import { embed, type HostValue } from "./hostText";
import { LOG4J2_PATTERN_LAYOUT, LOG4J2_PATTERN_NO_EXCEPTIONS } from "../log4j2";

/** A scalar's value with the source offset of each character (escapes map to their backslash). */
function scalarValue(text: string, node: Scalar): HostValue | undefined {
  if (typeof node.value !== "string" || !node.range) return undefined;
  const [start, end] = node.range;
  const offsets: number[] = [];
  let value = "";
  if (node.type === "QUOTE_DOUBLE") {
    for (let i = start + 1; i < end - 1; i++) {
      if (text[i] === "\\") {
        const c = text[i + 1];
        const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\", "/": "/", "0": "\0", b: "\b", f: "\f", e: "\x1b" };
        if (c === "u" || c === "x") {
          const len = c === "u" ? 4 : 2;
          value += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 2 + len), 16));
          offsets.push(i);
          i += 1 + len;
        } else {
          value += simple[c] ?? c;
          offsets.push(i);
          i++;
        }
        continue;
      }
      value += text[i];
      offsets.push(i);
    }
    offsets.push(end - 1);
  } else if (node.type === "QUOTE_SINGLE") {
    for (let i = start + 1; i < end - 1; i++) {
      value += text[i];
      offsets.push(i);
      if (text[i] === "'" && text[i + 1] === "'") i++;
    }
    offsets.push(end - 1);
  } else if (node.type === "PLAIN" && text.slice(start, end) === node.value) {
    for (let i = start; i < end; i++) offsets.push(i);
    value = node.value;
    offsets.push(end);
  } else {
    // Block scalars: folded text has no one-to-one offsets; diagnostics land on the scalar's start.
    value = node.value;
    for (let i = 0; i <= value.length; i++) offsets.push(start);
  }
  return value === node.value ? { value, offsets } : { value: node.value, offsets: Array.from({ length: node.value.length + 1 }, () => start) };
}

function member(map: YAMLMap, name: string): YamlNode | undefined {
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value).toLowerCase() === name.toLowerCase()) return pair.value as YamlNode | undefined;
  }
  return undefined;
}


function scanAppender(text: string, map: YAMLMap, scan: HostScan): void {
  const nameNode = member(map, "name");
  const name = isScalar(nameNode) ? String(nameNode.value) : undefined;
  let format: EmbeddedFormat | undefined;
  const pattern = member(map, "PatternLayout");
  if (isMap(pattern)) {
    const p = member(pattern, "pattern");
    const hv = isScalar(p) ? scalarValue(text, p) : undefined;
    const always = member(pattern, "alwaysWriteExceptions");
    const spec = isScalar(always) && String(always.value).toLowerCase() === "false" ? LOG4J2_PATTERN_NO_EXCEPTIONS : LOG4J2_PATTERN_LAYOUT;
    if (hv) format = embed("log4j2", parsePatternLayout("log4j2", hv.value, spec), hv, name);
  }
  for (const layout of ["JsonLayout", "JsonTemplateLayout"]) {
    const node = member(map, layout);
    if (!node || format) continue;
    const attrs = isMap(node)
      ? node.items.filter((p) => isScalar(p.key) && isScalar(p.value)).map((p) => `${String((p.key as Scalar).value)}="${String((p.value as Scalar).value).replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`)
      : [];
    const parsed = parseJsonFormat("log4j2", `<${layout} ${attrs.join(" ")}/>`);
    const at = node.range?.[0] ?? 0;
    if (parsed) format = { ...embed("log4j2", parsed, { value: "", offsets: [at, node.range?.[1] ?? at] }, name), toHost: () => at, fromHost: () => 0 };
  }
  if (format) scan.formats.push(format);
  for (const key of ["fileName", "filePattern"]) {
    const node = member(map, key);
    const hv = isScalar(node) ? scalarValue(text, node) : undefined;
    if (!hv) continue;
    const w: LogWriter = { kind: "log4j2", path: key === "filePattern" ? hv.value.replace(/%(?:d|date)(?:\{[^}]*\})?|%i|%index/g, "*") : hv.value, range: { start: hv.offsets[0], end: hv.offsets[hv.offsets.length - 1] } };
    if (format) w.format = format;
    scan.writers.push(w);
  }
}

function walk(text: string, node: unknown, scan: HostScan): void {
  if (isMap(node)) {
    if (["PatternLayout", "JsonLayout", "JsonTemplateLayout"].some((l) => member(node, l) !== undefined)) scanAppender(text, node, scan);
    for (const pair of node.items) walk(text, pair.value, scan);
  } else if (isSeq(node)) for (const item of node.items) walk(text, item, scan);
}

export const log4j2YamlHost: LogFormatHost = {
  id: "log4j2-yaml",
  accepts: (doc: HostDocument) => /(^|[\\/])log4j2[^\\/]*\.(ya?ml|json|jsn)$/i.test(decodeURIComponent(doc.uri)),
  scan(doc: HostDocument): HostScan {
    const scan: HostScan = { formats: [], writers: [], issues: [] };
    const parsed = parseDocument(doc.text, { keepSourceTokens: false });
    walk(doc.text, parsed.contents, scan);
    return scan;
  },
};
