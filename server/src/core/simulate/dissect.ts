/**
 * logstash-filter-dissect 1.2: the Java Dissector's algorithm over UTF-8 bytes. Fields are cut at the
 * first occurrence of the following delimiter; `->` on a field skips repeats of the delimiter after it;
 * the last field takes the rest. Normal fields are written first, then append fields (`+`, by `/n`
 * order), then indirect ones (`&`); skip fields (`?`, empty) are read but not written.
 */
import { FilterConfigError, failureTags, filterMatched, tagAll, memo, type FilterContext, type FilterOutcome } from "./common";
import { get, includes, set, valueToString, type JsonValue, type SimEvent } from "./event";
import type { PluginOptions } from "./options";

type FieldKind = "skip" | "normal" | "append" | "indirect";

interface Delimiter {
  bytes: Buffer;
  greedy: boolean;
}

interface DissectField {
  id: number;
  kind: FieldKind;
  name: string;
  ordinal: number;
  previous: Delimiter | null;
  next: Delimiter | null;
}

interface Dissector {
  mapping: string;
  fields: DissectField[];
  /** Normal, then append by ordinal, then indirect; stable as Java's List.sort. */
  saveable: DissectField[];
  firstFieldOffset: number;
}

const SUFFIX_ONLY = /^(\/\d{1,2}|->|\/\d{1,2}->|->\/\d{1,2})?$/;
const SUFFIX = /^(.+?)(\/\d{1,2}|->|\/\d{1,2}->|->\/\d{1,2})?$/s;

function nameSuffix(s: string): [string, string] {
  if (SUFFIX_ONLY.test(s)) return ["", s];
  const m = SUFFIX.exec(s);
  return m ? [m[1], m[2] ?? ""] : [s, ""];
}

function delimiter(text: string): Delimiter {
  return { bytes: Buffer.from(text, "utf8"), greedy: false };
}

function createField(id: number, raw: string, previous: Delimiter | null, next: Delimiter | null): DissectField {
  let kind: FieldKind;
  let rest = raw;
  if (raw === "" || raw.startsWith("?")) {
    kind = "skip";
    rest = raw.slice(raw ? 1 : 0);
  } else if (raw.startsWith("+&") || raw.startsWith("&+")) {
    throw new FilterConfigError(`Field cannot prefix with both Append and Indirect Prefix (${raw.slice(0, 2)}): ${raw}`);
  } else if (raw.startsWith("+") || raw.startsWith("&")) {
    kind = raw.startsWith("+") ? "append" : "indirect";
    rest = raw.slice(1);
    if (rest === "") throw new FilterConfigError("Field cannot be a prefix on its own without further text");
  } else kind = "normal";
  const [name, suffix] = nameSuffix(rest);
  if ((kind === "append" || kind === "indirect") && name === "") throw new FilterConfigError("Field cannot be a prefix and a suffix without a name section");
  // The suffix marks the delimiter after this field greedy (shared with the next field's `previous`).
  if (next) next.greedy = suffix.includes("->");
  const order = /\d+/.exec(suffix);
  const ordinal = kind === "skip" ? 0 : kind === "normal" ? 1 : kind === "indirect" ? 1000 : 100 + (order ? Number(order[0]) : 0);
  return { id, kind, name, ordinal, previous, next };
}

export function compileDissector(mapping: string): Dissector {
  if (mapping === "") throw new FilterConfigError("The mapping string cannot be empty");
  const holders: { name: string; previous: Delimiter; next: Delimiter | null }[] = [];
  let firstFieldOffset = 0;
  for (const m of mapping.matchAll(/([\s\S]*?)%\{([^}]*?)}/g)) {
    const d = delimiter(m[1]);
    if (holders.length === 0) {
      if (d.bytes.length > 0) firstFieldOffset = d.bytes.length;
    } else holders[holders.length - 1].next = d;
    holders.push({ name: m[2], previous: d, next: null });
  }
  const tail = /[^}]+$/.exec(mapping);
  if (tail && holders.length) {
    const d = delimiter(tail[0]);
    holders[holders.length - 1].next = d;
    holders.push({ name: "?auto_added_skip", previous: d, next: null });
  }
  // Fields are built in order so a greedy suffix marks the delimiter the next field starts from.
  const fields = holders.map((h, id) => createField(id, h.name, h.previous, h.next));
  const saveable = fields.filter((f) => f.kind !== "skip").sort((a, b) => a.ordinal - b.ordinal);
  return { mapping, fields, saveable, firstFieldOffset };
}

function indexOf(d: Delimiter, source: Buffer, offset: number): number {
  if (d.bytes.length === 0 || offset >= source.length) return -1;
  return source.indexOf(d.bytes, Math.max(offset, 0));
}

