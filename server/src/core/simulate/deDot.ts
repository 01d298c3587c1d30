/** logstash-filter-de_dot 1.x: dots in field names replaced by `separator`, or nested with `nested`. */
import { FilterConfigError, filterMatched, tagAll, type FilterOutcome } from "./common";
import { get, includes, remove, set, type SimEvent } from "./event";
import type { PluginOptions } from "./options";

/** The outermost bracketed part that holds a dot: the field to delete once it is copied. */
function refForDelete(source: string): string {
  let ref = "";
  for (const part of source.replace(/\[/g, "").split("]")) {
    if (part.includes(".")) return `${ref}[${part}]`;
    ref += `[${part}]`;
  }
  return ref;
}

export function runDeDot(event: SimEvent, opts: PluginOptions): FilterOutcome {
  let separator = opts.string("separator", "_")!;
  if (separator.includes(".")) throw new FilterConfigError("de_dot: separator cannot be or contain '.'");
  if (opts.bool("nested", false)) separator = "][";
  const recursive = opts.bool("recursive", false);
  const rename = (fieldref: string): void => {
    let ref = fieldref;
    if (separator === "][" || recursive) {
      if (!ref.startsWith("[")) ref = `[${ref}`;
      if (!ref.endsWith("]")) ref = `${ref}]`;
    }
    if (ref.includes(".")) {
      const renamed = ref.split(".").join(separator);
      set(event, renamed, get(event, ref) ?? null);
      remove(event, refForDelete(ref));
      ref = renamed;
    }
    if (recursive) {
      const content = get(event, ref);
      if (content !== null && typeof content === "object" && !Array.isArray(content)) for (const key of Object.keys(content)) rename(`${ref}[${key}]`);
    }
  };
  let renamed = 0;
  try {
    const fields = opts.has("fields") ? opts.list("fields") : Object.keys(event);
    for (const ref of fields) {
      if (!includes(event, ref)) continue;
      if (ref.includes(".") || recursive) {
        rename(ref);
        renamed++;
      }
    }
  } catch (error) {
    tagAll(event, [opts.string("tag_on_failure", "_de_dot_error")!]);
    return { status: "failed", detail: (error as Error).message };
  }
  filterMatched(event, opts);
  return { status: "applied", detail: `${renamed} field(s) renamed` };
}
