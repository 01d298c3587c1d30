/** Option names: unknown, removed, not yet available, deprecated, obsolete, repeated, missing. */
import type { Attribute } from "../ast";
import { t } from "../l10n";
import { suggestions } from "../suggest";
import type { PluginUnderCheck, Reporter } from "./context";

const SCALAR_TYPES = new Set(["string", "number", "boolean", "password", "path", "uri", "bytes", "field_reference", "enum", "codec"]);

export function checkOptionNames(p: PluginUnderCheck, r: Reporter): void {
  const { plugin, spec, options } = p;
  if (!spec) return;
  const version = r.catalog.version;
  const seen = new Map<string, Attribute>();

  for (const a of plugin.attributes) {
    const opt = options.get(a.name);
    if (!opt) {
      const removed = spec.removedOptions.get(a.name);
      const later = spec.laterOptions.get(a.name);
      if (removed) {
        const instead = removed.replacement ? " " + t("Use `{0}` instead.", removed.replacement) : "";
        r.add(
          "option-removed",
          "error",
          t("`{0}` was removed from the {1} plugin `{2}` in Logstash {3}.", a.name, spec.kind, spec.name, removed.until ?? "?") + instead,
          a.nameRange,
          removed.replacement ? { replacement: removed.replacement } : { remove: lineSpan(r.text, a.range) },
          ["deprecated"],
        );
      } else if (later) {
        r.add(
          "option-unavailable",
          "error",
          t("`{0}` is only available from Logstash {1}; `logsmith.logstashVersion` is {2}", a.name, later.since ?? "?", version),
          a.nameRange,
        );
      } else {
        const close = suggestions(a.name, options.keys());
        const hint = close.length ? " " + t("Did you mean `{0}`?", close[0]) : "";
        r.add(
          "option-unknown",
          "error",
          t("Unknown option `{0}` for the {1} plugin `{2}`.", a.name, spec.kind, spec.name) + hint,
          a.nameRange,
          close.length ? { replacement: close[0], replacements: close } : undefined,
        );
      }
      continue;
    }

    if (opt.obsolete) {
      const instead = opt.replacement ? " " + t("Use `{0}` instead.", opt.replacement) : "";
      r.add(
        "option-obsolete",
        "error",
        t("`{0}` is obsolete in Logstash {1} and stops the pipeline from loading: {2}", a.name, version, opt.obsolete) + instead,
        a.nameRange,
        opt.replacement ? { replacement: opt.replacement, remove: lineSpan(r.text, a.range) } : { remove: lineSpan(r.text, a.range) },
        ["deprecated"],
      );
    } else if (opt.deprecated) {
      const instead = opt.replacement ? " " + t("Use `{0}` instead.", opt.replacement) : "";
      r.add(
        "option-deprecated",
        "warning",
        t("`{0}` is deprecated: {1}", a.name, opt.deprecated) + instead,
        a.nameRange,
        opt.replacement ? { replacement: opt.replacement } : undefined,
        ["deprecated"],
      );
    }

    const first = seen.get(a.name);
    if (first && a.name !== "codec") {
      // Logstash merges repeats: arrays concatenate and hashes merge, but two scalars become an array
      // that the option's type then rejects.
      const scalar = SCALAR_TYPES.has(opt.validate) && !opt.list;
      r.add(
        "option-duplicate",
        scalar ? "error" : "warning",
        scalar
          ? t("`{0}` is set twice; Logstash combines both values into a list, which a {1} option rejects", a.name, opt.validate)
          : t("`{0}` is set twice; Logstash merges the values", a.name),
        a.nameRange,
      );
    }
    seen.set(a.name, a);
  }

  const missing = [...options.values()].filter((o) => o.required && !seen.has(o.name) && !plugin.attributes.some((a) => a.name === o.name));
  if (missing.length) {
    const names = missing.map((o) => "`" + o.name + "`").join(", ");
    const insertAt = plugin.bodyRange.start + 1;
    const text = missing.map((o) => `${o.name} => ${placeholder(o.validate, o.list)}`).join("\n");
    r.add(
      "option-required",
      "error",
      t("The {0} plugin `{1}` needs {2}", spec.kind, spec.name, names),
      plugin.nameRange,
      { insert: { offset: insertAt, text } },
    );
  }
}

/** A value of the right shape to insert for a missing option. */
export function placeholder(validate: string, list?: boolean): string {
  const one =
    validate === "number" ? "0" : validate === "boolean" ? "true" : validate === "hash" ? "{}" : validate === "array" ? "[]" : validate === "codec" ? "plain" : '""';
  return list ? `[${one}]` : one;
}

/** The whole line of an attribute, when it stands alone on it, so removing it leaves no blank line. */
function lineSpan(text: string, range: { start: number; end: number }): { start: number; end: number } {
  let s = range.start;
  while (s > 0 && (text[s - 1] === " " || text[s - 1] === "\t")) s--;
  let e = range.end;
  while (e < text.length && (text[e] === " " || text[e] === "\t")) e++;
  const ownLine = (s === 0 || text[s - 1] === "\n") && (e === text.length || text[e] === "\n" || text[e] === "\r");
  if (!ownLine) return range;
  if (text[e] === "\r") e++;
  if (text[e] === "\n") e++;
  return { start: s, end: e };
}
