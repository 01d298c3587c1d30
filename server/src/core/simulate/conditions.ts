/**
 * Conditions of `if`/`else if` evaluated as Logstash's Java execution does (EventCondition):
 * a missing field, "" and "false" are falsy, `in` is a substring test on strings and membership on lists, `<`/`>`
 * compare strings lexicographically and numbers numerically, `=~` is an unanchored Ruby regex.
 */
import type { Condition, RValue } from "../ast";
import { getPath, type JsonValue, type SimEvent } from "./event";
import { rubyRegex } from "./regex";

/** A condition Logstash would fail on at run time (comparing a string with a number, …). */
export class ConditionError extends Error {}

function rvalue(event: SimEvent, v: RValue): JsonValue | undefined {
  switch (v.kind) {
    case "string":
      return v.value;
    case "number":
      return v.value;
    case "selector":
      return getPath(event, v.path);
    case "array":
      return v.elements.map((e) => (e.kind === "string" || e.kind === "number" || e.kind === "bareword" ? e.value : null));
    case "regex":
      return v.source;
    case "methodCall":
      throw new ConditionError(`method calls such as \`${v.name}(…)\` are not supported by Logstash`);
  }
}

/** EventCondition's FieldTruthy: missing, null, "" and anything that prints as "false" are false. */
function truthy(v: JsonValue | undefined): boolean {
  if (v === undefined || v === null) return false;
  const text = typeof v === "string" ? v : String(v);
  return text !== "" && text !== "false";
}

/** Java's toString of a field value, which `[field] in [list literal]` compares with. */
function javaString(v: JsonValue): string {
  return typeof v === "string" ? v : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);
}

function equal(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  const ak = Object.keys(a);
  const bo = b as Record<string, JsonValue>;
  return ak.length === Object.keys(bo).length && ak.every((k) => equal((a as Record<string, JsonValue>)[k], bo[k]));
}

function compare(op: "<" | ">" | "<=" | ">=", a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  // A missing operand never compares true.
  if (a === undefined || b === undefined || a === null || b === null) return false;
  let c: number;
  if (typeof a === "number" && typeof b === "number") c = a - b;
  else if (typeof a === "string" && typeof b === "string") c = a < b ? -1 : a > b ? 1 : 0;
  else throw new ConditionError(`cannot compare ${JSON.stringify(a)} with ${JSON.stringify(b)}`);
  return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
}

function contains(needle: JsonValue | undefined, haystack: JsonValue | undefined): boolean {
  if (haystack === undefined || haystack === null) return false;
  if (Array.isArray(haystack)) return haystack.some((x) => equal(x, needle));
  // A substring test only between strings (a number in a string field is false).
  if (typeof haystack === "string") return typeof needle === "string" && haystack.includes(needle);
  if (typeof haystack === "object") return typeof needle === "string" && Object.prototype.hasOwnProperty.call(haystack, needle);
  return false;
}

export function evaluateCondition(event: SimEvent, c: Condition): boolean {
  switch (c.kind) {
    case "boolean": {
      const l = evaluateCondition(event, c.left);
      // and/or short-circuit as in Logstash; xor and nand need both sides.
      if (c.operator === "and") return l && evaluateCondition(event, c.right);
      if (c.operator === "or") return l || evaluateCondition(event, c.right);
      const r = evaluateCondition(event, c.right);
      return c.operator === "xor" ? l !== r : !(l && r);
    }
    case "not":
      return c.operand.kind === "selector" ? !truthy(getPath(event, c.operand.path)) : !evaluateCondition(event, c.operand);
    case "paren":
      return evaluateCondition(event, c.expression);
    case "truthy":
      return truthy(rvalue(event, c.value));
    case "compare": {
      const a = rvalue(event, c.left);
      const b = rvalue(event, c.right);
      if (c.operator === "==") return equal(a, b);
      if (c.operator === "!=") return !equal(a, b);
      return compare(c.operator, a, b);
    }
    case "in": {
      const left = rvalue(event, c.left);
      let r: boolean;
      if (c.right.kind === "array") {
        // FieldInConstantList compares the printed forms: `[status] in ["200"]` holds for the number 200.
        const items = rvalue(event, c.right) as JsonValue[];
        r = left !== undefined && left !== null && items.some((x) => x !== null && javaString(x) === javaString(left));
      } else r = contains(left, rvalue(event, c.right));
      return c.negated ? !r : r;
    }
    case "match": {
      const subject = rvalue(event, c.left);
      const source = c.right.kind === "regex" ? c.right.source.replace(/\\\//g, "/") : c.right.value;
      const hit = typeof subject === "string" && rubyRegex(source).test(subject);
      return c.operator === "=~" ? hit : !hit;
    }
  }
}
