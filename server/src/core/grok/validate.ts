/**
 * Fast, synchronous checks of a grok pattern for editor diagnostics: unknown `%{NAME}` (with
 * did-you-mean), reference cycles, and regex syntax Oniguruma would reject (checked with
 * oniguruma-parser, so no WASM is needed).
 */
import { toOnigurumaAst } from "oniguruma-parser";
import type { Span } from "../ast";
import { issue, type Issue } from "../issue";
import { t } from "../l10n";
import { expandGrok, nextToken, type GrokCompileError } from "./compile";
import { buildPatternMap, type PatternSet } from "./patternLibrary";
import { scanNamedGroups, skipClass } from "./regexScan";

/** Issues of `pattern` against the built-in `set` plus `extraPatterns` (pattern-file texts, later wins). */
export function validateGrokPattern(pattern: string, set: PatternSet, extraPatterns: readonly string[] = []): Issue[] {
  const patterns = buildPatternMap(set, { extraPatterns });
  const { expanded, errors } = expandGrok(pattern, patterns, { namedCapturesOnly: true });
  if (errors.length) return errors.map((e) => expansionIssue(e, pattern, patterns));
  const userError = regexError(maskTokens(pattern));
  if (userError) return [issue("grok-invalid-regex", "error", t("Invalid regular expression: {0}", userError), locate(userError, pattern))];
  const fullError = regexError(expanded);
  if (!fullError) return [];
  // The user's own regex is fine, so a pattern it refers to is broken: name the first such token.
  for (let tok = nextToken(pattern, 0); tok; tok = nextToken(pattern, tok.end)) {
    const own = regexError(expandGrok(pattern.slice(tok.start, tok.end), patterns).expanded);
    if (own)
      return [
        issue("grok-invalid-regex", "error", t("Grok pattern `{0}` expands to an invalid regular expression: {1}", tok.pattern, own), {
          start: tok.start,
          end: tok.end,
        }),
      ];
  }
  return [issue("grok-invalid-regex", "error", t("Invalid regular expression: {0}", fullError), { start: 0, end: pattern.length })];
}

function expansionIssue(error: GrokCompileError, pattern: string, patterns: ReadonlyMap<string, string>): Issue {
  if (error.code !== "grok-unknown-pattern" || !error.patternName) return issue(error.code, "error", error.message, error.range);
  const suggestions = didYouMean(error.patternName, [...patterns.keys()]);
  let range = error.range;
  if (error.chain.length === 0) {
    const tok = nextToken(pattern, error.range.start);
    if (tok && tok.start === error.range.start) range = { start: tok.nameStart, end: tok.nameEnd };
  }
  const message = suggestions.length ? `${error.message}. ${t("Did you mean {0}?", suggestions.map((s) => `\`${s}\``).join(", "))}` : error.message;
  return issue(
    "grok-unknown-pattern",
    "error",
    message,
    range,
    suggestions.length && error.chain.length === 0 ? { replacement: suggestions[0], replacements: suggestions } : undefined,
  );
}

/** Up to three known names close to `name` (case-insensitive edit distance). */
export function didYouMean(name: string, known: readonly string[]): string[] {
  const upper = name.toUpperCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  return known
    .map((k) => ({ k, d: k === upper ? 0 : editDistance(upper, k.toUpperCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, 3)
    .map((x) => x.k);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 4) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Each `%{…}` becomes a same-length group, so offsets in errors are offsets in the user's pattern. */
function maskTokens(pattern: string): string {
  let out = "";
  let i = 0;
  for (let tok = nextToken(pattern, 0); tok; tok = nextToken(pattern, i)) {
    out += pattern.slice(i, tok.start) + "(?:" + "a".repeat(tok.end - tok.start - 4) + ")";
    i = tok.end;
  }
  return out + pattern.slice(i);
}

function regexError(source: string): string | null {
  let k = 0;
  const { renamed } = scanNamedGroups(source, () => `g${k++}`);
  try {
    toOnigurumaAst(renamed, { rules: { captureGroup: false } });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Best-effort position of a parser error in the user's pattern. */
function locate(message: string, pattern: string): Span {
  const masked = maskTokens(pattern);
  const whole = { start: 0, end: pattern.length };
  const parens: number[] = [];
  let unmatched = -1;
  let unclosedClass = -1;
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i];
    if (c === "\\") i++;
    else if (c === "[") {
      const end = skipClass(masked, i);
      if (end >= masked.length && masked[masked.length - 1] !== "]") unclosedClass = i;
      i = end - 1;
    } else if (c === "(") parens.push(i);
    else if (c === ")") {
      if (parens.length) parens.pop();
      else if (unmatched < 0) unmatched = i;
    }
  }
  if (/unclosed group/i.test(message) && parens.length) return { start: parens[parens.length - 1], end: parens[parens.length - 1] + 1 };
  if (/unmatched "\)"/i.test(message) && unmatched >= 0) return { start: unmatched, end: unmatched + 1 };
  if (/unclosed character class/i.test(message) && unclosedClass >= 0) return { start: unclosedClass, end: pattern.length };
  const quoted = /"([^"]+)"/.exec(message);
  if (quoted) {
    const at = masked.indexOf(quoted[1]);
    if (at >= 0) return { start: at, end: at + quoted[1].length };
  }
  return whole;
}
