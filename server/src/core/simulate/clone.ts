/**
 * logstash-filter-clone 4.x and logstash-filter-split 3.x: filters that emit new events. Each new
 * event is decorated (filter_matched) and continues from the next filter; split cancels the original.
 */
import { addTag, getPath, refPath, removePath, setPath, type JsonValue, type SimEvent } from "./event";
import { FilterConfigError, ecsOf, filterMatched, type FilterContext, type FilterOutcome } from "./common";
import type { PluginOptions } from "./options";

/**
 * Legacy mode sets `type` on each clone; ECS mode (v1, v8) leaves `type` alone and adds the clone
 * name as a tag instead. The original event passes unchanged, without add_field & co.
 */
export function runClone(event: SimEvent, opts: PluginOptions, ctx: FilterContext): FilterOutcome {
  if (!opts.has("clones")) throw new FilterConfigError("clone needs `clones` (a required setting)");
  const ecs = ecsOf(opts, ctx) !== "disabled";
  const generated = opts.list("clones").map((name) => {
    const clone = structuredClone(event);
    if (ecs) {
      // Array(tags) << name: appended even when the tag is already there.
      const tags = clone.tags;
      clone.tags = [...(tags === undefined || tags === null ? [] : Array.isArray(tags) ? tags : [tags]), name];
    } else clone.type = name;
    filterMatched(clone, opts);
    return clone;
  });
  const detail = generated.length ? `${generated.length} clone(s)` : "`clones` is empty: no clones";
  return { status: "applied", detail, generated };
}

const SPLIT_FAILURE = "_split_type_failure";

/** Ruby's String#split(sep, -1): trailing empty parts kept; an empty separator splits characters. */
export function rubySplitAll(s: string, sep: string): string[] {
  // An empty string splits into no parts at all.
  if (s === "") return [];
  if (sep === "") return [...s];
  if (sep === " ") return s.replace(/^\s+/, "").split(/\s+/);
  return s.split(sep);
}

export function runSplit(event: SimEvent, opts: PluginOptions): FilterOutcome {
  const field = opts.string("field", "message")!;
  const target = opts.string("target");
  const terminator = opts.string("terminator", "\n")!;
  const path = refPath(field);
  const original = getPath(event, path);
  let splits: JsonValue[];
  if (Array.isArray(original)) {
    // Without a target the array leaves the original (each part then writes the field back).
    splits = target === undefined ? (removePath(event, path) as JsonValue[]) : original;
  } else if (typeof original === "string") splits = rubySplitAll(original, terminator);
  else {
    addTag(event, SPLIT_FAILURE);
    return { status: "failed", detail: `\`${field}\` is ${original === undefined ? "missing" : "not a string or an array"}: only strings and arrays are split` };
  }
  if (splits.length === 1 && typeof original === "string") return { status: "applied", detail: "one part: the event is left as it is" };
  const targetPath = refPath(target ?? field);
  const generated: SimEvent[] = [];
  for (const value of splits) {
    if (value === null || value === "") continue;
    const part = structuredClone(event);
    setPath(part, targetPath, structuredClone(value));
    filterMatched(part, opts);
    generated.push(part);
  }
  return { status: "applied", detail: `${generated.length} part(s); the original is cancelled`, generated, cancelled: true };
}
