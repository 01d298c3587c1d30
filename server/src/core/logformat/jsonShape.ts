/**
 * JSON-shaped formats (`{ "time":"%t", … }`): a format whose text starts with `{` is meant to write one JSON
 * object per line, for `codec => json`. This checks, on the format itself, what would make every line (or
 * some lines) invalid JSON, and records the members for the pipeline generator. Works on any dialect's
 * elements: literals are scanned character by character, directives are opaque values.
 */
import type { Span } from "../ast";
import { issue } from "../issue";
import { t } from "../l10n";
import type { FormatDirective, FormatElement, JsonMember, ParsedFormat } from "./types";

type Tok = { ch: string; span: Span } | { d: FormatDirective };

function tokens(elements: FormatElement[]): Tok[] {
  const out: Tok[] = [];
  for (const e of elements) {
    if (e.type === "directive") {
      out.push({ d: e });
      continue;
    }
    const offsets = e.charOffsets;
    for (let i = 0; i < e.text.length; i++) {
      const start = offsets?.[i] ?? e.span.start;
      const end = offsets?.[i + 1] ?? e.span.end;
      out.push({ ch: e.text[i], span: { start, end } });
    }
  }
  return out;
}

const isWs = (tok: Tok | undefined): boolean => !!tok && "ch" in tok && /\s/.test(tok.ch);
const isCh = (tok: Tok | undefined, c: string): boolean => !!tok && "ch" in tok && tok.ch === c;
const spanOf = (tok: Tok): Span => ("ch" in tok ? tok.span : tok.d.span);

/** Sets `parsed.json` and `parsed.jsonMembers` and adds JSON issues when the format is JSON-shaped. */
export function checkJsonShape(parsed: ParsedFormat): void {
  const toks = tokens(parsed.elements);
  let i = 0;
  const skipWs = () => {
    while (isWs(toks[i])) i++;
  };
  skipWs();
  if (!isCh(toks[i], "{")) return;
  parsed.json = true;
  const members: JsonMember[] = [];
  const keys = new Map<string, Span>();
  const err = (code: string, message: string, span: Span, severity: "error" | "warning" = "error") => parsed.issues.push(issue(code, severity, message, span));
  i++;
  let lastComma: Tok | undefined;
  for (;;) {
    skipWs();
    const tok = toks[i];
    if (!tok) {
      err("logformat-json-syntax", t("The JSON object is never closed with `}`: no line is valid JSON."), { start: 0, end: parsed.text.length });
      return;
    }
    if (isCh(tok, "}")) {
      if (lastComma) err("logformat-json-trailing-comma", t("Trailing comma before `}`: every line is invalid JSON and the json codec tags it `_jsonparsefailure`."), spanOf(lastComma));
      i++;
      break;
    }
    if (!isCh(tok, '"')) {
      err("logformat-json-syntax", t("Expected a quoted JSON key here: no line is valid JSON."), spanOf(tok));
      return;
    }
    const keyStart = spanOf(tok).start;
    i++;
    let key = "";
    while (toks[i] && !isCh(toks[i], '"')) {
      const k = toks[i];
      key += "ch" in k ? k.ch : k.d.key;
      i++;
    }
    if (!toks[i]) {
      err("logformat-json-syntax", t("The JSON key is never closed with `\"`."), { start: keyStart, end: parsed.text.length });
      return;
    }
    const keySpan = { start: keyStart, end: spanOf(toks[i]).end };
    i++;
    if (keys.has(key)) err("logformat-json-duplicate-key", t("Duplicate JSON key `{0}`: the json codec keeps only the last value.", key), keySpan, "warning");
    keys.set(key, keySpan);
    skipWs();
    if (!isCh(toks[i], ":")) {
      err("logformat-json-syntax", t("Expected `:` after the JSON key `{0}`.", key), toks[i] ? spanOf(toks[i]) : keySpan);
      return;
    }
    i++;
    skipWs();
    const member: JsonMember = { key, keySpan, elements: [], quoted: false };
    if (isCh(toks[i], '"')) {
      member.quoted = true;
      i++;
      while (toks[i] && !isCh(toks[i], '"')) {
        const v = toks[i];
        if ("d" in v) {
          member.elements.push(v.d);
          if (v.d.shape.escaping === "none" && v.d.shape.freeText)
            err("logformat-json-unescaped-quote", t("`{0}` is written without escaping: a value containing `\"` or `\\` breaks the JSON line.", v.d.key), v.d.span, "warning");
        } else if (v.ch === "\\" && toks[i + 1] && "ch" in toks[i + 1]!) {
          // A JSON escape in the literal text (`\n`, `\"`) stays part of the literal.
          appendLiteral(member.elements, v.ch + (toks[i + 1] as { ch: string }).ch, v.span);
          i++;
        } else appendLiteral(member.elements, v.ch, v.span);
        i++;
      }
      if (!toks[i]) {
        err("logformat-json-syntax", t("The JSON string of `{0}` is never closed with `\"`.", key), keySpan);
        return;
      }
      i++;
    } else {
      let depth = 0;
      while (toks[i] && !(depth === 0 && (isCh(toks[i], ",") || isCh(toks[i], "}")))) {
        const v = toks[i]!;
        if ("d" in v) {
          member.elements.push(v.d);
          if (!(v.d.shape.convert && v.d.shape.placeholder === undefined))
            err("logformat-json-unquoted-value", t("`{0}` is not quoted but can write text or `-`: such lines are invalid JSON. Put it in quotes.", v.d.key), v.d.span);
        } else {
          if (v.ch === "{" || v.ch === "[") depth++;
          if (v.ch === "}" || v.ch === "]") depth--;
          if (!/\s/.test(v.ch)) appendLiteral(member.elements, v.ch, v.span);
        }
        i++;
      }
      if (member.elements.length === 0) err("logformat-json-syntax", t("The JSON key `{0}` has no value.", key), keySpan);
    }
    members.push(member);
    skipWs();
    if (isCh(toks[i], ",")) {
      lastComma = toks[i];
      i++;
      continue;
    }
    lastComma = undefined;
    if (isCh(toks[i], "}")) continue;
    err("logformat-json-syntax", t("Expected {1} after the value of `{0}`.", key, "`,` or `}`"), toks[i] ? spanOf(toks[i]!) : keySpan);
    return;
  }
  parsed.jsonMembers = members;
  skipWs();
  const rest = toks[i];
  if (!rest) return;
  // httpd ends every line with a newline of its own, so anything after `}` lands inside the line.
  if (isCh(rest, ","))
    err("logformat-json-trailing-comma", t("The format ends in `,` after the JSON object: every line is invalid JSON and the json codec tags it `_jsonparsefailure`."), spanOf(rest));
  else err("logformat-json-trailing-text", t("Text after the JSON object: every line is invalid JSON."), spanOf(rest));
}

function appendLiteral(elements: FormatElement[], text: string, span: Span): void {
  const last = elements[elements.length - 1];
  if (last && last.type === "literal") {
    last.text += text;
    last.span = { start: last.span.start, end: span.end };
  } else elements.push({ type: "literal", text, span: { ...span } });
}
