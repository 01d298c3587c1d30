/**
 * Parses an AccessLogValve `pattern` (already XML-decoded) like AbstractAccessLogValve.createLogElements:
 * `%` + a letter, or `%{name}` + a letter; an unknown letter is written as `???x???`, an unclosed `{` as
 * `???{???`. The aliases `common` and `combined` stand for their patterns.
 */
import { issue, type Issue } from "../../issue";
import { t } from "../../l10n";
import { escapeRegex } from "../generate";
import { checkJsonShape } from "../jsonShape";
import type { FormatDirective, FormatElement, ParsedFormat, ValueShape } from "../types";
import { TOMCAT_ALIASES, tomcatCode, type TomcatCodeInfo } from "./directives";

const ESCAPED_QUOTED = '(?:[^"\\\\]|\\\\.)*';
const ESCAPED_BARE = '(?:[^"\\\\]|\\\\.)*?';
const MONTHS = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";

/** SimpleDateFormat → regex and Joda (the letters Logstash's date filter shares with Java). */
export function sdfShape(format: string): { regex: string; joda?: string } {
  let regex = "";
  let joda: string | undefined = "";
  for (let i = 0; i < format.length; ) {
    const c = format[i];
    if (c === "'") {
      const end = format.indexOf("'", i + 1);
      const lit = end < 0 ? format.slice(i + 1) : format.slice(i + 1, end);
      regex += lit === "" ? "'" : escapeRegex(lit);
      if (joda !== undefined) joda += end === i + 1 ? "''" : `'${lit}'`;
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      regex += escapeRegex(c);
      if (joda !== undefined) joda += c;
      i++;
      continue;
    }
    let n = 1;
    while (format[i + n] === c) n++;
    const run = c.repeat(n);
    const map: Record<string, string> = {
      y: n === 2 ? "\\d{2}" : "\\d{4}",
      M: n >= 4 ? "[A-Za-z]+" : n === 3 ? MONTHS : n === 2 ? "\\d{2}" : "\\d{1,2}",
      d: n === 2 ? "\\d{2}" : "\\d{1,2}",
      H: n === 2 ? "\\d{2}" : "\\d{1,2}",
      h: n === 2 ? "\\d{2}" : "\\d{1,2}",
      k: "\\d{1,2}",
      K: "\\d{1,2}",
      m: n === 2 ? "\\d{2}" : "\\d{1,2}",
      s: n === 2 ? "\\d{2}" : "\\d{1,2}",
      S: "\\d+",
      E: n >= 4 ? "[A-Za-z]+" : "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)",
      a: "(?:AM|PM)",
      Z: "[+-]\\d{4}",
      X: "(?:Z|[+-]\\d{2}(?::?\\d{2})?)",
      z: "[A-Za-z0-9+:-]+",
      D: "\\d{1,3}",
    };
    regex += map[c] ?? "\\S+";
    if (joda !== undefined) joda = c in map && c !== "X" && c !== "z" ? joda + run : undefined;
    i += n;
  }
  return { regex, joda: joda || undefined };
}

function timeShape(argument: string | undefined): ValueShape {
  let fmt = argument ?? "";
  if (fmt === "begin" || fmt === "end") fmt = "";
  else if (fmt.startsWith("begin:")) fmt = fmt.slice(6);
  else if (fmt.startsWith("end:")) fmt = fmt.slice(4);
  if (fmt === "") return { grok: `\\[\\d{2}/${MONTHS}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\\]`, patternName: "TOMCAT_TIME", date: ["'['dd/MMM/yyyy:HH:mm:ss Z']'"] };
  if (fmt === "sec") return { grok: "\\d+", patternName: "TOMCAT_TIME", date: ["UNIX"] };
  if (fmt === "msec") return { grok: "\\d+", patternName: "TOMCAT_TIME", date: ["UNIX_MS"] };
  if (fmt === "msec_frac") return { grok: "\\d{3}", patternName: "TOMCAT_TIME", date: ["SSS"] };
  const s = sdfShape(fmt);
  return { grok: s.regex, patternName: "TOMCAT_TIME", date: s.joda ? [s.joda] : undefined };
}

function shapeOf(info: TomcatCodeInfo, argument: string | undefined, quoted: boolean): ValueShape {
  const dash = info.dash ? "-" : undefined;
  switch (info.value) {
    case "escaped":
      return { grok: quoted ? ESCAPED_QUOTED : ESCAPED_BARE, patternName: quoted ? "TOMCAT_QUOTED" : "TOMCAT_TEXT", placeholder: dash, escaping: "tomcat", freeText: true };
    case "token":
      return { grok: '[^\\s"]+', patternName: "TOMCAT_TOKEN", placeholder: dash };
    case "ip":
      return { grok: "[0-9A-Fa-f:.]+", patternName: "TOMCAT_IP" };
    case "int":
      if (info.name === "s" && argument) return { grok: quoted ? ESCAPED_QUOTED : ESCAPED_BARE, patternName: "TOMCAT_TEXT", placeholder: "-", escaping: "tomcat", freeText: true };
      if (info.name === "T" && argument === "fracsec") return { grok: "\\d+\\.\\d+", patternName: "TOMCAT_FLOAT", convert: "float" };
      return { grok: "\\d+", patternName: "TOMCAT_INT", placeholder: dash, convert: "integer" };
    case "query":
      return { grok: quoted ? `\\?${ESCAPED_QUOTED}` : '\\?(?:[^"\\\\\\s]|\\\\.)*', patternName: "TOMCAT_QUERY", placeholder: "-", escaping: "tomcat" };
    case "conn":
      return { grok: "[X+-]", patternName: "TOMCAT_CONN" };
    case "time":
      return timeShape(argument);
  }
}

