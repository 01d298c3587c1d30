/**
 * The filters the simulator runs, each with its plugin's success/failure rules: `filter_matched`
 * (add_field, remove_field, add_tag, remove_tag) only runs when the plugin itself calls it.
 */
import type { Plugin } from "../ast";
import { GrokFilter, type GrokOptions } from "../grok/grokFilter";
import { isOnigurumaReady } from "../grok/onig";
import type { EcsCompatibility } from "../grok/patternLibrary";
import { runClone, runSplit } from "./clone";
import { FilterConfigError, filterMatched, memo, tagAll, type FilterContext, type FilterOutcome } from "./common";
import { runCsv } from "./csv";
import { runDate } from "./date";
import { runDeDot } from "./deDot";
import { runDissect } from "./dissect";
import { runFingerprint } from "./fingerprint";
import { runGeoip } from "./geoip";
import { t } from "../l10n";
import { skipReason } from "./offline";
import { runPrune } from "./prune";
import { runTranslate } from "./translate";
import { runTruncate } from "./truncate";
import { runUrldecode } from "./urldecode";
import { get, set, valueToString, type JsonObject, type JsonValue, type SimEvent } from "./event";
import { applyMutate } from "./mutate";
import { PluginOptions } from "./options";

export { filterMatched, type FilterContext, type FilterOutcome, type FilterStatus } from "./common";

export const SUPPORTED_FILTERS = [
  "grok", "mutate", "drop", "json", "kv", "clone", "split", "date", "geoip", "csv", "dissect", "translate",
  "fingerprint", "urldecode", "prune", "truncate", "de_dot",
] as const;

/**
 * Compiled grok filters by plugin, kept across runs (pipeline tests rerun the same parse), with the
 * pattern texts they were built from: a changed patternsPath or patterns_dir file rebuilds the filter.
 */
const grokCache = new WeakMap<Plugin, { patterns: string; filter: GrokFilter }>();

function grokOptions(opts: PluginOptions, ctx: FilterContext): GrokOptions {
  const match = opts.pairs("match").map(([field, p]): [string, string | string[]] => [field, Array.isArray(p) ? p.map(valueToString) : valueToString(p)]);
  const o: GrokOptions = { match, ecs_compatibility: (opts.string("ecs_compatibility") as EcsCompatibility | undefined) ?? ctx.ecsCompatibility };
  if (opts.has("break_on_match")) o.break_on_match = opts.bool("break_on_match", true);
  if (opts.has("named_captures_only")) o.named_captures_only = opts.bool("named_captures_only", true);
  if (opts.has("keep_empty_captures")) o.keep_empty_captures = opts.bool("keep_empty_captures", false);
  if (opts.has("overwrite")) o.overwrite = opts.list("overwrite");
  if (opts.has("target")) o.target = opts.string("target");
  if (opts.has("tag_on_failure")) o.tag_on_failure = opts.list("tag_on_failure");
  if (opts.has("pattern_definitions")) o.pattern_definitions = Object.fromEntries(opts.pairs("pattern_definitions").map(([k, v]) => [k, valueToString(v)]));
  return o;
}

function runGrok(plugin: Plugin, event: SimEvent, opts: PluginOptions, ctx: FilterContext): FilterOutcome {
  if (!isOnigurumaReady()) return { status: "skipped", detail: "the Oniguruma regex engine is not loaded" };
  let patternsDirTexts: string[] | undefined;
  if (opts.has("patterns_dir")) {
    if (!ctx.readPatternsDir) return { status: "skipped", detail: t("`patterns_dir` files are not read here (untrusted workspace)") };
    const read = memo(ctx, plugin, "patterns_dir", () => {
      try {
        return { texts: ctx.readPatternsDir!(opts.list("patterns_dir"), opts.string("patterns_files_glob", "*")!) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    });
    if (read.error !== undefined) return { status: "skipped", detail: t("Cannot read `patterns_dir`: {0}", read.error) };
    patternsDirTexts = read.texts;
  }
  const extra = ctx.grokPatterns ?? [];
  const key = [...extra, "\u0000", ...(patternsDirTexts ?? [])].join("\u0001");
  let filter = grokCache.get(plugin)?.patterns === key ? grokCache.get(plugin)!.filter : undefined;
  if (!filter) {
    const o = grokOptions(opts, ctx);
    if (extra.length) o.extra_patterns = [...extra];
    if (patternsDirTexts) o.patterns_dir_texts = patternsDirTexts;
    filter = new GrokFilter(o);
    grokCache.set(plugin, { patterns: key, filter });
  }
  const result = filter.apply(event);
  replaceContents(event, result.event);
  if (!result.matched) return { status: "failed", detail: result.timedOut ? "grok timed out" : "no pattern matched" };
  filterMatched(event, opts);
  const m = result.match!;
  return { status: "applied", detail: `pattern ${m.patternIndex} matched ${m.field}` };
}

function replaceContents(target: JsonObject, source: JsonObject): void {
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, source);
}

function runJson(event: SimEvent, opts: PluginOptions): FilterOutcome {
  const sourceRef = opts.string("source");
  if (!sourceRef) return { status: "skipped", detail: "json needs `source`" };
  const source = get(event, sourceRef);
  if (source === undefined || source === null || source === false) return { status: "applied", detail: `no \`${sourceRef}\` field: nothing to parse` };
  const tags = opts.has("tag_on_failure") ? opts.list("tag_on_failure") : ["_jsonparsefailure"];
  let parsed: JsonValue;
  try {
    if (typeof source !== "string") throw new Error("not a string");
    parsed = source.trim() === "" ? null : (JSON.parse(source) as JsonValue);
  } catch (error) {
    if (!opts.bool("skip_on_invalid_json", false)) tagAll(event, tags);
    return { status: "failed", detail: `invalid JSON in \`${sourceRef}\`: ${(error as Error).message}` };
  }
  const target = opts.string("target");
  if (target) set(event, target, parsed);
  else {
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      tagAll(event, tags);
      return { status: "failed", detail: "parsed JSON is not an object: it needs a `target`" };
    }
    for (const [k, v] of Object.entries(parsed)) event[k] = v;
  }
  filterMatched(event, opts);
  return { status: "applied" };
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\[^-]/g, (c) => `\\${c}`);
}