/** Value spans per field id, or undefined where the Java code bails. */
function cut(dissector: Dissector, source: Buffer): { start: number; length: number }[] | undefined {
  const { fields, firstFieldOffset } = dissector;
  const spans = fields.map(() => ({ start: 0, length: 0 }));
  let pos = 0;
  let left = 0;
  let start = 0;
  let length = 0;
  let bailed = false;
  const moveBeyond = (prev: Delimiter | null) => {
    if (prev === null) start = left;
    else if (prev.greedy) {
      for (;;) {
        pos = indexOf(prev, source, left);
        if (pos === left) left = pos + prev.bytes.length;
        else {
          start = left;
          break;
        }
      }
    } else {
      if (left === 0 && firstFieldOffset > 0) {
        pos = indexOf(prev, source, left);
        if (pos === 0) left = pos + prev.bytes.length;
        else bailed = true;
      }
      start = left;
    }
  };
  for (let i = 0; i < fields.length - 1; i++) {
    const field = fields[i];
    moveBeyond(field.previous);
    if (bailed) return undefined;
    length = 0;
    pos = indexOf(field.next!, source, left);
    if (pos === -1) return undefined;
    if (pos > 0) {
      length = pos - left;
      left = pos + field.next!.bytes.length;
    }
    spans[field.id] = { start, length };
  }
  const last = fields[fields.length - 1];
  moveBeyond(last.previous);
  if (bailed) return undefined;
  pos = source.length;
  spans[last.id] = { start, length: pos - left };
  return spans;
}

/** Dissects `text` into the event; false where the mapping does not fit. */
function apply(dissector: Dissector, text: string, event: SimEvent): boolean {
  const source = Buffer.from(text, "utf8");
  if (dissector.fields.length === 0 || source.length === 0) return false;
  const spans = cut(dissector, source);
  if (!spans) return false;
  const value = (id: number) => source.subarray(spans[id].start, spans[id].start + spans[id].length).toString("utf8");
  for (const field of dissector.saveable) {
    if (field.kind === "normal") set(event, field.name, value(field.id));
    else if (field.kind === "append") {
      const join = field.previous === null || field.previous.bytes.length === 0 ? " " : field.previous.bytes.toString("utf8");
      if (includes(event, field.name)) set(event, field.name, `${valueToString(get(event, field.name) as JsonValue)}${join}${value(field.id)}`);
      else set(event, field.name, value(field.id));
    } else {
      let key: string;
      if (includes(event, field.name)) key = String(valueToString(get(event, field.name) as JsonValue));
      else {
        const other = dissector.fields.find((f) => f.id !== field.id && f.name === field.name);
        key = other ? value(other.id) : "";
      }
      if (key !== "") set(event, key, value(field.id));
    }
  }
  return true;
}

/** BigDecimal's accepted text: digits with an optional fraction and exponent. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function runDissect(plugin: object, event: SimEvent, opts: PluginOptions, ctx: FilterContext): FilterOutcome {
  const dissectors = memo(ctx, plugin, "dissect", () => opts.pairs("mapping").map(([field, m]) => ({ field, dissector: compileDissector(valueToString(m)) })));
  const conversions = opts.pairs("convert_datatype").map(([field, type]) => [field, valueToString(type)] as const);
  for (const [, type] of conversions) {
    if (type !== "int" && type !== "float") throw new FilterConfigError(`Dissector datatype conversion, datatype not supported: ${type}`);
  }
  const tags = failureTags(opts, ["_dissectfailure"]);
  const notes: string[] = [];
  let failed = false;
  for (const { field, dissector } of dissectors) {
    // A missing field only counts a failure; nil or an empty value also tags.
    if (!includes(event, field)) {
      notes.push(`no \`${field}\` field`);
      continue;
    }
    const raw = get(event, field);
    const text = raw === null ? "" : valueToString(raw as JsonValue);
    if (text !== "" && apply(dissector, text, event)) {
      filterMatched(event, opts);
      notes.push(`${field} dissected`);
    } else {
      tagAll(event, tags);
      failed = true;
      notes.push(text === "" ? `\`${field}\` is empty` : `mapping does not fit \`${field}\``);
    }
  }
  for (const [field, type] of conversions) {
    const v = get(event, field);
    const s = v === undefined || v === null ? "null" : valueToString(v);
    if (!DECIMAL.test(s)) {
      tagAll(event, [v === undefined || v === null ? `_dataconversionnullvalue_${field}_${type}` : `_dataconversionuncoercible_${field}_${type}`]);
      continue;
    }
    set(event, field, type === "int" ? Math.trunc(Number(s)) : Number(s));
  }
  return { status: failed ? "failed" : "applied", detail: notes.join("; ") || undefined };
}
