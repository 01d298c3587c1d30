/**
 * The conversion-pattern scanner of the three log4j pattern parsers, state for state as upstream writes
 * them (literal → converter → min → dot → max), so what counts as a literal, a modifier or a converter
 * is what the real layout does:
 * - `classic`: log4j 1.2 `helpers.PatternParser` (PatternLayout): one-letter converters, `%n`/`%%` read in
 *   the literal state, one `{…}` option and only after c, C, d and X, an unknown letter written as text.
 * - `enhanced`: log4j 1.2 `pattern.PatternParser` (EnhancedPatternLayout): word converters matched by their
 *   longest known prefix, any number of unnested `{…}` options.
 * - `log4j2`: log4j-core `pattern.PatternParser`: as enhanced, plus `%0` zero padding, `.-N` truncation from the
 *   end, nested braces in options, and backslash escapes (`\t`, `\n` …) in literal text.
 */
import type { Span } from "../../ast";

export type PatternFlavor = "classic" | "enhanced" | "log4j2";

export interface Modifiers {
  leftAlign: boolean;
  min: number;
  /** Longest written value; Infinity when not set. */
  max: number;
  /** Truncation keeps the end of the value (log4j default); log4j 2's `.-N` keeps the start. */
  leftTruncate: boolean;
  zeroPad: boolean;
  /** The modifier text as written, e.g. `-5`, `.30`, `20.-30`. */
  text: string;
}

export interface PatternOption {
  text: string;
  /** Span of the text between the braces. */
  span: Span;
}

export interface ScannedLiteral {
  type: "literal";
  text: string;
  span: Span;
}

export interface ScannedConverter {
  type: "converter";
  /** The converter key that matched (`level`, `d`, `X`). */
  name: string;
  modifiers: Modifiers;
  options: PatternOption[];
  span: Span;
  /** Span of the name as written (without `%` and modifiers). */
  nameSpan: Span;
}

export interface ScanProblem {
  kind: "unknown-converter" | "empty-converter" | "bad-modifier" | "unclosed-option" | "trailing-percent" | "ignored-option";
  span: Span;
  /** The converter name as written, for unknown converters. */
  name?: string;
}

export type ScannedToken = ScannedLiteral | ScannedConverter;

export interface ScanResult {
  tokens: ScannedToken[];
  problems: ScanProblem[];
}

const CLASSIC_WITH_OPTION = new Set(["c", "C", "d", "X"]);

function isIdentStart(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{Nl}_$]/u.test(c);
}

function isIdentPart(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}_$]/u.test(c);
}

/** log4j 2's `OptionConverter.convertSpecialChars` on literal text. */
export function convertBackslashes(text: string): string {
  return text.replace(/\\(.)/gs, (_, c: string) => ({ n: "\n", r: "\r", t: "\t", f: "\f", b: "\b", '"': '"', "'": "'", "\\": "\\" } as Record<string, string>)[c] ?? c);
}

function defaultModifiers(): Modifiers {
  return { leftAlign: false, min: 0, max: Infinity, leftTruncate: true, zeroPad: false, text: "" };
}

/**
 * Scans `pattern` (offsets relative to it, plus `base`). `keys` are the converter names the layout knows;
 * `lineSeparator` is what `%n` writes.
 */
