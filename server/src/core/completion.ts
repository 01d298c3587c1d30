/**
 * Completion: section names, plugins of the section, options of the plugin under the cursor (unused
 * and required ones first), values shaped by the option's type, codec names, grok pattern names inside
 * grok strings, and field references the pipeline produces.
 */
import type { Span } from "./ast";
import type { Catalog, ResolvedOption } from "./catalog/catalog";
import type { PluginKind } from "./catalog/types";
import { cursorContext } from "./cursorContext";
import { findFieldOccurrences } from "./fieldOccurrences";
import { t } from "./l10n";
import type { ParseResult } from "./parse";
import { describeOption, describePlugin } from "./hover";

export type CompletionKind = "keyword" | "plugin" | "option" | "value" | "codec" | "pattern" | "field" | "snippet";

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  isSnippet: boolean;
  sortText: string;
  deprecated?: boolean;
  /** The text the item replaces (the word being typed). */
  replace: Span;
}

export interface CompletionOptions {
  catalog: Catalog;
  /** Grok pattern names with their definitions, for the pattern set in effect. */
  grokPatterns?: () => Map<string, string>;
}

/** Fields every event can carry, before any filter adds its own. */
const EVENT_FIELDS = ["@timestamp", "@version", "message", "tags", "type", "host", "[@metadata]", "[event][original]", "[log][file][path]", "[host][name]"];

export function doComplete(parsed: ParseResult, offset: number, options: CompletionOptions): CompletionItem[] {
  const { text } = parsed;
  const ctx = cursorContext(text, offset);
  const { catalog } = options;
  switch (ctx.kind) {
    case "top":
      return ["input", "filter", "output"].map((s, i) => ({
        label: s,
        kind: "keyword" as const,
        insertText: `${s} {\n\t$0\n}`,
        isSnippet: true,
        sortText: String(i),
        replace: span(offset, ctx.prefix),
      }));
    case "statement":
      return [...pluginItems(catalog, ctx.section, offset, ctx.prefix), ...conditionalItems(offset, ctx.prefix)];
    case "optionName": {
      const plugin = catalog.plugin(ctx.pluginKind, ctx.plugin);
      if (!plugin) return [];
      return plugin.allOptions
        .filter((o) => !o.obsolete)
        .map((o) => optionItem(o, ctx.used.includes(o.name), offset, ctx.prefix, ctx.plugin));
    }
    case "optionValue": {
      const plugin = catalog.plugin(ctx.pluginKind, ctx.plugin);
      const opt = plugin?.allOptions.find((o) => o.name === ctx.option);
      if (!opt) return [];
      return valueItems(opt, catalog, offset, ctx.prefix, ctx.inString);
    }
    case "string": {
      const patternStart = ctx.before.lastIndexOf("%{");
      const open = patternStart >= 0 && !ctx.before.slice(patternStart).includes("}");
      if (open && ctx.plugin === "grok" && ctx.pluginKind === "filter" && ctx.option === "match" && options.grokPatterns) {
        const typed = ctx.before.slice(patternStart + 2);
        if (!typed.includes(":")) return patternItems(options.grokPatterns(), offset, typed);
      }
      if (open) {
        const typed = ctx.before.slice(patternStart + 2);
        return fieldItems(parsed, offset, typed, "sprintf");
      }
      return [];
    }
    case "condition": {
      if (ctx.inString) return [];
      const bracket = text.lastIndexOf("[", offset);
      const typed = bracket >= 0 && !text.slice(bracket, offset).includes("]") && !/\s/.test(text.slice(bracket, offset)) ? text.slice(bracket, offset) : "";
      return fieldItems(parsed, offset, typed, "selector");
    }
    default:
      return [];
  }
}

function span(offset: number, prefix: string): Span {
  return { start: offset - prefix.length, end: offset };
}

function pluginItems(catalog: Catalog, kind: PluginKind, offset: number, prefix: string): CompletionItem[] {
  return catalog.plugins(kind).map((p) => {
    const required = p.allOptions.filter((o) => o.required);
    const body = required.length
      ? required.map((o, i) => `\t${o.name} => ${valueSnippet(o, i + 1)}`).join("\n") + "\n\t$0"
      : "\t$0";
    return {
      label: p.name,
      kind: "plugin" as const,
      detail: t("{0} plugin", p.kind) + (p.bundled === false ? " · " + t("not bundled") : ""),
      documentation: describePlugin(p),
      insertText: `${p.name} {\n${body}\n}`,
      isSnippet: true,
      // Bundled plugins before the ones users must install.
      sortText: (p.bundled === false ? "1" : "0") + p.name,
      replace: span(offset, prefix),
    };
  });
}

