/**
 * What Logstash's grammar accepts but its compiler (lscl.rb, compiler.rb) rejects right after parsing,
 * plus the one whitespace rule the grammar has that the token stream cannot see.
 */
import type { Config, Plugin, RValue, Value } from "../ast";
import { issue, type Issue } from "../issue";
import { t } from "../l10n";
import { forEachCondition, forEachPlugin, forEachRValue, forEachValue } from "../walk";

const WHITESPACE = /[ \t\r\n]/;

export function postParseIssues(config: Config, text: string): Issue[] {
  const out: Issue[] = [];
  forEachPlugin(config, (plugin, ctx) => {
    checkAttributeSeparation(plugin, text, out);
    if (!ctx.parent && (ctx.section === "input" || ctx.section === "output")) checkCodecs(plugin, out);
    for (const a of plugin.attributes) if (a.value) checkValue(a.value, out);
  });
  forEachCondition(config, (c) => forEachRValue(c, (v) => checkRValue(v, out)));
  return out;
}

/** `attribute (whitespace cs attribute)*`: a value followed directly by the next option name is an error. */
function checkAttributeSeparation(plugin: Plugin, text: string, out: Issue[]): void {
  for (let i = 1; i < plugin.attributes.length; i++) {
    const prev = plugin.attributes[i - 1];
    if (!prev.value) continue;
    const after = text[prev.range.end];
    // A comma or semicolon there is already reported by the parser.
    if (after !== undefined && !WHITESPACE.test(after) && after !== "," && after !== ";") {
      const next = plugin.attributes[i];
      out.push(
        issue(
          "syntax-missing-whitespace",
          "error",
          t("Put whitespace between option `{0}` and option `{1}`", prev.name, next.name),
          { start: prev.range.end, end: next.nameRange.end },
          { insert: { offset: prev.range.end, text: " " } },
        ),
      );
    }
  }
}

/** lscl.rb raises "Duplicate keys found in your configuration" comparing keys by source text. */
function checkValue(value: Value, out: Issue[]): void {
  forEachValue(value, (v) => {
    if (v.kind === "hash") {
      const seen = new Map<string, true>();
      for (const entry of v.entries) {
        const key = keyText(entry.key);
        if (seen.has(key)) {
          out.push(issue("config-duplicate-key", "error", t("Duplicate key {0} in this hash: Logstash refuses the configuration", key), entry.key.range));
        }
        seen.set(key, true);
      }
    } else if (v.kind === "number") {
      checkNumber(v.text, v.range, out);
    }
  });
}

function keyText(key: Value): string {
  if (key.kind === "string") return key.quote + key.value + key.quote;
  if (key.kind === "number") return key.text;
  if (key.kind === "bareword") return key.value;
  return "";
}

function checkNumber(textValue: string, range: { start: number; end: number }, out: Issue[]): void {
  // Integers go through Ruby's Integer(), which reads a leading zero as octal and rejects 8 and 9.
  if (/^-?0[0-9]+$/.test(textValue)) {
    if (/[89]/.test(textValue)) {
      out.push(issue("config-invalid-octal", "error", t("`{0}` starts with 0, so Logstash reads it as an octal number, and 8 and 9 are not octal digits", textValue), range));
    } else {
      out.push(issue("config-octal-number", "warning", t("`{0}` starts with 0, so Logstash reads it as the octal number {1}", textValue, String(parseInt(textValue, 8))), range));
    }
  }
}

/** Two `codec` options on one input or output plugin: "Multiple codec settings" ConfigurationError. */
function checkCodecs(plugin: Plugin, out: Issue[]): void {
  const codecs = plugin.attributes.filter((a) => a.name === "codec");
  for (const extra of codecs.slice(1)) {
    out.push(issue("config-multiple-codecs", "error", t("Plugin `{0}` has more than one `codec`: Logstash accepts only one", plugin.name), extra.nameRange));
  }
}

function checkRValue(v: RValue, out: Issue[]): void {
  if (v.kind === "methodCall") {
    out.push(issue("config-method-call", "error", t("Method calls such as `{0}(…)` parse, but Logstash cannot compile them", v.name), v.range));
  } else if (v.kind === "number") {
    checkNumber(v.text, v.range, out);
  }
}
