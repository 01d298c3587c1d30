import type { Attribute, Plugin, Span, StringLiteral, Value } from "../ast";
import type { Catalog, ResolvedOption, ResolvedPlugin } from "../catalog/catalog";
import type { PluginKind } from "../catalog/types";
import type { Issue, IssueData, Severity } from "../issue";

export interface ValidationOptions {
  /** `logsmith.logstashVersion`; newest when unset. */
  logstashVersion?: string;
  /** `logsmith.plugins.installed`: community plugins to treat as known. */
  installedPlugins?: string[];
  /** Texts of the `logsmith.grok.patternsPath` files (`--patterns-path`), loaded over the built-in set. */
  grokPatterns?: readonly string[];
}

/** One plugin being checked, with the catalog entry it resolved to (if any). */
export interface PluginUnderCheck {
  plugin: Plugin;
  kind: PluginKind;
  spec?: ResolvedPlugin;
  /** Options by name for this plugin in this version. */
  options: Map<string, ResolvedOption>;
}

export class Reporter {
  readonly issues: Issue[] = [];
  constructor(
    readonly catalog: Catalog,
    readonly text: string,
    readonly options: ValidationOptions = {},
  ) {}

  add(code: string, severity: Severity, message: string, range: Span, data?: IssueData, tags?: Issue["tags"]): void {
    const i: Issue = { code, severity, message, range };
    if (data) i.data = data;
    if (tags) i.tags = tags;
    this.issues.push(i);
  }
}

export type PluginRule = (p: PluginUnderCheck, r: Reporter) => void;

/** A string value's content span (inside the quotes) so diagnostics point at the text itself. */
export function contentSpan(s: StringLiteral): Span {
  return { start: s.range.start + 1, end: s.range.start + 1 + s.value.length };
}

export function attributeValue(plugin: Plugin, name: string): Value | undefined {
  return plugin.attributes.find((a: Attribute) => a.name === name)?.value;
}

/** The scalar text of a string, bareword or number value. */
export function scalarText(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === "string" || v.kind === "bareword") return v.value;
  if (v.kind === "number") return v.text;
  return undefined;
}
