/**
 * Semantic classification of a config, for editors to colour on top of the TextMate grammar.
 */
import type { Config, Node, Span, Value } from "./ast";
import { findFieldOccurrences } from "./fieldOccurrences";
import { walk } from "./walk";

export const TOKEN_TYPES = [
  "keyword",
  "plugin",
  "property",
  "string",
  "number",
  "bareword",
  "boolean",
  "field",
  "operator",
  "regex",
  "comment",
  "function",
] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];

export interface SemanticToken {
  offset: number;
  length: number;
  type: TokenType;
}

/** Tokens in source order, never overlapping. A token may span lines (a multi-line string). */
export function findSemanticTokens(config: Config, text: string): SemanticToken[] {
  const tokens: SemanticToken[] = [];
  const push = (span: Span, type: TokenType) => {
    if (span.end > span.start) tokens.push({ offset: span.start, length: span.end - span.start, type });
  };
  const arrow = (after: number) => {
    const at = findArrow(text, after);
    if (at >= 0) push({ start: at, end: at + 2 }, "operator");
  };
  const value = (v: Value) => {
    switch (v.kind) {
      case "string":
        push(v.range, "string");
        break;
      case "number":
        push(v.range, "number");
        break;
      case "bareword":
        push(v.range, v.value === "true" || v.value === "false" ? "boolean" : "bareword");
        break;
    }
  };

  for (const comment of config.comments) push(comment.range, "comment");

  const visit = (node: Node): boolean | void => {
    switch (node.kind) {
      case "section":
        push(node.typeRange, "keyword");
        break;
      case "plugin":
        push(node.nameRange, "plugin");
        break;
      case "attribute":
        push(node.nameRange, "property");
        arrow(node.nameRange.end);
        break;
      case "hashEntry":
        if (node.key.kind === "bareword") push(node.key.range, "property");
        else value(node.key);
        arrow(node.key.range.end);
        // The key is classified above; only the value is left to visit.
        if (node.value) walk(node.value, visit);
        return false;
      case "clause":
        push(node.keywordRange, "keyword");
        break;
      case "boolean":
        push(node.operatorRange, "keyword");
        break;
      case "in":
        push(node.operatorRange, "keyword");
        break;
      case "compare":
      case "match":
        push(node.operatorRange, "operator");
        break;
      case "not":
        push({ start: node.range.start, end: node.range.start + 1 }, "operator");
        break;
      case "selector":
        push(node.range, "field");
        break;
      case "regex":
        push(node.range, "regex");
        break;
      case "methodCall":
        push(node.nameRange, "function");
        break;
      case "string":
      case "number":
      case "bareword":
        value(node);
        break;
    }
  };
  walk(config, visit);

  tokens.sort((a, b) => a.offset - b.offset);
  return splitStrings(tokens, config);
}

/** Field references inside strings are coloured as fields: the string token is cut around them. */
function splitStrings(tokens: SemanticToken[], config: Config): SemanticToken[] {
  const inner = findFieldOccurrences(config).filter((o) => o.source === "sprintf" || o.source === "grok");
  if (inner.length === 0) return tokens;
  const out: SemanticToken[] = [];
  let i = 0;
  for (const token of tokens) {
    const end = token.offset + token.length;
    while (i < inner.length && inner[i].range.start < token.offset) i++;
    if (token.type !== "string" || i >= inner.length || inner[i].range.start >= end) {
      out.push(token);
      continue;
    }
    let at = token.offset;
    while (i < inner.length && inner[i].range.end <= end) {
      const r = inner[i++].range;
      if (r.start > at) out.push({ offset: at, length: r.start - at, type: "string" });
      out.push({ offset: r.start, length: r.end - r.start, type: "field" });
      at = r.end;
    }
    if (end > at) out.push({ offset: at, length: end - at, type: "string" });
  }
  return out;
}

/** Offset of the `=>` after a name; only whitespace and comments may come between (LSCL's `cs`). */
export function findArrow(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\r" || c === "\n") i++;
    else if (c === "#") {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    } else break;
  }
  return text.startsWith("=>", i) ? i : -1;
}
