/**
 * `dissect` instead of `grok` for formats with fixed delimiters. dissect cuts the line at the first
 * occurrence of each literal, so it is only right when no value can contain the literal that follows it:
 * tokens, numbers and addresses before a space, escaped text before a tab (httpd and Tomcat write control
 * characters as `\t`, `\n` …), anything as the last field. `[%t]`-style timestamps with one inner space
 * are cut with dissect's append modifier (`[%{ts} %{+ts}]`). Anything else is refused with the reason, so
 * a caller can fall back to grok.
 */
import type { FormatDirective, FormatElement, ParsedFormat } from "./types";

export interface DissectPlan {
  mapping: string;
  /**
   * Values that can be `-` or empty are cut into `@metadata` and moved to their field only when they hold
   * a value, so the event gets no field (and no empty parent object) where grok would capture nothing.
   */
  moves: { from: string; to: string }[];
  /** Timestamps cut out of their `[…]`: the brackets are put back so the date pattern stays the grok one. */
  bracketed: string[];
  dates: { field: string; patterns: string[] }[];
  converts: { field: string; type: string }[];
  /** Fields written with httpd's/Tomcat's `\"` and `\\\\`. */
  unescape: string[];
}

/** Which characters a value matching `source` (the ValueShape regex subset) can contain. */
export function possibleChars(source: string): (ch: string) => boolean {
  const atoms: ((ch: string) => boolean)[] = [];
  const classEscape = (c: string): ((ch: string) => boolean) => {
    switch (c) {
      case "d":
        return (ch) => ch >= "0" && ch <= "9";
      case "D":
        return (ch) => !(ch >= "0" && ch <= "9");
      case "s":
        return (ch) => /\s/.test(ch);
      case "S":
        return (ch) => !/\s/.test(ch);
      case "w":
        return (ch) => /\w/.test(ch);
      case "W":
        return (ch) => !/\w/.test(ch);
      case "t":
        return (ch) => ch === "\t";
      case "n":
        return (ch) => ch === "\n";
      case "r":
        return (ch) => ch === "\r";
      default:
        return (ch) => ch === c;
    }
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      atoms.push(classEscape(source[++i]));
    } else if (c === "[") {
      let j = i + 1;
      const negate = source[j] === "^";
      if (negate) j++;
      const parts: ((ch: string) => boolean)[] = [];
      let first = true;
      while (j < source.length && (source[j] !== "]" || first)) {
        first = false;
        let lo: string;
        let atom: ((ch: string) => boolean) | undefined;
        if (source[j] === "\\") {
          const e = source[j + 1];
          j += 2;
          if (/[dDsSwW]/.test(e)) {
            atom = classEscape(e);
            lo = "";
          } else lo = e === "t" ? "\t" : e === "n" ? "\n" : e === "r" ? "\r" : e;
        } else lo = source[j++];
        if (atom) parts.push(atom);
        else if (source[j] === "-" && source[j + 1] !== "]" && j + 1 < source.length) {
          const hi = source[j + 1] === "\\" ? source[j + 2] : source[j + 1];
          j += source[j + 1] === "\\" ? 3 : 2;
          parts.push((ch) => ch >= lo && ch <= hi);
        } else parts.push((ch) => ch === lo);
      }
      i = j;
      atoms.push(negate ? (ch) => !parts.some((p) => p(ch)) : (ch) => parts.some((p) => p(ch)));
    } else if (c === ".") atoms.push(() => true);
    else if ("()|*+?".includes(c)) {
      // Structure and repetition do not change which characters can appear.
      if (c === "(" && source[i + 1] === "?" && source[i + 2] === ":") i += 2;
    } else if (c === "{") {
      const close = source.indexOf("}", i);
      if (/^\{\d*(,\d*)?\}$/.test(source.slice(i, close + 1))) i = close;
      else atoms.push((ch) => ch === c);
    } else atoms.push((ch) => ch === c);
  }
  return (ch) => atoms.some((a) => a(ch));
}

