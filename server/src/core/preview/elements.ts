/**
 * Splits a grok pattern into its top-level elements (a `%{…}` token, a group, a class, an escape or a
 * character, each with its quantifier), so a failure can say how many leading elements still match.
 * Prefixes of a concatenation are monotone: if elements 1..k match at some position, so do 1..k-1.
 */
import type { Span } from "../ast";
import { nextToken } from "../grok/compile";

/** Elements of `pattern`, or null where a top-level `|` makes prefixes meaningless. */
export function splitElements(pattern: string): Span[] | null {
  const out: Span[] = [];
  let i = 0;
  while (i < pattern.length) {
    const start = i;
    const c = pattern[i];
    if (c === "%" && pattern[i + 1] === "{") {
      const tok = nextToken(pattern, i);
      i = tok && tok.start === i ? tok.end : i + 1;
    } else if (c === "\\") i = escapeEnd(pattern, i);
    else if (c === "[") i = classEnd(pattern, i);
    else if (c === "(") i = groupEnd(pattern, i);
    else if (c === "|") return null;
    else i++;
    i = quantifierEnd(pattern, i);
    out.push({ start, end: i });
  }
  return out;
}

function escapeEnd(p: string, i: number): number {
  const next = p[i + 1];
  if (next === undefined) return i + 1;
  // \x{…}, \p{…}, \k<…>, \g<…>
  const open = p[i + 2];
  if ((next === "x" || next === "p" || next === "P") && open === "{") {
    const close = p.indexOf("}", i + 3);
    return close < 0 ? p.length : close + 1;
  }
  if ((next === "k" || next === "g") && (open === "<" || open === "'")) {
    const close = p.indexOf(open === "<" ? ">" : "'", i + 3);
    return close < 0 ? p.length : close + 1;
  }
  return i + 2;
}

/** End of a bracket expression starting at `i`; nested classes (`[a-z&&[^x]]`) and `[:alpha:]` count. */
function classEnd(p: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < p.length) {
    const c = p[j];
    if (c === "\\") {
      j += 2;
      continue;
    }
    if (c === "[") {
      depth++;
      j++;
      // A `]` right after `[` or `[^` is a literal.
      if (p[j] === "^") j++;
      if (p[j] === "]") j++;
      continue;
    }
    if (c === "]") {
      depth--;
      j++;
      if (depth === 0) return j;
      continue;
    }
    j++;
  }
  return p.length;
}

function groupEnd(p: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < p.length) {
    const c = p[j];
    if (c === "\\") j = escapeEnd(p, j);
    else if (c === "[") j = classEnd(p, j);
    else if (c === "%" && p[j + 1] === "{") {
      const tok = nextToken(p, j);
      j = tok && tok.start === j ? tok.end : j + 1;
    } else if (c === "(") {
      depth++;
      j++;
    } else if (c === ")") {
      depth--;
      j++;
      if (depth === 0) return j;
    } else j++;
  }
  return p.length;
}

function quantifierEnd(p: string, i: number): number {
  let j = i;
  const c = p[j];
  if (c === "*" || c === "+" || c === "?") j++;
  else if (c === "{") {
    const m = /^\{\d*(?:,\d*)?\}/.exec(p.slice(j));
    if (m && m[0] !== "{}" && m[0] !== "{,}") j += m[0].length;
    else return j;
  } else return j;
  // Lazy or possessive.
  if (p[j] === "?" || p[j] === "+") j++;
  return j;
}
