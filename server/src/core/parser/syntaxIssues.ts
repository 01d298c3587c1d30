/**
 * Turns lexer and parser errors into issues with stable `syntax-…` codes and messages in a Logstash
 * user's terms ("expected `=>` after option name `path`"), ranged on the text the user has to change.
 */
import type { ILexingError, IRecognitionException, IToken } from "chevrotain";
import type { Span } from "../ast";
import { issue, type Issue } from "../issue";
import { localizable, t } from "../l10n";
import type { ParseErrorFacts } from "./errorMessages";

const LABELS: Record<string, string> = {
  Arrow: "`=>`",
  LCurly: "`{`",
  ConditionEnd: "`{`",
  RCurly: "`}`",
  LBracket: "`[`",
  RBracket: "`]`",
  Comma: "`,`",
  LParen: "`(`",
  RParen: "`)`",
  Word: localizable("a name"),
  StringToken: localizable("a string"),
  Selector: localizable("a field reference"),
  BoolOp: "`and`/`or`",
};

function describe(token: IToken | undefined): string {
  if (!token || token.tokenType.name === "EOF" || !Number.isFinite(token.startOffset)) return t("the end of the file");
  const image = token.image.length > 30 ? token.image.slice(0, 30) + "…" : token.image;
  return "`" + image.replace(/\r?\n/g, "⏎") + "`";
}

function spanOfToken(token: IToken | undefined, textLength: number): Span {
  if (!token || !Number.isFinite(token.startOffset) || token.tokenType.name === "EOF") {
    return { start: textLength, end: textLength };
  }
  return { start: token.startOffset, end: token.startOffset + Math.min(token.image.length, firstLineLength(token.image)) };
}

function firstLineLength(image: string): number {
  const nl = image.search(/[\r\n]/);
  return nl < 0 ? image.length : Math.max(nl, 1);
}

function prevSpan(prev: ParseErrorFacts["previous"]): Span | undefined {
  return prev ? { start: prev.start, end: prev.start + firstLineLength(prev.image) } : undefined;
}

export function lexingIssues(errors: ILexingError[], text: string): Issue[] {
  const out: Issue[] = [];
  for (const e of errors) {
    const range = { start: e.offset, end: e.offset + Math.max(1, Math.min(e.length, firstLineLength(text.slice(e.offset, e.offset + e.length)))) };
    const rest = text.slice(e.offset, e.offset + 40);
    if (/^=\s+>/.test(rest)) {
      const m = /^=\s+>/.exec(rest)!;
      out.push(issue("syntax-split-arrow", "error", t("Write `=>` without a space between `=` and `>`"), { start: e.offset, end: e.offset + m[0].length }, { replacement: "=>" }));
    } else if (rest.startsWith("${")) {
      out.push(issue("syntax-unquoted-variable", "error", t("A {0} reference must be inside a quoted string, as in \"{0}\"", "`${VAR}`"), range));
    } else if (rest.startsWith(";")) {
      out.push(issue("syntax-semicolon", "error", t("Logstash separates options with whitespace; remove this `;`"), range, { replacement: "" }));
    } else if (rest[0] === "=" ) {
      out.push(issue("syntax-expected-arrow", "error", t("Expected `=>` here: options are written `name => value`"), range, { replacement: "=>" }));
    } else {
      out.push(issue("syntax-unexpected-character", "error", t("Unexpected character `{0}`", text[e.offset]), range));
    }
  }
  return out;
}

export function unterminatedIssues(tokens: IToken[]): Issue[] {
  const out: Issue[] = [];
  for (const tok of tokens) {
    const name = tok.tokenType.name;
    if (name !== "UnterminatedString" && name !== "UnterminatedRegex") continue;
    const range = { start: tok.startOffset, end: tok.startOffset + 1 };
    if (name === "UnterminatedString") {
      const escaped = /\\$/.test(tok.image.split(/\r?\n/)[0] ?? "") ? " " + t("(a backslash before the quote escapes it)") : "";
      out.push(issue("syntax-unterminated-string", "error", t("This string is never closed: add the closing {0}", tok.image[0]) + escaped, range));
    } else {
      out.push(issue("syntax-unterminated-regex", "error", t("This regular expression is never closed: add the closing `/`"), range));
    }
  }
  return out;
}

export function parserIssues(errors: IRecognitionException[], text: string): Issue[] {
  const out: Issue[] = [];
  for (const e of errors) {
    let facts: ParseErrorFacts;
    try {
      facts = JSON.parse(e.message) as ParseErrorFacts;
    } catch {
      facts = { kind: "mismatch", rule: "", expected: [] };
    }
    out.push(explain(facts, e.token, text));
  }
  return out;
}