/** Whether a value can contain `delimiter` (it cannot when one of its characters never appears in it). */
function canContain(d: FormatDirective | { grok: string; escaping?: string; placeholder?: string }, delimiter: string): boolean {
  const shape = "shape" in d ? d.shape : d;
  const chars = possibleChars(shape.grok);
  // httpd's and Tomcat's escaping write control characters as `\t`, `\n` …: never raw in the line.
  const escaped = shape.escaping === "apache" || shape.escaping === "tomcat";
  const can = (ch: string) => (escaped && ch < " " ? false : chars(ch) || (shape.placeholder ?? "").includes(ch));
  return [...delimiter].every(can);
}

function fieldOf(d: FormatDirective, ecs: boolean): string | undefined {
  return d.field ? (ecs ? d.field.ecs : d.field.legacy) : undefined;
}

function isWholeTimestamp(joda: string): boolean {
  return /y/.test(joda) && /M/.test(joda) && /d/.test(joda) && /H|h|k/.test(joda);
}

/** The dissect mapping for `parsed`, or the reason it cannot be cut with fixed delimiters. */
export function planDissect(parsed: ParsedFormat, ecs: boolean): DissectPlan | { reason: string } {
  if (parsed.json) return { reason: "JSON formats are decoded by the json codec" };
  const els: FormatElement[] = parsed.elements;
  const seen = new Set<string>();
  const plan: DissectPlan = { mapping: "", moves: [], bracketed: [], dates: [], converts: [], unescape: [] };
  for (let i = 0; i < els.length; i++) {
    const e = els[i];
    if (e.type === "literal") {
      if (e.text.includes("%{")) return { reason: `the literal ${JSON.stringify(e.text)} looks like a dissect key` };
      plan.mapping += e.text;
      continue;
    }
    const next = els[i + 1];
    if (next?.type === "directive") return { reason: `${e.key} and ${next.key} have no delimiter between them` };
    const after = els[i + 2];
    if (e.shape.date && next?.type === "literal" && next.text.length <= 3 && after?.type === "directive" && after.shape.date)
      return { reason: `${e.key}${next.text}${after.key} write one timestamp together` };
    const field = fieldOf(e, ecs);
    const key = !field || seen.has(field) ? "?" : field;
    if (field) seen.add(field);
    const delimiter = next?.type === "literal" ? next.text : undefined;
    const joda = e.shape.date?.[0];
    if (/^\\\[[^ ]* [^ ]*\\\]$/.test(e.shape.grok) && joda?.startsWith("'['") && joda.endsWith("']'")) {
      // `[10/Oct/2000:13:55:36 -0700]`: the brackets become delimiters, the inner space an append.
      if (key === "?") plan.mapping += "[%{?} %{?}]";
      else {
        plan.mapping += `[%{${key}} %{+${key}}]`;
        plan.bracketed.push(key);
        plan.dates.push({ field: key, patterns: [joda] });
      }
      continue;
    }
    if (delimiter !== undefined && canContain(e, delimiter)) return { reason: `${e.key} can contain ${JSON.stringify(delimiter)}, the text that follows it` };
    if (key === "?") {
      plan.mapping += "%{?}";
      continue;
    }
    const shape = e.shape;
    if (shape.placeholder !== undefined || shape.freeText || shape.escaping === "apache" || shape.escaping === "tomcat") {
      const from = `[@metadata][dissect][v${plan.moves.length + 1}]`;
      plan.moves.push({ from, to: key });
      plan.mapping += `%{${from}}`;
    } else plan.mapping += `%{${key}}`;
    if (shape.escaping === "apache" || shape.escaping === "tomcat") plan.unescape.push(key);
    if (shape.convert) plan.converts.push({ field: key, type: shape.convert });
    if (joda === "UNIX" || joda === "UNIX_MS" || (joda && isWholeTimestamp(joda))) plan.dates.push({ field: key, patterns: [joda] });
  }
  return plan;
}