function conditionalItems(offset: number, prefix: string): CompletionItem[] {
  return [
    { label: "if", insertText: "if ${1:[field]} ${2|==,!=,=~,in|} ${3:\"value\"} {\n\t$0\n}" },
    { label: "if … else", insertText: "if ${1:[field]} ${2|==,!=,=~,in|} ${3:\"value\"} {\n\t$4\n} else {\n\t$0\n}" },
  ].map((x) => ({ ...x, kind: "snippet" as const, isSnippet: true, sortText: "2" + x.label, replace: span(offset, prefix) }));
}

function optionItem(o: ResolvedOption, used: boolean, offset: number, prefix: string, plugin: string): CompletionItem {
  // Required and unused first, then unused plugin options, then common ones, then those already set.
  const rank = used ? "4" : o.required ? "0" : o.deprecated ? "3" : o.common ? "2" : "1";
  return {
    label: o.name,
    kind: "option",
    detail: (o.required ? t("required") + " · " : "") + typeLabel(o),
    documentation: describeOption(o, plugin),
    insertText: `${o.name} => ${valueSnippet(o, 1)}`,
    isSnippet: true,
    sortText: rank + o.name,
    deprecated: !!o.deprecated,
    replace: span(offset, prefix),
  };
}

export function typeLabel(o: ResolvedOption): string {
  if (o.validate === "enum") return (o.values ?? []).map(String).join(" | ");
  return o.list ? t("list of {0}", o.validate) : o.validate;
}

function escapeChoice(v: string): string {
  return v.replace(/[,|\\$}]/g, (c) => "\\" + c);
}

/** A snippet for the value of an option, shaped by its type and seeded with its default. */
function valueSnippet(o: ResolvedOption, n: number): string {
  const def = o.default;
  switch (o.validate) {
    case "boolean":
      return def === true ? `\${${n}|true,false|}` : `\${${n}|false,true|}`;
    case "number":
      return `\${${n}:${typeof def === "number" ? def : 0}}`;
    case "enum": {
      const values = (o.values ?? []).map(String);
      const ordered = typeof def === "string" ? [def, ...values.filter((v) => v !== def)] : values;
      return `"\${${n}|${ordered.map(escapeChoice).join(",")}|}"`;
    }
    case "hash":
      return `{\n\t\t"\${${n}:key}" => "\${${n + 1}:value}"\n\t}`;
    case "array":
      return `[\${${n}}]`;
    case "codec":
      return `\${${n}:${typeof def === "string" ? def : "json"}}`;
    default:
      return o.list ? `["\${${n}}"]` : `"\${${n}${typeof def === "string" && def ? ":" + def.replace(/[$}\\]/g, "\\$&") : ""}}"`;
  }
}

function valueItems(o: ResolvedOption, catalog: Catalog, offset: number, prefix: string, inString: boolean): CompletionItem[] {
  const item = (label: string, insert: string, i: number, kind: CompletionKind = "value", documentation?: string): CompletionItem => ({
    label,
    kind,
    insertText: insert,
    isSnippet: false,
    sortText: String(i).padStart(3, "0"),
    documentation,
    replace: span(offset, prefix),
  });
  if (o.validate === "enum") {
    return (o.values ?? []).map((v, i) => item(String(v), inString ? String(v) : typeof v === "string" ? `"${v}"` : String(v), i));
  }
  if (o.validate === "boolean") return ["true", "false"].map((v, i) => item(v, v, i));
  if (o.validate === "codec" && !inString) {
    return catalog.plugins("codec").map((c, i) => item(c.name, c.name, i, "codec", describePlugin(c)));
  }
  return [];
}

function patternItems(patterns: Map<string, string>, offset: number, typed: string): CompletionItem[] {
  return [...patterns.entries()].map(([name, def]) => ({
    label: name,
    kind: "pattern" as const,
    detail: def.length > 60 ? def.slice(0, 57) + "…" : def,
    documentation: "```\n" + def + "\n```",
    insertText: name,
    isSnippet: false,
    sortText: name,
    replace: span(offset, typed),
  }));
}

/** Field references: what the pipeline writes (grok captures, add_field, rename …) plus event basics. */
function fieldItems(parsed: ParseResult, offset: number, typed: string, style: "selector" | "sprintf"): CompletionItem[] {
  const written = new Map<string, string[]>();
  for (const occ of findFieldOccurrences(parsed.config)) {
    if (occ.access === "write" && !written.has(occ.key)) written.set(occ.key, occ.path);
  }
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const push = (ref: string, detail: string, rank: string) => {
    if (seen.has(ref)) return;
    seen.add(ref);
    items.push({ label: ref, kind: "field", detail, insertText: ref, isSnippet: false, sortText: rank + ref, replace: span(offset, typed) });
  };
  for (const path of written.values()) push(style === "selector" || path.length > 1 ? path.map((p) => `[${p}]`).join("") : path[0], t("set by this pipeline"), "0");
  for (const f of EVENT_FIELDS) {
    const asSelector = f.startsWith("[") ? f : `[${f}]`;
    push(style === "selector" ? asSelector : f, t("event field"), "1");
  }
  return items;
}