export function parseTomcatPattern(text: string): ParsedFormat {
  const pattern = TOMCAT_ALIASES[text] ?? text;
  const alias = pattern !== text;
  const issues: Issue[] = [];
  const elements: FormatElement[] = [];
  // Spans point into `text`; for an alias the whole alias is the span of everything.
  const span = (a: number, b: number) => (alias ? { start: 0, end: text.length } : { start: a, end: b });
  type Raw = { lit: string; start: number; end: number } | { name: string; arg?: string; start: number; end: number };
  const raws: Raw[] = [];
  let lit = "";
  let litStart = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch !== "%") {
      if (!lit) litStart = i;
      lit += ch;
      continue;
    }
    if (lit) raws.push({ lit, start: litStart, end: i });
    lit = "";
    const start = i;
    const next = pattern[i + 1];
    if (next === undefined) {
      issues.push(issue("logformat-unterminated-directive", "warning", t("`%` at the end of the pattern: Tomcat writes `???` there."), span(start, i + 1)));
      break;
    }
    if (next === "%") {
      raws.push({ lit: "%", start, end: i + 2 });
      i++;
      continue;
    }
    if (next === "{") {
      const close = pattern.indexOf("}", i + 2);
      if (close < 0 || close + 1 >= pattern.length) {
        issues.push(issue("logformat-unbalanced-brace", "error", t("`{` is never closed (or nothing follows `}`): Tomcat writes `???{???` and the rest as text."), span(start, pattern.length)));
        if (lit) raws.push({ lit, start: litStart, end: i });
        raws.push({ lit: pattern.slice(i + 2), start: i + 2, end: pattern.length });
        break;
      }
      raws.push({ name: pattern[close + 1], arg: pattern.slice(i + 2, close), start, end: close + 2 });
      i = close + 1;
      continue;
    }
    raws.push({ name: next, start, end: i + 2 });
    i++;
  }
  if (lit) raws.push({ lit, start: litStart, end: pattern.length });
  const litOf = (k: number): string => {
    const r = raws[k];
    return r && "lit" in r ? r.lit : "";
  };
  raws.forEach((r, k) => {
    if ("lit" in r) {
      elements.push({ type: "literal", text: r.lit, span: span(r.start, r.end) });
      return;
    }
    const info = tomcatCode(r.name);
    const withArg = r.arg !== undefined;
    const known = info && (withArg ? info.argument !== undefined : info.argument !== "required");
    if (!info || !known) {
      issues.push(issue("logformat-unknown-directive", "error", withArg ? t("{0} is not a Tomcat pattern code: it writes `???`.", `\`%{…}${r.name}\``) : t("`%{0}` is not a Tomcat pattern code: it writes `???{0}???`.", r.name), span(r.start, r.end)));
      elements.push({ type: "literal", text: withArg ? "???" : `???${r.name}???`, span: span(r.start, r.end) });
      return;
    }
    if (info.name === "L" && r.arg !== "c") {
      // IdentifierElement logs an error at startup and writes `???` (checked against Tomcat 11.0.27).
      issues.push(issue("logformat-bad-modifier", "warning", t("`{0}` is not a variant of `%{1}` (expected {2}).", r.arg!, r.name, "c") + " " + t("Tomcat writes `???` for it."), span(r.start, r.end)));
      elements.push({ type: "literal", text: "???", span: span(r.start, r.end) });
      return;
    }
    if (withArg && info.argumentValues && !info.argumentValues.includes(r.arg!))
      issues.push(issue("logformat-bad-modifier", "warning", t("`{0}` is not a variant of `%{1}` (expected {2}).", r.arg!, r.name, info.argumentValues.join(", ")), span(r.start, r.end)));
    const quoted = litOf(k - 1).endsWith('"') && litOf(k + 1).startsWith('"');
    const d: FormatDirective = { type: "directive", span: span(r.start, r.end), key: `%${withArg ? `{${r.arg}}` : ""}${r.name}`, name: r.name, shape: shapeOf(info, r.arg, quoted), field: info.field(r.arg) };
    if (withArg) d.argument = r.arg;
    elements.push(d);
  });
  const parsed: ParsedFormat = { kind: "tomcat", text, elements, issues, json: false };
  checkJsonShape(parsed);
  return parsed;
}
