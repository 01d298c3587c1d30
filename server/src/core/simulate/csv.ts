/**
 * logstash-filter-csv 3.1: one line parsed as Ruby's CSV.parse_line does (strict quoting), values
 * written under `columns` (or `columnN`), optionally converted. Parse errors tag `_csvparsefailure`.
 */
import { FilterConfigError, filterMatched, tagAll, type FilterOutcome } from "./common";
import { get, set, valueToString, type JsonValue, type SimEvent } from "./event";
import type { PluginOptions } from "./options";
import { localToInstant } from "./zones";

class MalformedCsv extends Error {}

/**
 * Ruby's CSV.parse_line: the first row only; an unquoted empty field is nil, a quoted one "";
 * a quote inside an unquoted field, text after a closing quote or an unclosed quote are errors.
 * Returns null for an empty line.
 */
export function parseCsvLine(line: string, sep: string, quote: string): (string | null)[] | null {
  if (line === "") return null;
  const out: (string | null)[] = [];
  let i = 0;
  for (;;) {
    if (quote !== "" && line.startsWith(quote, i)) {
      let value = "";
      i += quote.length;
      for (;;) {
        const close = line.indexOf(quote, i);
        if (close < 0) throw new MalformedCsv("Unclosed quoted field");
        value += line.slice(i, close);
        i = close + quote.length;
        if (line.startsWith(quote, i)) {
          value += quote;
          i += quote.length;
          continue;
        }
        break;
      }
      out.push(value);
      if (i === line.length || /^\r?\n/.test(line.slice(i))) return out;
      if (!line.startsWith(sep, i)) throw new MalformedCsv("Any value after quoted field isn't allowed");
      i += sep.length;
      continue;
    }
    let end = line.indexOf(sep, i);
    const nl = line.slice(i).search(/\r?\n/);
    const rowEnd = nl < 0 ? -1 : i + nl;
    const last = end < 0 || (rowEnd >= 0 && rowEnd < end);
    if (last) end = rowEnd < 0 ? line.length : rowEnd;
    const value = line.slice(i, end);
    if (quote !== "" && value.includes(quote)) throw new MalformedCsv("Illegal quoting");
    out.push(value === "" ? null : value);
    if (last) return out;
    i = end + sep.length;
  }
}

/** Ruby's Integer(): optional sign, underscores between digits, 0x/0b/0o/0 prefixes, spaces around. */
export function rubyInteger(s: string): number | undefined {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|0[bB][01]+(?:_[01]+)*|0[oO]?[0-7]+(?:_[0-7]+)*|[1-9]\d*(?:_\d+)*|0)\s*$/.exec(s);
  if (!m) return undefined;
  const body = m[2].replace(/_/g, "");
  let n: number;
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) n = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) n = parseInt(body.slice(2), 8);
  else if (body.length > 1 && body.startsWith("0")) n = parseInt(body.slice(1), 8);
  else n = Number(body);
  return m[1] === "-" ? -n : n;
}

/**
 * Ruby's Float(): decimal digits with optional fraction and exponent (underscores between digits),
 * a leading-dot fraction, or a hexadecimal integer; spaces around.
 */
export function rubyFloat(s: string): number | undefined {
  const text = s.trim();
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)$/.exec(text);
  if (hex) return (hex[1] === "-" ? -1 : 1) * parseInt(hex[2].replace(/_/g, ""), 16);
  const m = /^[+-]?(?:\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+)?$/.exec(text);
  return m ? Number(text.replace(/_/g, "")) : undefined;
}

function converters(zone: string): Record<string, (v: string | null) => JsonValue> {
  return {
    integer: (v) => (v === null ? null : rubyInteger(v) ?? v),
    float: (v) => (v === null ? null : rubyFloat(v) ?? v),
    boolean: (v) => {
      if (v === null) throw new Error("undefined method `strip' for nil");
      const s = v.trim().toLowerCase();
      return s === "false" ? false : s === "true" ? true : s;
    },
    // Date.parse(…).to_time: midnight in the JVM's zone. Only ISO dates are recognised here.
    date: (v) => {
      const m = v === null ? null : /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(v);
      if (!m) return v;
      try {
        return new Date(localToInstant(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])), zone)).toISOString();
      } catch {
        return v;
      }
    },
    // DateTime.parse(…).to_time: UTC unless the text has an offset.
    date_time: (v) => {
      const m = v === null ? null : /^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(v);
      if (!m) return v;
      const d = new Date(`${m[1]}T${m[2] ?? "00:00"}${m[3] ?? "Z"}`);
      return Number.isNaN(d.getTime()) ? v : d.toISOString();
    },
  };
}

const CONVERSION_TYPES = ["integer", "float", "boolean", "date", "date_time"];

export function runCsv(event: SimEvent, opts: PluginOptions, state: { columns?: string[] }, zone: string): FilterOutcome {
  const convert = opts.pairs("convert").map(([k, v]) => [k, valueToString(v)] as const);
  const bad = [...new Set(convert.map(([, t]) => t).filter((t) => !CONVERSION_TYPES.includes(t)))];
  if (bad.length) throw new FilterConfigError(`Invalid conversion types: ${bad.join(", ")}`);
  const sourceRef = opts.string("source", "message")!;
  const source = get(event, sourceRef);
  if (source === undefined || source === null || source === false) return { status: "applied", detail: `no \`${sourceRef}\` field: nothing to parse` };
  let columns = state.columns ?? opts.list("columns");
  let quote = opts.string("quote_char", '"')!;
  if (quote === "\\x00") quote = "\u0000";
  const sep = opts.string("separator", ",")!;
  let target = opts.string("target");
  if (target !== undefined && !target.startsWith("[")) target = `[${target}]`;
  try {
    const values = parseCsvLine(valueToString(source as JsonValue), sep, quote);
    if (opts.bool("autodetect_column_names", false) && columns.length === 0) {
      // The first row names the columns and is itself cancelled.
      state.columns = columns = (values ?? []).map((v) => v ?? "");
      return { status: "applied", detail: "header row: column names taken, event cancelled", cancelled: true };
    }
    if (opts.bool("skip_header", false) && columns.length > 0 && values && values.length === columns.length && values.every((v, i) => v === columns[i])) {
      return { status: "applied", detail: "header row skipped", cancelled: true };
    }
    if (opts.bool("skip_empty_rows", false) && values === null) {
      tagAll(event, ["_csvskippedemptyfield"]);
      return { status: "applied", detail: "empty row" };
    }
    if (values === null) throw new Error("undefined method `each_index' for nil");
    const types = new Map(convert);
    const convertWith = converters(zone);
    const autogenerate = opts.bool("autogenerate_column_names", true);
    const skipEmpty = opts.bool("skip_empty_columns", false);
    values.forEach((value, i) => {
      if (skipEmpty && (value === null || value === "")) return;
      if (columns[i] === undefined && !autogenerate) return;
      const name = columns[i] ?? `column${i + 1}`;
      const ref = name.startsWith("[") ? `${target ?? ""}${name}` : `${target ?? ""}[${name}]`;
      const type = types.get(name);
      set(event, ref, type ? convertWith[type](value) : value);
    });
    filterMatched(event, opts);
    return { status: "applied", detail: `${values.length} column(s)` };
  } catch (error) {
    tagAll(event, ["_csvparsefailure"]);
    return { status: "failed", detail: (error as Error).message };
  }
}