/** The kv filter's default scan: `key<value_split>value` pairs between `field_split` characters. */
function runKv(event: SimEvent, opts: PluginOptions): FilterOutcome {
  for (const unsupported of ["field_split_pattern", "value_split_pattern", "include_keys", "exclude_keys", "transform_key", "transform_value", "recursive"]) {
    if (opts.has(unsupported)) return { status: "skipped", detail: `kv option \`${unsupported}\` is not simulated` };
  }
  const sourceRef = opts.string("source", "message")!;
  const value = get(event, sourceRef);
  const fs = escapeClass(opts.string("field_split", " ")!);
  const vs = escapeClass(opts.string("value_split", "=")!);
  const prefix = opts.string("prefix", "")!;
  const found: [string, string][] = [];
  const texts = value === undefined || value === null ? [] : Array.isArray(value) ? value.map(valueToString) : [valueToString(value)];
  const re = new RegExp(`((?:\\\\ |[^${fs}${vs}])+)[${vs}](?:"([^"]*)"|'([^']*)'|\\(([^)]*)\\)|\\[([^\\]]*)\\]|<([^>]*)>|((?:\\\\ |[^${fs}])+))`, "g");
  for (const text of texts) {
    for (const m of text.matchAll(re)) {
      const v = m.slice(2).find((g) => g !== undefined) ?? "";
      if (v === "" && !opts.bool("allow_empty_values", false)) continue;
      found.push([m[1], v]);
    }
  }
  const result: JsonObject = {};
  for (const [k, v] of found) {
    const key = prefix + k;
    const prev = result[key];
    if (prev === undefined) result[key] = v;
    else if (Array.isArray(prev)) {
      if (opts.bool("allow_duplicate_values", true) || !prev.includes(v)) prev.push(v);
    } else if (opts.bool("allow_duplicate_values", true) || prev !== v) result[key] = [prev, v];
  }
  const target = opts.string("target");
  if (Object.keys(result).length) {
    if (target) set(event, target, result);
    else for (const [k, v] of Object.entries(result)) set(event, k, v);
  }
  filterMatched(event, opts);
  return { status: "applied", detail: `${found.length} pair(s)` };
}

/**
 * Runs one filter plugin on `event` in place. A configuration Logstash would refuse at startup makes
 * the filter skipped with Logstash's reason, the event untouched.
 */
export function runFilter(plugin: Plugin, event: SimEvent, ctx: FilterContext): FilterOutcome {
  let opts = optionsCache.get(plugin);
  if (!opts) optionsCache.set(plugin, (opts = new PluginOptions(plugin)));
  try {
    return dispatch(plugin, event, opts, ctx);
  } catch (error) {
    // Every filter checks its configuration before it touches the event.
    if (!(error instanceof FilterConfigError)) throw error;
    return { status: "skipped", detail: t("Logstash would refuse this configuration: {0}", error.message) };
  }
}

/** A plugin's options, read once per syntax tree (the tree is not changed once parsed). */
const optionsCache = new WeakMap<Plugin, PluginOptions>();

function dispatch(plugin: Plugin, event: SimEvent, opts: PluginOptions, ctx: FilterContext): FilterOutcome {
  switch (plugin.name) {
    case "grok":
      return runGrok(plugin, event, opts, ctx);
    case "mutate":
      try {
        const ran = applyMutate(event, opts);
        filterMatched(event, opts);
        return { status: "applied", detail: ran.length ? ran.join(", ") : undefined };
      } catch (error) {
        tagAll(event, opts.has("tag_on_failure") ? opts.list("tag_on_failure") : ["_mutate_error"]);
        return { status: "failed", detail: (error as Error).message };
      }
    case "drop":
      // `percentage` below 100 drops at random; the simulator always drops.
      return { status: "dropped" };
    case "json":
      return runJson(event, opts);
    case "kv":
      return runKv(event, opts);
    case "clone":
      return runClone(event, opts, ctx);
    case "split":
      return runSplit(event, opts);
    case "date":
      return runDate(plugin, event, opts, ctx);
    case "geoip":
      return runGeoip(event, opts, ctx);
    case "csv":
      return runCsv(event, opts, memo(ctx, plugin, "csv", () => ({})), ctx.timezone);
    case "dissect":
      return runDissect(plugin, event, opts, ctx);
    case "translate":
      return runTranslate(plugin, event, opts, ctx);
    case "fingerprint":
      return runFingerprint(event, opts, ctx);
    case "urldecode":
      return runUrldecode(event, opts);
    case "prune":
      return runPrune(event, opts);
    case "truncate":
      return runTruncate(event, opts);
    case "de_dot":
      return runDeDot(event, opts);
    default:
      return { status: "skipped", detail: skipReason(plugin.name) };
  }
}
