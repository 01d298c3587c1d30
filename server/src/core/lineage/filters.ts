/**
 * What each filter does to the set of fields: what it adds (and from what), renames, removes, and where
 * it may add fields we cannot name (an open subtree). Plugins not modelled here open the whole event, so
 * nothing after them is reported.
 */
import type { Plugin } from "../ast";
import { findGrokCaptures } from "../fieldRefs";
import { compileGrok, loadPatternSet } from "../grok";
import { t } from "../l10n";
import { FieldState } from "./fieldState";
import { hashEntries, option, staticPath, stringList, stringOption, valueText } from "./options";
import type { OriginStep } from "./types";

export interface FilterContext {
  /** File the plugin is written in. */
  path: string;
}

export interface FilterEffect {
  /** Before the plugin: what its field options (`source`, `match`…) read. */
  before: FieldState;
  /** After the plugin's own work, before `add_field`/`remove_field`: what its own options may read. */
  main: FieldState;
  /** After the whole plugin. */
  after: FieldState;
}

/** Filters that never add or remove fields (in-place rewrites, event flow, lookups into fields they name). */
const NEUTRAL = new Set(["drop", "urldecode", "truncate", "prune", "sleep", "throttle", "uuid_noop", "dns", "cidr", "split", "fingerprint", "uuid", "syslog_pri", "environment", "age", "bytes", "de_dot"]);

/** Filters whose own options name fields they read (and so may be reported). */
export const MODELLED = new Set(["grok", "json", "kv", "dissect", "csv", "mutate", "date", "geoip", "translate", "clone", "useragent", ...NEUTRAL]);

export function applyFilter(plugin: Plugin, before: FieldState, ctx: FilterContext): FilterEffect {
  const step: OriginStep = { label: plugin.name, path: ctx.path, range: plugin.nameRange };
  const s = before.clone();
  const add = (path: string[] | undefined, chain: OriginStep[] = [step]) => path && s.add(path, chain);
  const openUnder = (path: string[] = []) => s.openSubtree(path, [step]);
  const from = (path: string[] | undefined): OriginStep[] => {
    // A field derived from another keeps the other's first chain, so hover shows the whole way.
    const fact = path ? before.lookup(path) : undefined;
    return fact ? [...fact.chains[0], step] : [step];
  };

  switch (plugin.name) {
    case "grok":
      grokFields(plugin, s, step, from);
      break;
    case "json": {
      const target = staticPath(stringOption(plugin, "target"));
      const source = staticPath(stringOption(plugin, "source") ?? "message");
      const formats = source ? before.lookup(source)?.formats : undefined;
      const members = formats?.length && formats.every((f) => f.json && f.jsonMembers) ? formats.flatMap((f) => f.jsonMembers!) : undefined;
      if (members) for (const m of members) add([...(target ?? []), m.key], from(source));
      else openUnder(target);
      if (target) add(target, from(source));
      break;
    }
    case "kv":
    case "xml":
      openUnder(staticPath(stringOption(plugin, "target")));
      break;
    case "dissect":
      for (const e of hashEntries(plugin, "mapping")) dissectFields(valueText(e.value) ?? "", s, step, from(staticPath(valueText(e.key))));
      break;
    case "csv": {
      const target = staticPath(stringOption(plugin, "target")) ?? [];
      const columns = stringList(plugin, "columns");
      if (!columns.length || stringOption(plugin, "autodetect_column_names") === "true") openUnder(target);
      // Lines with more values than columns get `columnN` names.
      else s.openSubtree(target, [step]);
      const source = staticPath(stringOption(plugin, "source") ?? "message");
      for (const c of columns) add([...target, ...(staticPath(c) ?? [c])], from(source));
      break;
    }
    case "mutate":
      mutateFields(plugin, s, before, step);
      break;
    case "date":
      add(staticPath(stringOption(plugin, "target") ?? "@timestamp"), from(staticPath(valueText(matchFirst(plugin)))));
      break;
    case "geoip": {
      const source = stringOption(plugin, "source");
      const chain = from(staticPath(source));
      // Legacy mode: `geoip`; ECS mode: the parent of a `[…][ip]` source (otherwise ECS mode needs a target).
      const ecsTarget = source?.endsWith("[ip]") && source.length > 4 ? staticPath(source.slice(0, -4)) : undefined;
      const explicit = staticPath(stringOption(plugin, "target"));
      for (const p of explicit ? [explicit] : ecsTarget ? [["geoip"], ecsTarget] : [["geoip"]]) {
        add(p, chain);
        s.openSubtree(p, chain);
      }
      break;
    }
    case "useragent": {
      const target = staticPath(stringOption(plugin, "target"));
      const chain = from(staticPath(stringOption(plugin, "source")));
      if (target) {
        add(target, chain);
        s.openSubtree(target, chain);
      } else {
        for (const n of ["name", "os", "os_name", "os_major", "os_minor", "os_full", "os_version", "device", "major", "minor", "patch", "build", "version"]) add([n], chain);
        add(["user_agent"], chain);
        s.openSubtree(["user_agent"], chain);
      }
      break;
    }
    case "translate": {
      const source = staticPath(stringOption(plugin, "source") ?? stringOption(plugin, "field"));
      const target = staticPath(stringOption(plugin, "target") ?? stringOption(plugin, "destination"));
      // Legacy default `translation`; ECS mode writes back into the source field.
      add(target ?? ["translation"], from(source));
      break;
    }
    case "clone":
      add(["type"], [step]);
      break;
    default:
      if (!NEUTRAL.has(plugin.name)) openUnder([]);
  }
  const decorated = ["add_field", "add_tag", "remove_field"].some((o) => option(plugin, o));
  // Decorations apply to a copy only when there are any: the state is cloned per filter otherwise already.
  const main = decorated ? s.clone() : s;
  // Decorations every filter takes, applied when it succeeds.
  for (const e of hashEntries(plugin, "add_field")) {
    const key = valueText(e.key);
    const path = staticPath(key);
    if (path) s.add(path, [{ ...step, label: t("{0} add_field", plugin.name) }]);
    else if (key?.includes("%{")) s.openSubtree([], [step]);
  }
  if (option(plugin, "add_tag")) add(["tags"]);
  for (const f of stringList(plugin, "remove_field")) {
    const path = staticPath(f);
    if (path) s.remove(path, { ...step, label: t("{0} remove_field", plugin.name) });
  }
  return { before, main, after: s };
}

