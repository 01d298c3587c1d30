/**
 * logstash-filter-prune 3.x: top-level fields kept or removed by name (unanchored regexes) and by
 * value. `@timestamp` and `@version` are names like any other: a whitelist must name them to keep them.
 */
import { filterMatched, type FilterOutcome } from "./common";
import { remove, set, sprintf, valueToString, type JsonValue, type SimEvent } from "./event";
import type { PluginOptions } from "./options";
import { rubyRegex } from "./regex";

const DEFAULT_BLACKLIST = ["%\\{[^}]+\\}"];

function anyMatches(patterns: string[], text: string): boolean {
  return patterns.some((p) => rubyRegex(p).test(text));
}

type Removal = string | { key: string; values: JsonValue[] };

export function runPrune(event: SimEvent, opts: PluginOptions): FilterOutcome {
  const interpolate = opts.bool("interpolate", false);
  const expand = (s: string) => (interpolate ? sprintf(event, s) : s);
  const whitelist = opts.list("whitelist_names").map(expand);
  const blacklist = (opts.has("blacklist_names") ? opts.list("blacklist_names") : DEFAULT_BLACKLIST).map(expand);
  // event.to_hash leaves @metadata out, so prune never touches it.
  const { "@metadata": _metadata, ...hash } = event;
  const toRemove: Removal[] = [];
  if (whitelist.length) for (const field of Object.keys(hash)) if (!anyMatches(whitelist, field)) toRemove.push(field);
  if (blacklist.length) for (const field of Object.keys(hash)) if (anyMatches(blacklist, field)) toRemove.push(field);

  const byValue = (option: string, keepWhenMatching: boolean) => {
    for (const [rawKey, rawPattern] of opts.pairs(option)) {
      const key = expand(rawKey);
      const re = rubyRegex(expand(valueToString(rawPattern)));
      const value = hash[key];
      if (value === undefined || value === null || value === false) continue;
      // Ruby's `match` exists on strings only: other values are turned into text here.
      const hit = (v: JsonValue) => re.test(typeof v === "string" ? v : valueToString(v));
      if (Array.isArray(value)) {
        const drop = value.filter((v) => hit(v) !== keepWhenMatching);
        if (drop.length) toRemove.push(drop.length === value.length ? key : { key, values: drop });
      } else if (hit(value) !== keepWhenMatching) toRemove.push(key);
    }
  };
  byValue("whitelist_values", true);
  byValue("blacklist_values", false);

  let removed = 0;
  for (const r of toRemove) {
    if (typeof r === "string") {
      // `event.remove(name)` takes the name as a field reference, as the plugin does.
      if (Object.prototype.hasOwnProperty.call(event, r)) {
        delete event[r];
        removed++;
      } else if (remove(event, r) !== undefined) removed++;
    } else {
      const current = hash[r.key] as JsonValue[];
      set(event, r.key, current.filter((v) => !r.values.some((x) => JSON.stringify(x) === JSON.stringify(v))));
    }
  }
  filterMatched(event, opts);
  return { status: "applied", detail: `${removed} field(s) removed` };
}
