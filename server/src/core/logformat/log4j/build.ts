/**
 * Conversion pattern → pattern tree: scans with the layout's own parser rules, looks every converter up in
 * the layout's table, parses the sub-patterns of log4j 2's wrapping converters, and reports what the real
 * layout would complain about (or silently write as text).
 */
import type { Span } from "../../ast";
import { issue, type Issue } from "../../issue";
import { t } from "../../l10n";
import type { ConverterSpec } from "../log4j2/converters";
import { FIELDS, wrapperField } from "./fields";
import { escapeRegex } from "./dates";
import { STACK_TRACE, forEachConv, nodesRegex, type ConvNode, type PatternNode, type ValueInfo } from "./model";
import { scanPattern, type PatternFlavor, type ScannedConverter } from "./patternScan";

export interface BuiltPattern {
  nodes: PatternNode[];
  issues: Issue[];
}

export interface BuildOptions {
  flavor: PatternFlavor;
  specs: ReadonlyMap<string, ConverterSpec>;
}

function keyOf(pattern: string, base: number, tok: ScannedConverter): string {
  const optionsText = tok.options.length ? pattern.slice(tok.options[0].span.start - 1 - base, tok.options[tok.options.length - 1].span.end + 1 - base) : "";
  return `%${tok.name}${optionsText}`;
}

function problemIssues(pattern: string, base: number, problems: ReturnType<typeof scanPattern>["problems"]): Issue[] {
  return problems.map((p) => {
    switch (p.kind) {
      case "unknown-converter":
        return issue("log4j-unknown-converter", "error", t("Unknown conversion word `%{0}`: log4j writes it as plain text", p.name ?? ""), p.span);
      case "empty-converter":
        return issue("log4j-unknown-converter", "error", t("`%` must be followed by a conversion word (write `%%` for a percent sign)"), p.span);
      case "bad-modifier":
        return issue("log4j-bad-modifier", "error", t("Bad format modifier `{0}`: expected digits after the dot, then a conversion word", pattern.slice(p.span.start - base, p.span.end - base)), p.span);
      case "unclosed-option":
        return issue("log4j-unbalanced-braces", "error", t("Unbalanced braces: this {0} is never closed", "`{`"), p.span);
      case "trailing-percent":
        return issue("log4j-unknown-converter", "warning", t("A `%` at the end of the pattern is written as text"), p.span);
      default:
        return issue("log4j-unknown-converter", "warning", t("Option ignored"), p.span);
    }
  });
}

/** The single converter inside a wrapper's sub-pattern, when there is exactly one with a field. */
function soleField(nodes: PatternNode[]): ValueInfo["field"] {
  const fields: NonNullable<ValueInfo["field"]>[] = [];
  forEachConv(nodes, (n) => {
    if (n.value.field) fields.push(n.value.field);
  });
  return fields.length === 1 ? fields[0] : undefined;
}

/** Builds the tree of `pattern`; `base` is its offset in the text spans refer to. */
export function buildPattern(pattern: string, options: BuildOptions, base = 0): BuiltPattern {
  const scan = scanPattern(pattern, options.flavor, new Set(options.specs.keys()), base);
  const issues = problemIssues(pattern, base, scan.problems);
  const nodes: PatternNode[] = [];
  for (const tok of scan.tokens) {
    if (tok.type === "literal") {
      nodes.push({ t: "lit", text: tok.text, span: tok.span });
      continue;
    }
    const spec = options.specs.get(tok.name)!;
    const key = keyOf(pattern, base, tok);
    const optionTexts = tok.options.map((o) => o.text);
    if (spec.newline) {
      nodes.push({ t: "lit", text: "\n", span: tok.span });
      continue;
    }
    if (spec.wrapper) {
      const sub = tok.options[0];
      const inner = sub ? buildPattern(sub.text, options, sub.span.start) : { nodes: [], issues: [] };
      issues.push(...inner.issues);
      if (!sub) issues.push(issue("log4j-missing-option", "error", t("`%{0}` needs a sub-pattern in braces", tok.name), tok.span));
      if (spec.wrapper === "optional" || spec.wrapper === "ansi") {
        nodes.push({ t: "group", kind: spec.wrapper, key, name: tok.name, children: inner.nodes, span: tok.span, nameSpan: tok.nameSpan, doc: spec.doc });
        continue;
      }
      // %replace, %maxLen, %enc, %equals rewrite the text: it is kept whole, under the field of the one
      // converter inside when there is one.
      let multiLine = false;
      forEachConv(inner.nodes, (n) => (multiLine ||= !!n.value.multiLine));
      if (tok.name === "enc" || tok.name === "encode") multiLine &&= !/^\s*(CRLF|JSON)\s*$/i.test(optionTexts[1] ?? "");
      // %equals writes its sub-pattern's text or the substitution: both shapes are known.
      const equals = /^equals(IgnoreCase)?$/.test(tok.name) && optionTexts.length >= 3;
      const value: ValueInfo = {
        regex: equals ? `(?:${nodesRegex(inner.nodes)}|${escapeRegex(optionTexts[2])})` : multiLine ? "[\\s\\S]*?" : "[^\\n]*?",
        cls: multiLine ? "[\\s\\S]" : "[^\\n]",
        field: soleField(inner.nodes) ?? wrapperField(tok.name),
        freeText: true,
        multiLine,
      };
      nodes.push({ t: "conv", key, name: tok.name, mods: tok.modifiers, options: tok.options, span: tok.span, nameSpan: tok.nameSpan, value, doc: spec.doc });
      continue;
    }
    const value = spec.value!(optionTexts);
    for (const problem of value.problems ?? []) {
      issues.push(issue("log4j-date-pattern", "warning", t("Date pattern: {0}", problem), tok.options[0]?.span ?? tok.span));
    }
    nodes.push({ t: "conv", key, name: tok.name, mods: tok.modifiers, options: tok.options, span: tok.span, nameSpan: tok.nameSpan, value, doc: spec.doc });
  }
  return { nodes, issues };
}

/** Whether some converter writes the throwable (else the appender or log4j 2 adds the trace). */
export function handlesThrowable(nodes: readonly PatternNode[]): boolean {
  let found = false;
  forEachConv(nodes, (n) => (found ||= !!n.value.throwable || (n.value.empty === true && /^(ex|throwable|exception|xEx|xThrowable|xException|rEx|rThrowable|rException)$/.test(n.name))));
  return found;
}

/** The stack trace written after the layout's text (log4j 1 appenders, log4j 2 `alwaysWriteExceptions`). */
export function implicitTrace(key: string, name: string, at: number): ConvNode {
  const span: Span = { start: at, end: at };
  return {
    t: "conv",
    key,
    name,
    mods: { leftAlign: false, min: 0, max: Infinity, leftTruncate: true, zeroPad: false, text: "" },
    options: [],
    span,
    nameSpan: span,
    value: { regex: STACK_TRACE, field: FIELDS.stackTrace, throwable: true, multiLine: true, freeText: true },
  };
}