function matchFirst(plugin: Plugin) {
  const m = option(plugin, "match");
  return m?.kind === "array" ? m.elements[0] : undefined;
}

const patternSets = new Map<string, ReadonlyMap<string, string>>();
function patterns(set: "legacy" | "ecs-v1"): ReadonlyMap<string, string> {
  let p = patternSets.get(set);
  if (!p) patternSets.set(set, (p = loadPatternSet(set)));
  return p;
}

const captureCache = new Map<string, { field: string; groupName: string }[] | undefined>();

/** Captures of a pattern under each pattern set (union), undefined when no set can expand it. Cached: pure. */
function grokCaptures(pattern: string, defs: [string, string][], sets: ("legacy" | "ecs-v1")[]): { field: string; groupName: string }[] | undefined {
  const key = JSON.stringify([pattern, defs, sets]);
  if (captureCache.has(key)) return captureCache.get(key);
  let out: { field: string; groupName: string }[] | undefined;
  for (const set of sets) {
    try {
      const compiled = compileGrok(pattern, defs.length ? new Map([...patterns(set), ...defs]) : patterns(set));
      out = [...(out ?? []), ...compiled.captures.map((c) => ({ field: c.field, groupName: c.groupName }))];
    } catch {
      // Unknown to this set; the other set or the caller's fallback answers.
    }
  }
  if (captureCache.size > 500) captureCache.clear();
  captureCache.set(key, out);
  return out;
}

/**
 * grok's captures: expanded with the built-in patterns of both naming schemes (the plugin picks one by
 * `ecs_compatibility`, which depends on the Logstash version) plus `pattern_definitions`. A pattern that
 * cannot be expanded (a `patterns_dir` pattern) may capture anything: the event is opened.
 */
