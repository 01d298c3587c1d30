/**
 * logstash-filter-translate 3.4: a value looked up in an inline `dictionary` or a `dictionary_path`
 * file (YAML, JSON or CSV), exact, by regex key, or (exact => false) by replacing every key found in
 * the text; `fallback`, `override`, `iterate_on`; `field`/`destination` as the old names of
 * `source`/`target`. The target defaults to `translation`, in ECS mode to the source itself.
 */
import { isMap, isScalar, parseDocument } from "yaml";
import { FilterConfigError, ecsOf, filterMatched, memo, type FilterContext, type FilterOutcome } from "./common";
import { parseCsvLine } from "./csv";
import { get, includes, set, sprintf, valueToString, type JsonObject, type JsonValue, type SimEvent } from "./event";
import type { PluginOptions } from "./options";
import { rubyRegex } from "./regex";

type Dictionary = Map<string, JsonValue>;
type Fetch = (source: string) => { value: JsonValue } | undefined;

/** A dictionary file as the plugin loads it; the format comes from the extension. */
export function loadDictionaryFile(path: string, text: string): Dictionary {
  const dict: Dictionary = new Map();
  const body = text.replace(/^\uFEFF/, "");
  if (/\.ya?ml$/.test(path)) {
    const doc = parseDocument(body);
    if (doc.errors.length) throw new Error(doc.errors[0].message);
    const root = doc.contents;
    if (root !== null) {
      if (!isMap(root)) throw new Error(`the YAML dictionary ${path} is not a mapping`);
      const data = doc.toJS() as JsonObject;
      for (const item of root.items) {
        // Psych turns `200:` into an Integer key, which a (string) source value never equals.
        const key = isScalar(item.key) ? item.key.value : undefined;
        if (typeof key === "string") dict.set(key, data[key] ?? null);
      }
    }
  } else if (path.endsWith(".json")) {
    if (body.trim() !== "") for (const [k, v] of Object.entries(JSON.parse(body) as JsonObject)) dict.set(k, v);
  } else if (path.endsWith(".csv")) {
    for (const line of body.split(/\r?\n/)) {
      if (line === "") continue;
      const row = parseCsvLine(line, ",", '"') ?? [];
      dict.set(row[0] ?? "", row[1] ?? null);
    }
  } else throw new FilterConfigError(`Translate: Dictionary ${path} has a non valid format`);
  return dict;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

function fetcher(dict: Dictionary, exact: boolean, regex: boolean): Fetch {
  const clone = (v: JsonValue) => structuredClone(v);
  if (exact && regex) {
    const keys = [...dict.keys()];
    return (source) => {
      const key = keys.find((k) => rubyRegex(k).test(source));
      return key === undefined ? undefined : { value: clone(dict.get(key)!) };
    };
  }
  if (exact) return (source) => (dict.has(source) ? { value: clone(dict.get(source)!) } : undefined);
  // Regexp.union of string keys matches them literally, earlier keys first at each position.
  const keys = [...dict.keys()];
  if (keys.length === 0) return () => undefined;
  const union = new RegExp(keys.map(escapeRegex).join("|"), "g");
  return (source) => {
    const value = source.replace(union, (m) => valueToString(dict.get(m) ?? ""));
    return value === source ? undefined : { value };
  };
}

const bracketed = (f: string) => (f.startsWith("[") && f.endsWith("]") ? f : `[${f}]`);

export function runTranslate(plugin: object, event: SimEvent, opts: PluginOptions, ctx: FilterContext): FilterOutcome {
  const setup = memo(ctx, plugin, "translate", () => {
    const path = opts.string("dictionary_path");
    const inline = opts.pairs("dictionary");
    if (path !== undefined && inline.length) throw new FilterConfigError("The configuration options 'dictionary' and 'dictionary_path' are mutually exclusive");
    let source = opts.string("source");
    const field = opts.string("field");
    if (field !== undefined) {
      if (source !== undefined) throw new FilterConfigError(`Please remove \`field => ${JSON.stringify(field)}\` and only set the \`source => ...\` option instead`);
      source = field;
    }
    if (source === undefined) throw new FilterConfigError("No source field specified, please provide the `source => ...` option");
    let target = opts.string("target");
    const destination = opts.string("destination");
    if (destination !== undefined) {
      if (target !== undefined) throw new FilterConfigError(`Please remove \`destination => ${JSON.stringify(destination)}\` and only set the \`target => ...\` option instead`);
      target = destination;
    }
    target ??= ecsOf(opts, ctx) === "disabled" ? "translation" : source;
    let override = opts.has("override") ? opts.bool("override", false) : undefined;
    if (source === target) {
      override ??= true;
      if (!override) throw new FilterConfigError("Configuring `override => false` with in-place translation has no effect, please remove the option");
    }
    const dict: Dictionary = path !== undefined ? loadDictionaryFile(path, ctx.readFile(path).toString("utf8")) : new Map(inline.map(([k, v]) => [k, v]));
    const fetch = fetcher(dict, opts.bool("exact", true), opts.bool("regex", false));
    return { source, target, override: override ?? false, fetch, entries: dict.size };
  });
  const { source, target, override, fetch } = setup;
  const fallback = opts.string("fallback");
  const iterateOn = opts.string("iterate_on");
  let matched = false;

  if (iterateOn === undefined) {
    if (!override && includes(event, target)) return { status: "applied", detail: `\`${target}\` already set (override is false)` };
    if (!includes(event, source)) return { status: "applied", detail: `no \`${source}\` field` };
    const raw = get(event, source)!;
    const text = typeof raw === "string" ? raw : Array.isArray(raw) ? (raw.length ? valueToString(raw[0]) : "") : valueToString(raw);
    const hit = fetch(text);
    if (hit) {
      set(event, target, hit.value);
      matched = true;
    } else if (fallback !== undefined) {
      set(event, target, sprintf(event, fallback));
      matched = true;
    }
  } else if (iterateOn === source) {
    if (!override && includes(event, target)) return { status: "applied", detail: `\`${target}\` already set (override is false)` };
    if (!includes(event, iterateOn)) return { status: "applied", detail: `no \`${iterateOn}\` field` };
    const val = get(event, iterateOn)!;
    const values = Array.isArray(val) ? val : [val];
    const out: JsonValue[] = values.map((v) => {
      const hit = fetch(valueToString(v));
      return hit ? hit.value : fallback !== undefined ? sprintf(event, fallback) : null;
    });
    set(event, target, out);
    matched = out.some((v) => v !== null);
  } else {
    if (!includes(event, iterateOn)) return { status: "applied", detail: `no \`${iterateOn}\` field` };
    const val = get(event, iterateOn)!;
    const count = Array.isArray(val) ? val.length : 1;
    for (let i = 0; i < count; i++) {
      const base = `${bracketed(iterateOn)}[${i}]`;
      const inner = get(event, `${base}${bracketed(source)}`);
      if (inner === undefined || inner === null) continue;
      const hit = fetch(valueToString(inner));
      if (hit) set(event, `${base}${bracketed(target)}`, hit.value);
      else if (fallback !== undefined) set(event, `${base}${bracketed(target)}`, sprintf(event, fallback));
      else continue;
      matched = true;
    }
  }
  // An in-place translation decorates the event even when nothing matched.
  if (matched || source === target) filterMatched(event, opts);
  return { status: "applied", detail: matched ? "translated" : "no dictionary entry matched" };
}
