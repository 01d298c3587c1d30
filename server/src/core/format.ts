/**
 * The formatter behind Format Document and `logsmith fmt`.
 *
 * It re-prints the syntax tree with one option per line and nested blocks indented, and keeps what a
 * person chose: comments (each stays in order, a trailing comment stays on its line), groups of
 * options separated by blank lines (at most one blank line is kept), and single-line arrays, hashes
 * and codecs that were written on one line. Scalars are printed exactly as written. A file with
 * syntax errors is returned unchanged: re-printing a tree that recovery patched up would move text.
 */
import type { ArrayLiteral, Attribute, Clause, Comment, Condition, HashLiteral, Plugin, RValue, Span, Statement, Value } from "./ast";
import { parseConfig, type ParseResult } from "./parse";

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

export function formatConfig(text: string, options: FormatOptions, parsed?: ParseResult): string {
  const result = parsed ?? parseConfig(text);
  if (result.issues.some((i) => i.code.startsWith("syntax"))) return text;
  const printer = new Printer(text, result.config.comments, options);
  printer.printConfig(result.config.sections);
  return printer.finish();
}

class Printer {
  private readonly out: string[] = [];
  private current: string | undefined;
  private next = 0;
  private lastEnd = 0;
  private readonly unit: string;
  private readonly eol: string;

  constructor(
    private readonly text: string,
    private readonly comments: Comment[],
    options: FormatOptions,
  ) {
    this.unit = options.insertSpaces ? " ".repeat(Math.max(1, options.tabSize)) : "\t";
    this.eol = text.includes("\r\n") ? "\r\n" : "\n";
  }

  printConfig(sections: { type: string; range: Span; bodyRange: Span; body: Statement[] }[]): void {
    for (const section of sections) {
      this.leading(section.range.start, 0, this.out.length > 0 || this.current !== undefined);
      this.startLine(0, section.type + " {");
      this.block(section.body, section.bodyRange, 1, (s, indent) => this.statement(s, indent));
      this.endBlock(section.bodyRange, 0, "}");
    }
    this.leading(this.text.length, 0, true);
  }

  finish(): string {
    this.flushLine();
    while (this.out.length && this.out[this.out.length - 1] === "") this.out.pop();
    return this.out.length ? this.out.join(this.eol) + this.eol : "";
  }

  // Lines and comments.

  private startLine(indent: number, s: string): void {
    this.flushLine();
    this.current = this.unit.repeat(indent) + s;
  }

  private write(s: string): void {
    this.current = (this.current ?? "") + s;
  }

  private flushLine(): void {
    if (this.current !== undefined) this.out.push(this.current.replace(/[ \t]+$/, ""));
    this.current = undefined;
  }

  private blankLine(): void {
    this.flushLine();
    if (this.out.length && this.out[this.out.length - 1] !== "") this.out.push("");
  }

  private hadBlankLine(from: number, to: number): boolean {
    return /\n[ \t\r]*\n/.test(this.text.slice(from, to));
  }

  /** Emits the comments before `offset` on their own lines, keeping blank-line groups when `blanks`. */
  private leading(offset: number, indent: number, blanks: boolean): void {
    while (this.next < this.comments.length && this.comments[this.next].range.start < offset) {
      const c = this.comments[this.next++];
      if (blanks && this.hadBlankLine(this.lastEnd, c.range.start)) this.blankLine();
      this.startLine(indent, c.text.trimEnd());
      this.lastEnd = c.range.end;
      blanks = true;
    }
    if (blanks && this.hadBlankLine(this.lastEnd, offset)) this.blankLine();
  }

  /** A comment on the same source line as what just ended stays at the end of the printed line. */
  private trailing(end: number): void {
    this.lastEnd = Math.max(this.lastEnd, end);
    const c = this.comments[this.next];
    if (!c || c.range.start < end) return;
    if (/^[ \t]*$/.test(this.text.slice(end, c.range.start))) {
      this.write(" " + c.text.trimEnd());
      this.lastEnd = c.range.end;
      this.next++;
    }
  }

  private hasCommentIn(span: Span): boolean {
    for (let i = this.next; i < this.comments.length; i++) {
      const c = this.comments[i];
      if (c.range.start >= span.end) return false;
      if (c.range.start >= span.start) return true;
    }
    return false;
  }

  private singleLine(span: Span): boolean {
    return !/[\r\n]/.test(this.text.slice(span.start, span.end)) && !this.hasCommentIn(span);
  }

