/**
 * Tomcat's server.xml / context.xml as a host: every `<Valve className="…AccessLogValve" …>` with its
 * `pattern` (XML entities decoded, offsets mapped back) and the file it writes: `directory`/`prefix`, the
 * `fileDateFormat` date when `rotatable` (a `*` in the glob), then `suffix` (AccessLogValve defaults: `logs`,
 * `access_log`, `.yyyy-MM-dd`, no suffix).
 */
import type { Span } from "../../ast";
import { issue, type Issue } from "../../issue";
import { t } from "../../l10n";
import type { EmbeddedFormat, HostDocument, HostScan, LogFormatHost, LogWriter } from "../types";
import { parseTomcatPattern } from "./parseFormat";

interface Attr {
  value: string;
  /** Offset in the document of each decoded character, plus the end. */
  offsets: number[];
  span: Span;
}

const ENTITIES: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" };

function decode(text: string, start: number, end: number): Attr {
  let value = "";
  const offsets: number[] = [];
  for (let i = start; i < end; ) {
    const m = text[i] === "&" ? /^&(#x[0-9a-fA-F]+|#\d+|\w+);/.exec(text.slice(i, Math.min(end, i + 12))) : null;
    offsets.push(i);
    if (m) {
      const e = m[1];
      value += e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e] ?? m[0];
      i += m[0].length;
    } else value += text[i++];
  }
  offsets.push(end);
  return { value, offsets, span: { start, end } };
}

function attributes(text: string, start: number, end: number): Map<string, Attr> {
  const out = new Map<string, Attr>();
  const re = /([\w:.-]+)\s*=\s*(["'])/g;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    const vStart = m.index + m[0].length;
    const vEnd = text.indexOf(m[2], vStart);
    if (vEnd < 0 || vEnd > end) break;
    out.set(m[1], decode(text, vStart, vEnd));
    re.lastIndex = vEnd + 1;
  }
  return out;
}

const VALVE = /AccessLogValve$/;

export function scanTomcatXml(text: string): HostScan {
  const formats: EmbeddedFormat[] = [];
  const writers: LogWriter[] = [];
  const issues: Issue[] = [];
  const re = /<Valve\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = text.indexOf(">", m.index);
    const close = end < 0 ? text.length : end;
    const attrs = attributes(text, m.index, close);
    const className = attrs.get("className")?.value ?? "";
    if (!VALVE.test(className)) continue;
    if (/ExtendedAccessLogValve$/.test(className) || /JsonAccessLogValve$/.test(className)) {
      issues.push(issue("logformat-unsupported", "information", t("{0} is not supported yet: no diagnostics or pipeline for its pattern.", className.split(".").pop()!), attrs.get("className")!.span));
      continue;
    }
    const pattern = attrs.get("pattern");
    let format: EmbeddedFormat | undefined;
    if (pattern) {
      const offs = pattern.offsets;
      const parsed = parseTomcatPattern(pattern.value);
      format = {
        kind: "tomcat",
        parsed,
        range: pattern.span,
        toHost: (o) => offs[Math.min(o, offs.length - 1)],
        fromHost: (o) => {
          const i = offs.findIndex((x) => x >= o);
          return i < 0 ? offs.length - 1 : i;
        },
        name: attrs.get("prefix")?.value,
      };
      formats.push(format);
    }
    const v = (name: string, dflt: string) => attrs.get(name)?.value ?? dflt;
    const rotatable = v("rotatable", "true") !== "false";
    const date = rotatable && v("fileDateFormat", ".yyyy-MM-dd") !== "" ? "*" : "";
    const path = `${v("directory", "logs")}/${v("prefix", "access_log")}${date}${v("suffix", "")}`;
    writers.push({ kind: "tomcat", path, range: { start: m.index, end: close }, format });
  }
  return { formats, writers, issues };
}

export const tomcatXmlHost: LogFormatHost = {
  id: "tomcat-xml",
  accepts: (doc: HostDocument) => (doc.languageId === "xml" || /\.xml$/i.test(doc.uri)) && /(^|\/)(server|context)\.xml$/i.test(doc.uri),
  scan: (doc: HostDocument) => scanTomcatXml(doc.text),
};
