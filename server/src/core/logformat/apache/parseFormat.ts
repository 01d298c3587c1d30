/**
 * Parses an httpd LogFormat string the way httpd does: first the config reader's quoting (inside `"…"` only
 * `\"` is an escape), then mod_log_config's parse_log_string (`\\ \n \r \t` in literals, everything else after
 * a backslash kept verbatim; `%` + any of `! < > , {arg} digits` + the directive letter, or `^ti`/`^to`).
 */
import { issue, type Issue } from "../../issue";
import { t } from "../../l10n";
import { checkJsonShape } from "../jsonShape";
import type { FormatDirective, FormatElement, ParsedFormat, ValueShape } from "../types";
import { apacheDirective, type ApacheDirectiveInfo } from "./directives";
import { stripTimePrefix, timeShape } from "./strftime";

/** The config reader's unescaping, with the source offset of every resulting character. */
function configUnescape(text: string): { chars: string[]; offs: number[] } {
  const chars: string[] = [];
  const offs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    offs.push(i);
    if (text[i] === "\\" && text[i + 1] === '"') {
      chars.push('"');
      i++;
    } else chars.push(text[i]);
  }
  offs.push(text.length);
  return { chars, offs };
}

/** Escaped free text: no raw `"`, and a backslash always starts an escape pair. */
const ESCAPED_QUOTED = '(?:[^"\\\\]|\\\\.)*';
const ESCAPED_BARE = '(?:[^"\\\\]|\\\\.)*?';

function shapeOf(info: ApacheDirectiveInfo, argument: string | undefined, quoted: boolean, conditional: boolean): ValueShape {
  const dash = info.dash || conditional ? "-" : undefined;
  switch (info.value) {
    case "escaped":
      return { grok: quoted ? ESCAPED_QUOTED : ESCAPED_BARE, patternName: quoted ? "HTTPD_QUOTED" : "HTTPD_TEXT", placeholder: dash, escaping: "apache", freeText: true };
    case "token":
      return { grok: "[^\\s\"]+", patternName: "HTTPD_TOKEN", placeholder: dash };
    case "ip":
      return { grok: "[0-9A-Fa-f:.]+", patternName: "HTTPD_IP", placeholder: dash };
    case "int":
      return info.name === "P" && argument && argument.toLowerCase() !== "pid"
        ? { grok: "[0-9a-fA-Fx]+", patternName: "HTTPD_ID", placeholder: dash }
        : { grok: "\\d+", patternName: "HTTPD_INT", placeholder: dash, convert: "integer" };
    case "status":
      return { grok: "\\d+", patternName: "HTTPD_STATUS", placeholder: "-", convert: "integer" };
    case "query":
      return { grok: quoted ? `(?:\\?${ESCAPED_QUOTED})?` : '(?:\\?(?:[^"\\\\\\s]|\\\\.)*)?', patternName: "HTTPD_QUERY", placeholder: conditional ? "-" : undefined, escaping: "apache" };
    case "conn":
      return { grok: "[X+-]", patternName: "HTTPD_CONN" };
    case "time": {
      const ts = timeShape(argument);
      return { grok: ts.regex, patternName: "HTTPD_TIME", placeholder: conditional ? "-" : undefined, date: ts.joda ? [ts.joda] : undefined };
    }
  }
}

/** Directives whose values usually contain spaces (request line, headers, notes, cookies). */
const SPACED = new Set(["r", "i", "o", "n", "C", "e", "^ti", "^to"]);

interface RawDirective {
  start: number;
  end: number;
  name: string;
  argument?: string;
  argStart?: number;
  orig?: "<" | ">";
  conditions: number[];
  negated: boolean;
}