  private source(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  // Blocks.

  private block<T extends { range: Span }>(items: T[], body: Span, indent: number, print: (item: T, indent: number) => void): void {
    this.trailing(body.start + 1);
    items.forEach((item, i) => {
      this.leading(item.range.start, indent, i > 0);
      print(item, indent);
      this.trailing(item.range.end);
    });
  }

  private endBlock(body: Span, indent: number, close: string): void {
    this.leading(body.end - 1, indent + 1, false);
    this.startLine(indent, close);
    this.lastEnd = body.end;
  }

  private isEmptyBlock(items: unknown[], body: Span): boolean {
    return items.length === 0 && !this.hasCommentIn(body);
  }

  // Statements.

  private statement(st: Statement, indent: number): void {
    if (st.kind === "plugin") {
      this.flushLine();
      this.current = this.unit.repeat(indent);
      this.plugin(st, indent);
    } else {
      st.clauses.forEach((clause, i) => this.clause(clause, indent, i === 0));
    }
  }

  private clause(clause: Clause, indent: number, first: boolean): void {
    const head = clause.type === "else" ? "else {" : `${clause.type} ${this.condition(clause.condition!)} {`;
    if (first) this.startLine(indent, head);
    else this.write(" " + head);
    this.block(clause.body, clause.bodyRange, indent + 1, (s, i) => this.statement(s, i));
    this.endBlock(clause.bodyRange, indent, "}");
  }

  private plugin(p: Plugin, indent: number): void {
    const name = p.quotedName ? this.source(p.nameRange) : p.name;
    if (this.isEmptyBlock(p.attributes, p.bodyRange)) {
      this.write(name + " {}");
      this.lastEnd = p.range.end;
      return;
    }
    this.write(name + " {");
    this.block(p.attributes, p.bodyRange, indent + 1, (a, i) => this.attribute(a, i));
    this.endBlock(p.bodyRange, indent, "}");
  }

  private attribute(a: Attribute, indent: number): void {
    const name = a.quotedName ? this.source(a.nameRange) : a.name;
    this.startLine(indent, name + " => ");
    if (a.value) this.value(a.value, indent);
  }

  // Values.

  private value(v: Value, indent: number): void {
    switch (v.kind) {
      case "string":
      case "number":
      case "bareword":
        this.write(this.source(v.range));
        return;
      case "plugin":
        if (this.singleLine(v.range) && v.attributes.length > 0) this.write(this.inlinePlugin(v));
        else this.plugin(v, indent);
        return;
      case "array":
        this.array(v, indent);
        return;
      case "hash":
        this.hash(v, indent);
        return;
    }
  }

  private inline(v: Value): string {
    switch (v.kind) {
      case "string":
      case "number":
      case "bareword":
        return this.source(v.range);
      case "plugin":
        return v.attributes.length ? this.inlinePlugin(v) : (v.quotedName ? this.source(v.nameRange) : v.name) + " {}";
      case "array":
        return "[" + v.elements.map((e) => this.inline(e)).join(", ") + "]";
      case "hash":
        return v.entries.length
          ? "{ " + v.entries.map((e) => this.source(e.key.range) + " => " + (e.value ? this.inline(e.value) : "")).join(" ") + " }"
          : "{}";
    }
  }

  private inlinePlugin(p: Plugin): string {
    const name = p.quotedName ? this.source(p.nameRange) : p.name;
    return name + " { " + p.attributes.map((a) => (a.quotedName ? this.source(a.nameRange) : a.name) + " => " + (a.value ? this.inline(a.value) : "")).join(" ") + " }";
  }

  private array(v: ArrayLiteral, indent: number): void {
    if (this.singleLine(v.range) || this.isEmptyBlock(v.elements, v.range)) {
      this.write(this.inline(v));
      return;
    }
    this.write("[");
    v.elements.forEach((e, i) => {
      this.leading(e.range.start, indent + 1, i > 0);
      this.startLine(indent + 1, "");
      this.value(e, indent + 1);
      if (i < v.elements.length - 1) this.write(",");
      this.trailing(this.afterComma(e.range.end));
    });
    this.endBlock(v.range, indent, "]");
  }

  /** The end of an array element including the comma after it, so a trailing comment follows the comma. */
  private afterComma(end: number): number {
    const m = /^[ \t]*,/.exec(this.text.slice(end, end + 64));
    return m ? end + m[0].length : end;
  }

  private hash(v: HashLiteral, indent: number): void {
    if (this.singleLine(v.range) || this.isEmptyBlock(v.entries, v.range)) {
      this.write(this.inline(v));
      return;
    }
    this.write("{");
    this.block(v.entries, v.range, indent + 1, (e, i) => {
      this.startLine(i, this.source(e.key.range) + " => ");
      if (e.value) this.value(e.value, i);
    });
    this.endBlock(v.range, indent, "}");
  }

  // Conditions: re-spaced from the tree unless a comment sits inside, which only the source keeps.

  private condition(c: Condition): string {
    if (this.hasCommentIn(c.range) || /[\r\n]/.test(this.source(c.range))) {
      const text = this.source(c.range);
      this.skipCommentsIn(c.range);
      return text;
    }
    return this.cond(c);
  }

  private skipCommentsIn(span: Span): void {
    while (this.next < this.comments.length && this.comments[this.next].range.start < span.end) this.next++;
  }

  private cond(c: Condition): string {
    switch (c.kind) {
      case "boolean":
        return `${this.cond(c.left)} ${c.operator} ${this.cond(c.right)}`;
      case "not":
        return "!" + (c.operand.kind === "selector" ? c.operand.text : this.cond(c.operand));
      case "paren":
        return "(" + this.cond(c.expression) + ")";
      case "compare":
        return `${this.rvalue(c.left)} ${c.operator} ${this.rvalue(c.right)}`;
      case "in":
        return `${this.rvalue(c.left)} ${c.negated ? "not in" : "in"} ${this.rvalue(c.right)}`;
      case "match":
        return `${this.rvalue(c.left)} ${c.operator} ${this.rvalue(c.right)}`;
      case "truthy":
        return this.rvalue(c.value);
    }
  }

  private rvalue(v: RValue): string {
    switch (v.kind) {
      case "array":
        return this.inline(v);
      case "methodCall":
        return v.name + "(" + v.args.map((a) => this.rvalue(a)).join(", ") + ")";
      default:
        return this.source(v.range);
    }
  }
}
