/**
 * Syntax tree of a Logstash pipeline config (LSCL).
 *
 * Every node carries its source range as half-open UTF-16 offsets into the text it was parsed from.
 * The tree knows nothing of chevrotain or LSP: the parser builds it, every feature reads it.
 */

export interface Span {
  /** First offset of the node. */
  start: number;
  /** Offset just past the node. */
  end: number;
}

/** True when `offset` lies in `span`, its end included (a cursor just after a word is on it). */
export function containsOffset(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export type SectionType = "input" | "filter" | "output";

export interface Comment {
  kind: "comment";
  /** The comment text including the leading `#`, without the line break. */
  text: string;
  range: Span;
}

export interface Config {
  kind: "config";
  sections: Section[];
  /** Every comment of the file in source order; the formatter re-attaches them by offset. */
  comments: Comment[];
  range: Span;
}

export interface Section {
  kind: "section";
  type: SectionType;
  typeRange: Span;
  body: Statement[];
  /** From `{` to `}` inclusive; `end` is the end of the text when the brace is missing. */
  bodyRange: Span;
  range: Span;
}

export type Statement = Plugin | Branch;

export interface Plugin {
  kind: "plugin";
  name: string;
  nameRange: Span;
  /** True when the name was written as a quoted string. */
  quotedName: boolean;
  attributes: Attribute[];
  bodyRange: Span;
  range: Span;
}

export interface Attribute {
  kind: "attribute";
  name: string;
  nameRange: Span;
  quotedName: boolean;
  /** Missing when the source had a syntax error where the value should be. */
  value?: Value;
  range: Span;
}

export type Value = StringLiteral | NumberLiteral | Bareword | ArrayLiteral | HashLiteral | Plugin;

export interface StringLiteral {
  kind: "string";
  /** The raw text between the quotes, escapes untouched (Logstash's default `config.support_escapes: false`). */
  value: string;
  quote: '"' | "'";
  range: Span;
}

export interface NumberLiteral {
  kind: "number";
  text: string;
  value: number;
  range: Span;
}

export interface Bareword {
  kind: "bareword";
  value: string;
  range: Span;
}

export interface ArrayLiteral {
  kind: "array";
  elements: Value[];
  range: Span;
}

export interface HashLiteral {
  kind: "hash";
  entries: HashEntry[];
  range: Span;
}

export interface HashEntry {
  kind: "hashEntry";
  key: StringLiteral | NumberLiteral | Bareword;
  value?: Value;
  range: Span;
}

export interface Branch {
  kind: "branch";
  /** `if`, then any `else if`, then at most one `else`. */
  clauses: Clause[];
  range: Span;
}

export interface Clause {
  kind: "clause";
  type: "if" | "else if" | "else";
  keywordRange: Span;
  /** Missing for `else`, and where the condition had a syntax error. */
  condition?: Condition;
  body: Statement[];
  bodyRange: Span;
  range: Span;
}

export type BooleanOperator = "and" | "or" | "xor" | "nand";
export type CompareOperator = "==" | "!=" | "<" | ">" | "<=" | ">=";

export type Condition =
  | BooleanExpression
  | NotExpression
  | ParenExpression
  | CompareExpression
  | InExpression
  | RegexMatchExpression
  | TruthyExpression;

export interface BooleanExpression {
  kind: "boolean";
  operator: BooleanOperator;
  operatorRange: Span;
  left: Condition;
  right: Condition;
  range: Span;
}

export interface NotExpression {
  kind: "not";
  operand: ParenExpression | Selector;
  range: Span;
}

export interface ParenExpression {
  kind: "paren";
  expression: Condition;
  range: Span;
}

export interface CompareExpression {
  kind: "compare";
  operator: CompareOperator;
  operatorRange: Span;
  left: RValue;
  right: RValue;
  range: Span;
}

export interface InExpression {
  kind: "in";
  negated: boolean;
  operatorRange: Span;
  left: RValue;
  right: RValue;
  range: Span;
}

export interface RegexMatchExpression {
  kind: "match";
  operator: "=~" | "!~";
  operatorRange: Span;
  left: RValue;
  right: StringLiteral | RegexLiteral;
  range: Span;
}

export interface TruthyExpression {
  kind: "truthy";
  value: RValue;
  range: Span;
}

export type RValue = StringLiteral | NumberLiteral | Selector | ArrayLiteral | MethodCall | RegexLiteral;

/** A field reference in a condition, `[a][b]`: adjacent bracketed parts. */
export interface Selector {
  kind: "selector";
  /** The parts between the brackets, as written. */
  path: string[];
  text: string;
  range: Span;
}

export interface RegexLiteral {
  kind: "regex";
  /** The text between the slashes, with `\/` still escaped. */
  source: string;
  range: Span;
}

/** Parsed by Logstash's grammar but not implemented by its compiler; kept so the validator can say so. */
export interface MethodCall {
  kind: "methodCall";
  name: string;
  nameRange: Span;
  args: RValue[];
  range: Span;
}

export type Node =
  | Config
  | Section
  | Plugin
  | Attribute
  | Value
  | HashEntry
  | Branch
  | Clause
  | Condition
  | RValue
  | Comment;