function grokFields(plugin: Plugin, s: FieldState, step: OriginStep, from: (path: string[] | undefined) => OriginStep[]): void {
  const defs = hashEntries(plugin, "pattern_definitions").flatMap((e) => {
    const k = valueText(e.key);
    const v = valueText(e.value);
    return k !== undefined && v !== undefined ? [[k, v] as [string, string]] : [];
  });
  const ecs = stringOption(plugin, "ecs_compatibility");
  const sets: ("legacy" | "ecs-v1")[] = ecs === "disabled" ? ["legacy"] : ecs === "v1" || ecs === "v8" ? ["ecs-v1"] : ["legacy", "ecs-v1"];
  const target = staticPath(stringOption(plugin, "target")) ?? [];
  const pats: { pattern: string; source: OriginStep[] }[] = [];
  for (const e of hashEntries(plugin, "match")) {
    const v = e.value;
    // The capture continues the chain of the field it was matched in (`message` ← the log line).
    const source = from(staticPath(valueText(e.key))).slice(0, -1);
    for (const p of v?.kind === "array" ? v.elements : v ? [v] : []) if (p.kind === "string") pats.push({ pattern: p.value, source });
  }
  for (const { pattern, source } of pats) {
    const captures = grokCaptures(pattern, defs, sets);
    for (const c of captures ?? []) {
      const path = staticPath(c.field);
      if (path) s.add([...target, ...path], [...source, { ...step, label: t("grok capture `{0}`", c.groupName) }]);
    }
    if (!captures) {
      for (const c of findGrokCaptures(pattern)) s.add([...target, ...c.path], [...source, step]);
      s.openSubtree(target, [step]);
    }
  }
  if (!pats.length) s.openSubtree(target, [step]);
}

/** `%{field}`, `%{+field}`, `%{+field/2}`, `%{field->}`; `%{?skip}` adds nothing; `%{&k}` names keys at run time. */
function dissectFields(mapping: string, s: FieldState, step: OriginStep, chain: OriginStep[]): void {
  for (const m of mapping.matchAll(/%\{([^}]*)\}/g)) {
    let key = m[1].replace(/->$/, "").replace(/\/\d+$/, "");
    if (key === "" || key.startsWith("?")) continue;
    if (key.startsWith("&") || key.startsWith("*")) {
      s.openSubtree([], [step]);
      continue;
    }
    key = key.replace(/^\+/, "");
    const path = staticPath(key);
    if (path) s.add(path, chain);
  }
}

/** mutate in its fixed order; only the operations that add, move or remove fields matter here. */
function mutateFields(plugin: Plugin, s: FieldState, before: FieldState, step: OriginStep): void {
  const withLabel = (label: string): OriginStep => ({ ...step, label });
  for (const e of hashEntries(plugin, "rename")) {
    const src = staticPath(valueText(e.key));
    const dst = staticPath(valueText(e.value));
    if (!src || !dst) continue;
    const fact = s.lookup(src) ?? before.lookup(src);
    const chain = [...(fact?.chains[0] ?? []), withLabel(t("mutate rename from {0}", valueText(e.key)!))];
    s.remove(src, withLabel(t("mutate rename to {0}", valueText(e.value)!)));
    s.add(dst, chain, fact?.formats);
    if (s.openOver(src)) s.openSubtree(dst, chain);
  }
  for (const op of ["update", "replace"]) {
    for (const e of hashEntries(plugin, op)) {
      const dst = staticPath(valueText(e.key));
      // `update` only touches existing fields; `replace` creates the field.
      if (dst && op === "replace") s.add(dst, [withLabel(t("mutate replace"))]);
    }
  }
  for (const e of hashEntries(plugin, "copy")) {
    const src = staticPath(valueText(e.key));
    const dst = staticPath(valueText(e.value));
    if (!src || !dst) continue;
    const fact = s.lookup(src);
    s.add(dst, [...(fact?.chains[0] ?? []), withLabel(t("mutate copy from {0}", valueText(e.key)!))], fact?.formats);
  }
  for (const e of hashEntries(plugin, "merge")) {
    const dst = staticPath(valueText(e.key));
    if (dst) s.add(dst, [withLabel(t("mutate merge"))]);
  }
}