function explain(facts: ParseErrorFacts, token: IToken, text: string): Issue {
  const found = describe(token);
  const here = spanOfToken(token, text.length);
  const prev = facts.previous;
  const expected = facts.expected;
  const tokenType = token?.tokenType?.name;

  // `/x/i`: treetop has no regex flags.
  if (prev?.type === "Regex" && prev.start + prev.image.length === token.startOffset && tokenType === "CondWord") {
    return issue("syntax-regex-flags", "error", t("Logstash regular expressions take no flags after the closing `/`; use an inline flag such as `(?i)` instead"), here);
  }

  if (token?.image === "notin") {
    return issue("syntax-notin", "error", t("Write `not in` with a space"), here, { replacement: "not in" });
  }

  if (facts.kind === "notAllInput") {
    if (tokenType === "RCurly") return issue("syntax-unmatched-brace", "error", t("This {0} closes nothing", "`}`"), here);
    return issue("syntax-expected-section", "error", t("Expected `input`, `filter` or `output`, found {0}", found), here);
  }

  if (expected.includes("Arrow") && facts.kind === "mismatch") {
    const after = prev ? prevSpan(prev)! : here;
    if (facts.rule === "hashEntry") {
      return issue("syntax-expected-arrow", "error", t("Expected `=>` after hash key `{0}`", prev?.image ?? ""), after, { insert: { offset: after.end, text: " =>" } });
    }
    return issue("syntax-expected-arrow", "error", t("Expected `=>` after option name `{0}`", unquoteImage(prev?.image ?? "")), after, { insert: { offset: after.end, text: " =>" } });
  }

  if ((facts.rule === "plugin" || facts.rule === "attribute") && tokenType === "Comma") {
    return issue("syntax-comma-between-options", "error", t("Logstash separates options with whitespace, not commas: remove this `,`"), here, { replacement: "" });
  }

  if (facts.kind === "mismatch" && (expected.includes("LCurly") || expected.includes("ConditionEnd"))) {
    if (prev && /^(elsif|elseif|elif)$/.test(prev.image)) {
      return issue("syntax-elsif", "error", t("Logstash writes `else if`, not `{0}`", prev.image), prevSpan(prev)!, { replacement: "else if" });
    }
    if (facts.rule === "section") {
      return issue("syntax-expected-brace", "error", t("Expected {0} after section `{1}`, found {2}", "`{`", prev?.image ?? "", found), here);
    }
    if (facts.rule === "plugin") {
      return issue("syntax-expected-brace", "error", t("Expected {0} after plugin name `{1}`, found {2}", "`{`", unquoteImage(prev?.image ?? ""), found), here);
    }
    return issue("syntax-expected-brace", "error", t("Expected {0} to open the block, found {1}", "`{`", found), here);
  }

  if (facts.rule === "methodCall" && expected.includes("LParen") && prev) {
    return issue(
      "syntax-bareword-in-condition",
      "error",
      t("`{0}` is not a value in a condition: quote it (\"{0}\") or write a field reference ([{0}])", prev.image),
      prevSpan(prev)!,
    );
  }

  if (facts.kind === "mismatch" && expected.includes("RCurly")) {
    if (!token || tokenType === "EOF") {
      return issue("syntax-unclosed-block", "error", t("A block is not closed: add the missing {0}", "`}`"), here);
    }
    if (facts.rule === "plugin") {
      return issue("syntax-expected-option", "error", t("Expected an option (`name => value`) or {0}, found {1}", "`}`", found), here);
    }
    if (facts.rule === "hash") {
      return issue("syntax-expected-hash-entry", "error", t("Expected a hash entry (`key => value`) or {0}, found {1}", "`}`", found), here);
    }
    return issue("syntax-expected-statement", "error", t("Expected a plugin, a conditional or {0}, found {1}", "`}`", found), here);
  }

  if (facts.kind === "mismatch" && expected.includes("RBracket")) {
    if (tokenType === "EOF" || !token) return issue("syntax-unclosed-array", "error", t("An array is not closed: add the missing `]`"), here);
    return issue("syntax-expected-comma", "error", t("Expected `,` or `]` in the array, found {0}", found), here);
  }

  if (facts.kind === "mismatch" && expected.includes("RParen")) {
    return issue("syntax-expected-paren", "error", t("Expected `)` to close the parenthesis, found {0}", found), here);
  }

  if (facts.rule === "value" || (facts.kind === "noViableAlt" && prev?.type === "Arrow")) {
    return issue("syntax-expected-value", "error", t("Expected a value after `=>` (a string, number, bareword, array, hash or plugin), found {0}", found), here);
  }

  if (["condition", "expression", "comparison", "rvalue", "parenCondition", "clauseBody"].includes(facts.rule)) {
    if (tokenType === "Word" && token.image === "then") {
      return issue("syntax-invalid-condition", "error", t("Logstash conditions have no `then`: open the block with {0}", "`{`"), here);
    }
    return issue("syntax-invalid-condition", "error", t("Expected a condition (a field reference, string, number, array or regex, with an operator), found {0}", found), here);
  }

  if (facts.rule === "hashEntry") {
    return issue("syntax-expected-hash-entry", "error", t("Expected a hash key (a string, number or bareword), found {0}", found), here);
  }

  const wanted = expected.map((n) => (LABELS[n] ? t(LABELS[n]) : n)).join(", ");
  return issue("syntax-unexpected-token", "error", t("Unexpected {0}; expected {1}", found, wanted || t("something else")), here);
}

function unquoteImage(image: string): string {
  return /^["']/.test(image) ? image.slice(1, -1) : image;
}
