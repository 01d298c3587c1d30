/**
 * What every simulated filter shares: its outcome, the context it runs in, and the decorations
 * (`filter_matched`) that Logstash applies only when the plugin itself calls them.
 */
import type { GeoipReader } from "../geoip/lookup";
import type { EcsCompatibility } from "../grok/patternLibrary";
import { addFieldValue, addTag, remove, removeTag, sprintf, valueToString, type SimEvent } from "./event";
import type { PluginOptions } from "./options";

export type FilterStatus = "applied" | "failed" | "dropped" | "skipped";

export interface FilterOutcome {
  status: FilterStatus;
  /** Why a filter failed or was skipped, or what it did (`grok matched pattern 0 on message`). */
  detail?: string;
  /**
   * Events the filter created (clone, split), already decorated. Logstash hands them to the filter
   * after this one; they never see the filters before it.
   */
  generated?: SimEvent[];
  /** The filter cancelled the event it was given (split does, after emitting the parts). */
  cancelled?: boolean;
}

export interface FilterContext {
  ecsCompatibility: EcsCompatibility;
  /** The JVM default zone Logstash would parse dates in when a date filter names none. */
  timezone: string;
  /** The JVM default locale (a BCP 47 tag). */
  locale: string;
  /** "Now" for the date filter's year guess. */
  now: Date;
  /** Reads a file named in the config (dictionary_path, geoip database), relative to the pipeline. */
  readFile(path: string): Buffer;
  /** The database the geoip filter uses when it has no `database` option. */
  geoipDatabasePath?: string | Partial<Record<"City" | "ASN", string>>;
  /** Opens (once per run) a MaxMind database. */
  openGeoip(path: string): GeoipReader;
  /** Texts of the `logsmith.grok.patternsPath` files, loaded over grok's built-in set. */
  grokPatterns?: readonly string[];
  /** Texts of the files a grok `patterns_dir` + `patterns_files_glob` select; absent: not readable here. */
  readPatternsDir?: (dirs: string[], glob: string) => string[];
  /** Per-run memo: dictionaries and parsed patterns keyed by plugin. */
  cache: Map<unknown, unknown>;
}

/** The plugin's own `ecs_compatibility`, else the pipeline's; v8 behaves as v1 in every plugin here. */
export function ecsOf(opts: PluginOptions, ctx: FilterContext): "disabled" | "v1" {
  const own = opts.string("ecs_compatibility") ?? ctx.ecsCompatibility;
  return own === "disabled" ? "disabled" : "v1";
}

/** Decorators.add_fields / remove_field / add_tags / remove_tags, in base.rb's order. */
export function filterMatched(event: SimEvent, opts: PluginOptions): void {
  for (const [field, value] of opts.pairs("add_field")) {
    const ref = sprintf(event, field);
    for (const v of Array.isArray(value) ? value : [value]) addFieldValue(event, ref, sprintf(event, valueToString(v)));
  }
  for (const field of opts.list("remove_field")) remove(event, sprintf(event, field));
  for (const tag of opts.list("add_tag")) addTag(event, sprintf(event, tag));
  for (const tag of opts.list("remove_tag")) removeTag(event, sprintf(event, tag));
}

export function tagAll(event: SimEvent, tags: readonly string[]): void {
  for (const tag of tags) addTag(event, tag);
}

/** The `tag_on_failure` option, or the plugin's default list. */
export function failureTags(opts: PluginOptions, fallback: string[]): string[] {
  return opts.has("tag_on_failure") ? opts.list("tag_on_failure") : fallback;
}

/** Memoised per run, per plugin instance and kind of thing (a compiled dictionary, a parser). */
export function memo<T>(ctx: FilterContext, key: object, kind: string, make: () => T): T {
  let perKey = ctx.cache.get(key) as Map<string, unknown> | undefined;
  if (!perKey) ctx.cache.set(key, (perKey = new Map()));
  if (perKey.has(kind)) return perKey.get(kind) as T;
  const value = make();
  perKey.set(kind, value);
  return value;
}

/** A configuration Logstash rejects at startup: the simulator reports the filter skipped with it. */
export class FilterConfigError extends Error {}