export function scanPattern(pattern: string, flavor: PatternFlavor, keys: ReadonlySet<string>, base = 0): ScanResult {
  const tokens: ScannedToken[] = [];
  const problems: ScanProblem[] = [];
  let literal = "";
  let literalStart = 0;
  let i = 0;
  const pushLiteral = (text: string, start: number, end: number) => {
    if (text === "") return;
    const last = tokens[tokens.length - 1];
    const value = flavor === "log4j2" ? convertBackslashes(text) : text;
    if (last?.type === "literal" && last.span.end === start + base) {
      last.text += value;
      last.span = { start: last.span.start, end: end + base };
    } else tokens.push({ type: "literal", text: value, span: { start: start + base, end: end + base } });
  };
  const flush = (end: number) => {
    pushLiteral(literal, literalStart, end);
    literal = "";
    literalStart = end;
  };

  while (i < pattern.length) {
    const c = pattern[i];
    if (c !== "%") {
      if (literal === "") literalStart = i;
      literal += c;
      i++;
      continue;
    }
    // In the literal state the last character is always a literal, `%` included.
    if (i === pattern.length - 1) {
      problems.push({ kind: "trailing-percent", span: { start: i + base, end: i + 1 + base } });
      if (literal === "") literalStart = i;
      literal += c;
      i++;
      continue;
    }
    const next = pattern[i + 1];
    if (next === "%") {
      if (literal === "") literalStart = i;
      literal += "%";
      i += 2;
      continue;
    }
    if (flavor === "classic" && next === "n") {
      if (literal === "") literalStart = i;
      literal += "\n";
      i += 2;
      continue;
    }
    flush(i);
    const start = i;
    i++;
    // Modifiers.
    const mods = defaultModifiers();
    let state: "conv" | "min" | "dot" | "max" = "conv";
    let bad = false;
    for (;;) {
      const ch = pattern[i];
      if (ch === undefined) break;
      if (state === "conv") {
        if (ch === "0" && flavor === "log4j2") {
          mods.zeroPad = true;
          i++;
          continue;
        }
        if (ch === "-") {
          mods.leftAlign = true;
          i++;
          continue;
        }
        if (ch === ".") {
          state = "dot";
          i++;
          continue;
        }
        if (ch >= "0" && ch <= "9") {
          mods.min = ch.charCodeAt(0) - 48;
          state = "min";
          i++;
          continue;
        }
        break;
      }
      if (state === "min") {
        if (ch >= "0" && ch <= "9") {
          mods.min = mods.min * 10 + ch.charCodeAt(0) - 48;
          i++;
          continue;
        }
        if (ch === ".") {
          state = "dot";
          i++;
          continue;
        }
        break;
      }
      if (state === "dot") {
        if (ch === "-" && flavor === "log4j2") {
          mods.leftTruncate = false;
          i++;
          continue;
        }
        if (ch >= "0" && ch <= "9") {
          mods.max = ch.charCodeAt(0) - 48;
          state = "max";
          i++;
          continue;
        }
        // "Was expecting digit": the text so far (this character included) is written as it is.
        bad = true;
        i++;
        break;
      }
      if (ch >= "0" && ch <= "9") {
        mods.max = mods.max * 10 + ch.charCodeAt(0) - 48;
        i++;
        continue;
      }
      break;
    }
    mods.text = pattern.slice(start + 1, i);
    if (bad || i >= pattern.length) {
      problems.push({ kind: "bad-modifier", span: { start: start + base, end: i + base } });
      literalStart = start;
      literal = pattern.slice(start, i);
      continue;
    }
    const nameStart = i;
    let name: string | undefined;
    let written = "";
    if (flavor === "classic") {
      written = pattern[i];
      i++;
      if (written === "n" || !keys.has(written)) {
        // The classic parser writes an unknown letter (and `%-5n`) as text.
        problems.push({ kind: "unknown-converter", span: { start: start + base, end: i + base }, name: written });
        literalStart = start;
        literal = pattern.slice(start, i);
        continue;
      }
      name = written;
    } else {
      if (isIdentStart(pattern[i])) {
        let j = i + 1;
        while (j < pattern.length && isIdentPart(pattern[j])) j++;
        written = pattern.slice(i, j);
      }
      for (let len = written.length; len > 0 && name === undefined; len--) {
        if (keys.has(written.slice(0, len))) name = written.slice(0, len);
      }
      i += name !== undefined ? name.length : written.length;
    }
    // Options.
    const options: PatternOption[] = [];
    const takesOptions = flavor !== "classic" || CLASSIC_WITH_OPTION.has(name ?? "");
    while (takesOptions && pattern[i] === "{") {
      if (flavor === "log4j2") {
        let depth = 1;
        let j = i + 1;
        while (j < pattern.length && depth > 0) {
          if (pattern[j] === "{") depth++;
          else if (pattern[j] === "}") depth--;
          j++;
        }
        if (depth > 0) {
          problems.push({ kind: "unclosed-option", span: { start: i + base, end: pattern.length + base } });
          // log4j 2 then resumes after the last `}` of the pattern, or just after this `{`.
          const last = pattern.lastIndexOf("}");
          i = last >= nameStart ? last + 1 : i + 1;
          break;
        }
        options.push({ text: pattern.slice(i + 1, j - 1), span: { start: i + 1 + base, end: j - 1 + base } });
        i = j;
      } else {
        const end = pattern.indexOf("}", i);
        if (end < 0) {
          problems.push({ kind: "unclosed-option", span: { start: i + base, end: pattern.length + base } });
          break;
        }
        options.push({ text: pattern.slice(i + 1, end), span: { start: i + 1 + base, end: end + base } });
        i = end + 1;
        if (flavor === "classic") break;
      }
    }
    if (name === undefined) {
      problems.push({
        kind: written === "" ? "empty-converter" : "unknown-converter",
        span: { start: start + base, end: Math.max(i, nameStart + written.length) + base },
        name: written,
      });
      // Written as text: `%`, the modifiers and the name (the options are consumed).
      literalStart = start;
      literal = pattern.slice(start, nameStart + written.length);
      flush(nameStart + written.length);
      continue;
    }
    tokens.push({
      type: "converter",
      name,
      modifiers: mods,
      options,
      span: { start: start + base, end: i + base },
      nameSpan: { start: nameStart + base, end: nameStart + name.length + base },
    });
    // The rest of a longer word (`%msgfoo` → `%msg` then `foo`) is scanned next, as literal text.
    literalStart = i;
  }
  flush(pattern.length);
  return { tokens, problems };
}
