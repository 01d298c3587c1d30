import type { Comment, Config } from "./ast";
import type { Issue } from "./issue";
import { LscParser, MAX_PARSE_ERRORS } from "./parser/grammar";
import { lscLexer } from "./parser/tokens";
import { lexingIssues, parserIssues, unterminatedIssues } from "./parser/syntaxIssues";
import { postParseIssues } from "./parser/postParseChecks";
import { t } from "./l10n";

export interface ParseResult {
  /** The text that was parsed; issue ranges and tree spans are offsets into it. */
  text: string;
  config: Config;
  /** Syntax errors (`syntax-…`) and the checks Logstash makes right after parsing (`config-…`). */
  issues: Issue[];
}

// Building a chevrotain parser analyses the grammar; do it once and reuse it for every document.
let parser: LscParser | undefined;

/** Parses one pipeline file. Never throws: broken input gives a partial tree plus issues. */
export function parseConfig(text: string): ParseResult {
  parser ??= new LscParser();
  const lexed = lscLexer.tokenize(text);
  parser.load(lexed.tokens);
  let config: Config;
  try {
    config = parser.config();
  } catch {
    // Recovery is best effort; a grammar-level failure still yields an empty tree, never an exception.
    config = { kind: "config", sections: [], comments: [], range: { start: 0, end: 0 } };
  }
  config ??= { kind: "config", sections: [], comments: [], range: { start: 0, end: 0 } };
  config.range = { start: 0, end: text.length };
  config.comments = (lexed.groups.comments ?? []).map(
    (tok): Comment => ({ kind: "comment", text: tok.image, range: { start: tok.startOffset, end: tok.startOffset + tok.image.length } }),
  );

  const lexical = [...lexingIssues(lexed.errors.slice(0, MAX_PARSE_ERRORS), text), ...unterminatedIssues(lexed.tokens)];
  let parsing = parserIssues(parser.errors, text);
  const tooMany: Issue[] = [];
  if (parser.errors.length >= MAX_PARSE_ERRORS) {
    const last = parser.errors[parser.errors.length - 1].token;
    const at = Number.isFinite(last?.startOffset) ? last.startOffset : text.length;
    tooMany.push({
      code: "syntax-too-many-errors",
      severity: "error",
      message: t("More than {0} syntax errors: the rest of the file is not checked. Fix the first ones (often an unclosed quote) first", String(MAX_PARSE_ERRORS)),
      range: { start: at, end: Math.min(text.length, at + 1) },
    });
  }
  if (lexical.some((i) => i.code.startsWith("syntax-unterminated"))) {
    // An unterminated string swallows the rest of the file; the errors it causes at the end are noise.
    parsing = parsing.filter((i) => i.range.start < text.length);
  }
  const fromTree: Issue[] = parser.treeIssues.map((x) => ({
    code: x.code,
    severity: "error",
    message: t(...x.message),
    range: x.range,
  }));
  const issues = [...oneCascadePerLine(lexical, parsing, text), ...tooMany, ...fromTree, ...postParseIssues(config, text)];
  issues.sort((a, b) => a.range.start - b.range.start);
  return { text, config, issues };
}

/**
 * Error recovery reports follow-on errors after the first one on a line (the `>` of `= >`, the `[` after
 * `elsif`). Keep the lexer's errors, which name the root cause, then at most one parser error per line
 * that has none.
 */
function oneCascadePerLine(lexical: Issue[], parsing: Issue[], text: string): Issue[] {
  const lineOf = lineLocator(text);
  const kept: Issue[] = [];
  const lines = new Set<number>();
  let coveredUntil = -1;
  for (const i of [...lexical].sort((a, b) => a.range.start - b.range.start)) {
    if (i.range.start < coveredUntil) continue;
    coveredUntil = i.range.end;
    kept.push(i);
    lines.add(lineOf(i.range.start));
  }
  for (const i of [...parsing].sort((a, b) => a.range.start - b.range.start)) {
    const line = lineOf(i.range.start);
    if (lines.has(line)) continue;
    lines.add(line);
    kept.push(i);
  }
  return kept;
}

function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}
