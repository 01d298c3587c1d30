/**
 * The plugin catalog as the validator, completion and hover see it: every plugin and option of one
 * Logstash version, with the version's defaults, deprecations and removals already applied.
 */
import inputs from "./data/inputs.json";
import filters from "./data/filters.json";
import outputs from "./data/outputs.json";
import codecs from "./data/codecs.json";
import common from "./data/common.json";
import type { CommonOptions, OptionSpec, PluginKind, PluginSpec } from "./types";
import { compareVersions, NEWEST, normalizeVersion } from "./versions";

export const allPlugins: readonly PluginSpec[] = [
  ...(inputs as PluginSpec[]),
  ...(filters as PluginSpec[]),
  ...(outputs as PluginSpec[]),
  ...(codecs as PluginSpec[]),
];
export const commonOptions = common as CommonOptions;

/** An option as it is in one Logstash version; `removedIn` is set for options that no longer exist. */
export interface ResolvedOption extends OptionSpec {
  /** The option was declared by logstash-core for every plugin of the kind. */
  common?: boolean;
}

export interface ResolvedPlugin extends PluginSpec {
  /** Plugin-specific options first, then the common ones the plugin does not override. */
  allOptions: ResolvedOption[];
  /** Options this version no longer has, with the version that dropped them (for a precise message). */
  removedOptions: Map<string, OptionSpec>;
  /** Options that only later versions have. */
  laterOptions: Map<string, OptionSpec>;
}

/** True when `version` falls inside `[since, until)`. */
export function inVersionRange(spec: { since?: string; until?: string }, version: string): boolean {
  if (spec.since && compareVersions(version, spec.since) < 0) return false;
  if (spec.until && compareVersions(version, spec.until) >= 0) return false;
  return true;
}

/** Applies an option's history: every entry whose `until` lies above `version`, oldest last. */
export function resolveOption(option: OptionSpec, version: string): OptionSpec {
  if (!option.history?.length) return option;
  const applicable = option.history
    .filter((h) => compareVersions(version, h.until) < 0)
    .sort((a, b) => compareVersions(b.until, a.until));
  if (!applicable.length) return option;
  let out: OptionSpec = { ...option };
  for (const h of applicable) {
    const { until: _until, ...changes } = h;
    out = { ...out, ...changes };
  }
  return out;
}

export class Catalog {
  readonly version: string;
  private readonly byKind = new Map<PluginKind, Map<string, ResolvedPlugin>>();
  private readonly otherVersions = new Map<string, PluginSpec[]>();
  private readonly extra: Set<string>;

  constructor(version?: string, installedPlugins: string[] = []) {
    this.version = normalizeVersion(version);
    this.extra = new Set(installedPlugins);
    for (const kind of ["input", "filter", "output", "codec"] as const) this.byKind.set(kind, new Map());
    for (const plugin of allPlugins) {
      if (!inVersionRange(plugin, this.version)) {
        const list = this.otherVersions.get(plugin.name) ?? [];
        list.push(plugin);
        this.otherVersions.set(plugin.name, list);
        continue;
      }
      this.byKind.get(plugin.kind)!.set(plugin.name, this.resolvePlugin(plugin));
    }
  }

  plugin(kind: PluginKind, name: string): ResolvedPlugin | undefined {
    return this.byKind.get(kind)!.get(name);
  }

  plugins(kind: PluginKind): ResolvedPlugin[] {
    return [...this.byKind.get(kind)!.values()];
  }

  /** Kinds under which a plugin of this name exists in this version (to say "grok is a filter"). */
  kindsOf(name: string): PluginKind[] {
    return (["input", "filter", "output", "codec"] as const).filter((k) => this.byKind.get(k)!.has(name));
  }

  /** The same plugin in other Logstash versions (added later, or removed). */
  otherVersionsOf(name: string): PluginSpec[] {
    return this.otherVersions.get(name) ?? [];
  }

  /** Plugins named in `logsmith.plugins.installed` (community plugins): known, but with unknown options. */
  isInstalledExtra(kind: PluginKind, name: string): boolean {
    return this.extra.has(name) || this.extra.has(`logstash-${kind}-${name}`);
  }

  commonOptions(kind: PluginKind): ResolvedOption[] {
    return commonOptions[kind]
      .filter((o) => inVersionRange(o, this.version))
      .map((o) => ({ ...resolveOption(o, this.version), common: true }));
  }

  private resolvePlugin(plugin: PluginSpec): ResolvedPlugin {
    const own = new Map<string, ResolvedOption>();
    const removedOptions = new Map<string, OptionSpec>();
    const laterOptions = new Map<string, OptionSpec>();
    for (const o of plugin.options) {
      if (inVersionRange(o, this.version)) own.set(o.name, resolveOption(o, this.version));
      else if (o.until && compareVersions(this.version, o.until) >= 0) removedOptions.set(o.name, o);
      else laterOptions.set(o.name, o);
    }
    const allOptions: ResolvedOption[] = [...own.values()];
    for (const c of this.commonOptions(plugin.kind)) {
      // logstash-core gives every plugin `ecs_compatibility`; a plugin that supports ECS narrows the values.
      if (c.name === "ecs_compatibility" && plugin.ecsCompatibility?.length) {
        if (!own.has(c.name)) allOptions.push({ ...c, validate: "enum", values: plugin.ecsCompatibility });
        continue;
      }
      if (!own.has(c.name)) allOptions.push(c);
    }
    return { ...plugin, allOptions, removedOptions, laterOptions };
  }
}

const cache = new Map<string, Catalog>();

/** One catalog per version and extra-plugin list; building one resolves every option once. */
export function getCatalog(version?: string, installedPlugins: string[] = []): Catalog {
  const key = normalizeVersion(version) + "|" + installedPlugins.join(",");
  let c = cache.get(key);
  if (!c) {
    c = new Catalog(version, installedPlugins);
    cache.set(key, c);
  }
  return c;
}

export { NEWEST };