/** Parses `text` (the LogFormat string as written between its quotes). */
export function parseApacheFormat(text: string): ParsedFormat {
  const { chars, offs } = configUnescape(text);
  const issues: Issue[] = [];
  const elements: FormatElement[] = [];
  const raws: (RawDirective | { literal: string; start: number; end: number; charOffsets: number[] })[] = [];
  let lit = "";
  let litStart = 0;
  let litOffs: number[] = [];
  const pushLit = (endIdx: number) => {
    if (lit) raws.push({ literal: lit, start: offs[litStart], end: offs[endIdx], charOffsets: [...litOffs, offs[endIdx]] });
    lit = "";
    litOffs = [];
  };
  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    if (c !== "%") {
      if (!lit) litStart = i;
      if (c === "\\" && i + 1 < chars.length) {
        const n = chars[i + 1];
        const map: Record<string, string> = { "\\": "\\", r: "\r", n: "\n", t: "\t" };
        if (n in map) {
          litOffs.push(offs[i]);
          lit += map[n];
          i += 2;
          continue;
        }
      }
      litOffs.push(offs[i]);
      lit += c;
      i++;
      continue;
    }
    pushLit(i);
    const start = i;
    i++;
    if (chars[i] === "%") {
      if (!lit) litStart = start;
      litOffs.push(offs[start]);
      lit += "%";
      i++;
      continue;
    }
    const raw: RawDirective = { start: offs[start], end: 0, name: "", conditions: [], negated: false };
    let done = false;
    while (i < chars.length && !done) {
      const ch = chars[i];
      if (ch === "!") {
        raw.negated = !raw.negated;
        i++;
      } else if (ch === "<" || ch === ">") {
        raw.orig = ch;
        i++;
      } else if (ch === ",") i++;
      else if (ch === "{") {
        const close = chars.indexOf("}", i + 1);
        if (close < 0) {
          issues.push(issue("logformat-unbalanced-brace", "error", t("`{` is never closed: httpd refuses the LogFormat (\"Ran off end of LogFormat parsing args\")."), { start: offs[i], end: offs[chars.length] }));
          i = chars.length;
          break;
        }
        raw.argument = chars.slice(i + 1, close).join("");
        raw.argStart = offs[i + 1];
        i = close + 1;
      } else if (/\d/.test(ch)) {
        let n = "";
        while (i < chars.length && /\d/.test(chars[i])) n += chars[i++];
        raw.conditions.push(Number(n));
      } else {
        if (ch === "^" && i + 2 < chars.length) {
          raw.name = chars.slice(i, i + 3).join("");
          i += 3;
        } else {
          raw.name = ch;
          i++;
        }
        done = true;
      }
    }
    raw.end = offs[i];
    if (!done) {
      if (!issues.some((x) => x.code === "logformat-unbalanced-brace"))
        issues.push(issue("logformat-unterminated-directive", "error", t("`%` at the end of the format has no directive: httpd refuses the LogFormat."), { start: raw.start, end: raw.end }));
      continue;
    }
    raws.push(raw);
  }
  pushLit(chars.length);

  const literalText = (k: number): string => {
    const r = raws[k];
    return r && "literal" in r ? r.literal : "";
  };
  for (let k = 0; k < raws.length; k++) {
    const r = raws[k];
    if ("literal" in r) {
      elements.push({ type: "literal", text: r.literal, span: { start: r.start, end: r.end }, charOffsets: r.charOffsets });
      continue;
    }
    const span = { start: r.start, end: r.end };
    const info = apacheDirective(r.name);
    if (!info) {
      issues.push(issue("logformat-unknown-directive", "error", t("Unknown LogFormat directive `%{0}`: httpd refuses to start (\"Unrecognized LogFormat directive\").", r.name), span));
      elements.push({ type: "literal", text: text.slice(r.start, r.end), span });
      continue;
    }
    checkModifiers(r, info, issues, span);
    const quoted = literalText(k - 1).endsWith('"') && literalText(k + 1).startsWith('"');
    const argument = r.argument;
    const key = `%${r.orig ?? ""}${argument !== undefined ? `{${argument}}` : ""}${r.name}`;
    const directive: FormatDirective = {
      type: "directive",
      span,
      key,
      name: r.name,
      shape: shapeOf(info, argument, quoted, r.conditions.length > 0),
      field: info.field(argument),
    };
    if (argument !== undefined) directive.argument = argument;
    elements.push(directive);
    const next = literalText(k + 1);
    if (!quoted && SPACED.has(r.name) && next.includes(" ") && k + 1 < raws.length - 1)
      issues.push(issue("logformat-ambiguous-value", "warning", t("`{0}` can contain spaces and is not in quotes: a parser cannot tell where it ends. Write it as `\\\"{0}\\\"`.", key), span));
  }
  const parsed: ParsedFormat = { kind: "apache", text, elements, issues, json: false };
  checkJsonShape(parsed);
  return parsed;
}

function checkModifiers(r: RawDirective, info: ApacheDirectiveInfo, issues: Issue[], span: { start: number; end: number }): void {
  const argSpan = r.argStart !== undefined ? { start: r.argStart, end: r.argStart + (r.argument?.length ?? 0) } : span;
  if (info.argument === "required" && !r.argument)
    issues.push(issue("logformat-missing-argument", "warning", t("`%{0}` needs a name in braces, e.g. `%{1}`; without one httpd always writes `-`.", r.name, `%{User-agent}${r.name}`), span));
  if (!info.argument && r.argument !== undefined)
    issues.push(issue("logformat-ignored-argument", "warning", t("`%{0}` takes no {1} argument; httpd ignores it.", r.name, "`{…}`"), argSpan));
  if (info.argument === "optional" && r.argument && info.argumentValues) {
    const arg = info.name === "t" ? stripTimePrefix(r.argument) : r.argument;
    if (info.name === "t") {
      const ts = timeShape(r.argument);
      if (ts.unknown.length) issues.push(issue("logformat-bad-modifier", "warning", t("Unknown strftime conversion {0} in {1}: it is written as is.", ts.unknown.join(", "), "`%{…}t`"), argSpan));
    } else if (!info.argumentValues.some((v) => v.toLowerCase() === arg.toLowerCase()))
      issues.push(issue("logformat-bad-modifier", "warning", t("`{0}` is not a variant of `%{1}` (expected {2}): httpd writes the text `{0}` instead of a value.", r.argument, r.name, info.argumentValues.join(", ")), argSpan));
  }
  for (const code of r.conditions) {
    if (code < 100 || code > 599) issues.push(issue("logformat-bad-modifier", "warning", t("`{0}` is not an HTTP status code: this condition never matches.", String(code)), span));
  }
}
