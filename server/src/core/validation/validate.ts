/**
 * Catalog-driven validation of a parsed pipeline file: plugins, options, value types, and the checks
 * of specific plugins (date formats, mutate shapes, elasticsearch index names, grok patterns).
 */
import type { Config, Plugin } from "../ast";
import { getCatalog, type ResolvedOption } from "../catalog/catalog";
import type { PluginKind } from "../catalog/types";
import type { Issue } from "../issue";
import { forEachPlugin } from "../walk";
import { Reporter, type PluginRule, type PluginUnderCheck, type ValidationOptions } from "./context";
import { checkPluginKnown } from "./plugins";
import { checkOptionNames } from "./options";
import { checkValues } from "./values";
import { checkStrings } from "./strings";
import { checkElasticsearchIndex } from "./elasticsearchIndex";
import { checkDatePatterns } from "./datePatterns";
import { checkMutate } from "./mutate";
import { checkConditionRegexes } from "./conditions";
import { pluginRules } from "./pluginRules";

const rules: PluginRule[] = [checkOptionNames, checkValues, checkElasticsearchIndex, checkDatePatterns, checkMutate, ...pluginRules];

export function validateConfig(config: Config, text: string, options: ValidationOptions = {}): Issue[] {
  const catalog = getCatalog(options.logstashVersion, options.installedPlugins ?? []);
  const r = new Reporter(catalog, text, options);
  forEachPlugin(config, (plugin, ctx) => {
    const kind: PluginKind = ctx.parent ? "codec" : ctx.section;
    // A plugin block as the value of a non-codec option is already a type error on that option.
    if (ctx.parent && !isCodecValue(ctx.parent, plugin)) return;
    if (!checkPluginKnown(plugin, kind, r)) return;
    const spec = catalog.plugin(kind, plugin.name)!;
    const under: PluginUnderCheck = { plugin, kind, spec, options: new Map<string, ResolvedOption>(spec.allOptions.map((o) => [o.name, o])) };
    for (const rule of rules) rule(under, r);
  });
  checkStrings(config, r);
  checkConditionRegexes(config, r);
  return r.issues;
}

function isCodecValue(parent: Plugin, plugin: Plugin): boolean {
  return parent.attributes.some((a) => a.name === "codec" && a.value === plugin);
}

export type { ValidationOptions };
