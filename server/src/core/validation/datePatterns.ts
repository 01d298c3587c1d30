/**
 * The date filter's `match => [field, format...]`: each format is ISO8601, UNIX, UNIX_MS, TAI64N or a
 * Joda-Time pattern. Joda treats every ASCII letter as a pattern letter and rejects the ones it does not
 * define ("Illegal pattern component"), so a stray `T` must be quoted: `yyyy-MM-dd'T'HH:mm:ss`.
 */
import type { Value } from "../ast";
import { t } from "../l10n";
import type { PluginUnderCheck, Reporter } from "./context";

const JODA_LETTERS = new Set("GCYxwyeEDMdaKhHkmsSzZ");
const NAMED = new Set(["ISO8601", "UNIX", "UNIX_MS", "TAI64N"]);

export function jodaPatternError(pattern: string): string | undefined {
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const close = pattern.indexOf("'", i + 1);
      if (close < 0) return t("the quote opened at position {0} is never closed", String(i + 1));
      i = close + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c) && !JODA_LETTERS.has(c)) {
      return t("`{0}` is not a Joda-Time pattern letter; quote literal text, as in '{0}'", c);
    }
    i++;
  }
  return undefined;
}

export function checkDatePatterns(p: PluginUnderCheck, r: Reporter): void {
  if (p.kind !== "filter" || p.plugin.name !== "date") return;
  for (const a of p.plugin.attributes) {
    if (a.name !== "match" || !a.value) continue;
    const items: Value[] = a.value.kind === "array" ? a.value.elements : [a.value];
    if (items.length < 2) {
      r.add("date-match-shape", "error", t("`match` takes the field first, then at least one format: [\"timestamp\", \"dd/MMM/yyyy:HH:mm:ss Z\"]"), a.value.range);
      continue;
    }
    for (const item of items.slice(1)) {
      if (item.kind !== "string" && item.kind !== "bareword") continue;
      if (NAMED.has(item.value) || item.value.includes("${")) continue;
      const error = jodaPatternError(item.value);
      if (error) r.add("date-pattern-invalid", "error", t("Invalid date format \"{0}\": {1}", item.value, error), item.range);
    }
  }
}
