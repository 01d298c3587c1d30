/**
 * Hover: plugin and option docs (type, default, required, deprecation, version range), the expansion
 * of a grok pattern name, and where a field is set.
 */
import { containsOffset, type Plugin, type Span } from "./ast";
import type { Catalog, ResolvedOption } from "./catalog/catalog";
import type { OptionSpec, PluginKind, PluginSpec } from "./catalog/types";
import { findFieldOccurrences } from "./fieldOccurrences";
import { t } from "./l10n";
import type { ParseResult } from "./parse";
import { forEachPlugin } from "./walk";

export interface Hover {
  /** Markdown. */
  contents: string;
  range: Span;
}

export interface HoverOptions {
  catalog: Catalog;
  grokPatterns?: () => Map<string, string>;
  /** Turns an offset into a 1-based line number for "set on line N". */
  lineOf?: (offset: number) => number;
}


export function doHover(parsed: ParseResult, offset: number, options: HoverOptions): Hover | undefined {
  let found: Hover | undefined;
  forEachPlugin(parsed.config, (plugin, ctx) => {
    if (found || !containsOffset(plugin.range, offset)) return;
    const kind: PluginKind = ctx.parent ? "codec" : ctx.section;
    const spec = options.catalog.plugin(kind, plugin.name);
    if (containsOffset(plugin.nameRange, offset)) {
      if (spec) found = { contents: describePlugin(spec), range: plugin.nameRange };
      return;
    }
    for (const a of plugin.attributes) {
      if (containsOffset(a.nameRange, offset)) {
        const opt = spec?.allOptions.find((o) => o.name === a.name) ?? spec?.removedOptions.get(a.name) ?? spec?.laterOptions.get(a.name);
        if (opt) found = { contents: describeOption(opt, plugin.name), range: a.nameRange };
        return;
      }
    }
    if (kind === "filter" && plugin.name === "grok" && options.grokPatterns) found = grokHover(plugin, parsed.text, offset, options.grokPatterns);
  });
  return found ?? fieldHover(parsed, offset, options);
}

export function describePlugin(p: PluginSpec): string {
  const lines = [`**${p.name}** — ${t("{0} plugin", p.kind)}`];
  if (p.description) lines.push("", p.description);
  const facts: string[] = [];
  if (p.source) facts.push(`\`${p.source}\``);
  facts.push(p.bundled === false ? t("not bundled: install with `bin/logstash-plugin install`") : t("bundled with Logstash"));
  if (p.since) facts.push(t("since Logstash {0}", p.since));
  if (p.until) facts.push(t("removed in Logstash {0}", p.until));
  if (p.defaultCodec) facts.push(t("default codec `{0}`", p.defaultCodec));
  lines.push("", facts.join(" · "));
  const required = p.options.filter((o) => o.required && !o.obsolete).map((o) => "`" + o.name + "`");
  if (required.length) lines.push("", t("Required: {0}", required.join(", ")));
  return lines.join("\n");
}

export function describeOption(o: OptionSpec | ResolvedOption, plugin: string): string {
  const type = o.validate === "enum" ? (o.values ?? []).map((v) => `\`${v}\``).join(" · ") : `\`${o.validate}\`${o.list ? " " + t("(list)") : ""}`;
  const lines = [`**${o.name}** — ${type}`];
  if (o.description) lines.push("", o.description);
  const facts: string[] = [];
  if (o.required) facts.push(t("required"));
  if (o.default !== undefined && o.default !== null) facts.push(t("default: `{0}`", JSON.stringify(o.default)));
  else if (!o.required) facts.push(t("no default"));
  if (o.since) facts.push(t("since Logstash {0}", o.since));
  if (o.until) facts.push(t("removed in Logstash {0}", o.until));
  if ("common" in o && o.common) facts.push(t("common to all plugins of this kind"));
  lines.push("", facts.join(" · "));
  if (o.obsolete) lines.push("", "⛔ " + t("Obsolete: {0}", o.obsolete));
  else if (o.deprecated) lines.push("", "⚠️ " + t("Deprecated: {0}", o.deprecated));
  if (o.replacement) lines.push("", t("Use `{0}` instead.", o.replacement));
  return lines.join("\n");
}

function grokHover(plugin: Plugin, text: string, offset: number, patterns: () => Map<string, string>): Hover | undefined {
  // Find `%{NAME` around the offset inside the plugin's text.
  const body = text.slice(plugin.range.start, plugin.range.end);
  const re = /%\{(\w+)(?::[^}]*)?\}/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const start = plugin.range.start + m.index;
    const end = start + m[0].length;
    if (offset < start || offset > end) continue;
    const def = patterns().get(m[1]);
    if (!def) return undefined;
    return { contents: `**%{${m[1]}}**\n\n\`\`\`\n${def}\n\`\`\``, range: { start, end } };
  }
  return undefined;
}

function fieldHover(parsed: ParseResult, offset: number, options: HoverOptions): Hover | undefined {
  const occurrences = findFieldOccurrences(parsed.config);
  const here = occurrences.find((o) => containsOffset(o.range, offset));
  if (!here) return undefined;
  const writes = occurrences.filter((o) => o.key === here.key && o.access === "write");
  const name = here.path.map((p) => `[${p}]`).join("");
  const lines = [`**${name}**`];
  if (writes.length) {
    lines.push("", t("Set in this file:"));
    for (const w of writes.slice(0, 8)) {
      const line = options.lineOf ? options.lineOf(w.range.start) : undefined;
      lines.push(`- ${line ? t("line {0}", String(line)) : ""} ${sourceLabel(w.source)}`.trim());
    }
  } else {
    lines.push("", t("No filter in this file sets this field: it must come from the input or its codec."));
  }
  return { contents: lines.join("\n"), range: here.range };
}

function sourceLabel(source: string): string {
  switch (source) {
    case "grok":
      return t("grok capture");
    case "value":
      return t("option value");
    case "sprintf":
      return t("sprintf reference");
    default:
      return t("field reference");
  }
}
