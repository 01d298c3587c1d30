/**
 * mutate options whose arguments have a shape beyond their declared type: `gsub` is a flat list of
 * [field, pattern, replacement] triples, and `convert` targets are a fixed set.
 */
import type { Value } from "../ast";
import { t } from "../l10n";
import { suggestions } from "../suggest";
import type { PluginUnderCheck, Reporter } from "./context";
import { regexError } from "./regex";

const CONVERT_TYPES = ["integer", "integer_eu", "float", "float_eu", "string", "boolean"];

export function checkMutate(p: PluginUnderCheck, r: Reporter): void {
  if (p.kind !== "filter" || p.plugin.name !== "mutate") return;
  for (const a of p.plugin.attributes) {
    if (!a.value) continue;
    if (a.name === "gsub") checkGsub(a.value, r);
    if (a.name === "convert") checkConvert(a.value, r);
  }
}

function checkGsub(v: Value, r: Reporter): void {
  const items = v.kind === "array" ? v.elements : [v];
  if (items.length % 3 !== 0 || items.some((i) => i.kind !== "string" && i.kind !== "bareword")) {
    r.add("mutate-shape", "error", t("`gsub` takes triples of strings: [\"field\", \"pattern\", \"replacement\", …]; this list has {0} items", String(items.length)), v.range);
    return;
  }
  for (let i = 1; i < items.length; i += 3) {
    const pattern = items[i];
    if (pattern.kind !== "string") continue;
    const err = regexError(pattern.value);
    if (err) r.add("mutate-gsub-regex", "error", t("The `gsub` pattern does not compile: {0}", err), pattern.range);
  }
}

function checkConvert(v: Value, r: Reporter): void {
  const targets: Value[] = [];
  if (v.kind === "hash") for (const e of v.entries) if (e.value) targets.push(e.value);
  if (v.kind === "array") for (let i = 1; i < v.elements.length; i += 2) targets.push(v.elements[i]);
  for (const target of targets) {
    if (target.kind !== "string" && target.kind !== "bareword") continue;
    if (CONVERT_TYPES.includes(target.value) || target.value.includes("${")) continue;
    const close = suggestions(target.value, CONVERT_TYPES);
    r.add(
      "mutate-convert-type",
      "error",
      t("mutate cannot convert to \"{0}\": use one of {1}", target.value, CONVERT_TYPES.join(", ")),
      target.range,
      close.length ? { replacement: target.kind === "string" ? target.quote + close[0] + target.quote : close[0] } : undefined,
    );
  }
}
