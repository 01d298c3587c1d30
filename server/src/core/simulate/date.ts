/**
 * logstash-filter-date 3.x: the first format of `match` that parses the source sets the target
 * (@timestamp by default) with millisecond precision; none parsing tags `_dateparsefailure`; a
 * missing or null source does nothing. ISO8601, UNIX, UNIX_MS, TAI64N or a Joda pattern; `timezone`
 * may be a sprintf (`%{tz}`); text formats need a string, UNIX/UNIX_MS also take numbers.
 */
import { FilterConfigError, failureTags, filterMatched, memo, tagAll, type FilterContext, type FilterOutcome } from "./common";
import { get, set, sprintf, valueToString, type JsonValue, type SimEvent } from "./event";
import { jodaParser } from "./jodaParse";
import type { PluginOptions } from "./options";
import { checkZone, localToInstant } from "./zones";

type Parser = (input: JsonValue, zone: string) => number;

const MAX_EPOCH_SECONDS = 2 ** 31 - 1;

/** Java's Long.parseLong. */
function parseLong(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new Error(`For input string: "${s}"`);
  return Number(s);
}

function unixSeconds(input: JsonValue): number {
  if (typeof input === "number") {
    if (Number.isInteger(input)) {
      if (input > MAX_EPOCH_SECONDS) throw new Error("Cannot parse date for value larger than UNIX epoch maximum seconds");
      return input * 1000;
    }
    if (Math.trunc(input) > MAX_EPOCH_SECONDS) throw new Error("Cannot parse date for value larger than UNIX epoch maximum seconds");
    return Math.trunc(input * 1000);
  }
  if (typeof input !== "string") throw new Error("Cannot parse date for this type");
  const dot = input.indexOf(".");
  const secondsText = dot < 0 ? input : input.slice(0, dot);
  const seconds = parseLong(secondsText);
  if (seconds > MAX_EPOCH_SECONDS) throw new Error("Cannot parse date for value larger than UNIX epoch maximum seconds");
  if (dot < 0) return seconds * 1000;
  const sub = input.slice(dot + 1, dot + 1 + Math.min(3, input.length - dot - 1));
  if (sub === "") return seconds * 1000;
  return seconds * 1000 + parseLong(sub) * 10 ** (3 - sub.length);
}

function unixMillis(input: JsonValue): number {
  if (typeof input === "number") return Math.trunc(input);
  if (typeof input !== "string") throw new Error("Cannot parse date for this type");
  return parseLong(input);
}

function tai64n(input: JsonValue): number {
  if (typeof input !== "string") throw new Error("Expected a string value");
  const offset = input.startsWith("@") ? 1 : 0;
  const secHex = input.slice(offset, offset + 16);
  const nanoHex = input.slice(offset + 16, offset + 24);
  if (!/^[0-9a-fA-F]{16}$/.test(secHex) || !/^[0-9a-fA-F]{8}$/.test(nanoHex)) throw new Error(`For input string: "${input}"`);
  const seconds = Number(BigInt(`0x${secHex}`) & ((1n << 62n) - 1n)) - 10;
  return seconds * 1000 + Math.floor(parseInt(nanoHex, 16) / 1_000_000);
}

/** ISODateTimeFormat.dateTimeParser(): extended ISO dates with optional time, fraction and offset. */
const ISO = /^(?:([+-]?\d{1,9})(?:-(\d{1,2})(?:-(\d{1,2}))?|-(\d{3}))?)?(?:T(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?)?(?:[.,](\d+))?)?(Z|[+-]\d{1,2}(?::?\d{2})?)?$/;

function parseIso(text: string, zone: string): number {
  const m = ISO.exec(text);
  // A bare offset or nothing is not a date; time without a date needs its `T`.
  if (!m || (m[1] === undefined && m[5] === undefined) || (m[1] !== undefined && m[5] === undefined && m[9] !== undefined && !text.includes("T"))) {
    throw new Error(`Invalid format: "${text}"`);
  }
  const year = m[1] !== undefined ? Number(m[1]) : 1970;
  const month = m[2] !== undefined ? Number(m[2]) : 1;
  const day = m[3] !== undefined ? Number(m[3]) : 1;
  const check = (v: number, lo: number, hi: number) => {
    if (v < lo || v > hi) throw new Error(`Cannot parse "${text}": value ${v} out of range`);
  };
  check(month, 1, 12);
  const base = new Date(Date.UTC(2000, 0, 1));
  if (m[4] !== undefined) base.setUTCFullYear(year, 0, Number(m[4]));
  else {
    const max = new Date(Date.UTC(2000, month, 0));
    max.setUTCFullYear(year, month, 0);
    check(day, 1, max.getUTCDate());
    base.setUTCFullYear(year, month - 1, day);
  }
  const hour = Number(m[5] ?? 0);
  const minute = Number(m[6] ?? 0);
  const second = Number(m[7] ?? 0);
  check(hour, 0, 23);
  check(minute, 0, 59);
  check(second, 0, 59);
  let millis = base.getTime() + hour * 3_600_000 + minute * 60_000 + second * 1000;
  if (m[8] !== undefined) {
    // The fraction belongs to the last time element written.
    const unit = m[7] !== undefined ? 1000 : m[6] !== undefined ? 60_000 : 3_600_000;
    millis += Math.floor(Number(`0.${m[8]}`) * unit + 1e-6);
  }
  const off = m[9];
  if (off === undefined) return localToInstant(millis, zone);
  if (off === "Z") return millis;
  const o = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(off)!;
  return millis - (o[1] === "-" ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3] ?? 0)) * 60_000;
}

function textOnly(parse: (text: string, zone: string) => number): Parser {
  return (input, zone) => {
    if (typeof input !== "string") throw new Error(`Cannot parse date for value of type ${typeof input}`);
    return parse(input, zone);
  };
}

/** One `match` format as the date filter builds it; throws a FilterConfigError for a bad pattern. */
export function makeParser(format: string, locale: string, now: Date): Parser {
  switch (format) {
    case "ISO8601": {
      const casual = ["yyyy-MM-dd HH:mm:ss.SSSZ", "yyyy-MM-dd HH:mm:ss.SSS", "yyyy-MM-dd HH:mm:ss,SSSZ", "yyyy-MM-dd HH:mm:ss,SSS"].map((p) => jodaParser(p, locale, now));
      return textOnly((text, zone) => {
        let last: unknown;
        for (const p of [parseIso, ...casual]) {
          try {
            return p(text, zone);
          } catch (e) {
            last = e;
          }
        }
        throw last;
      });
    }
    case "UNIX":
      return unixSeconds;
    case "UNIX_MS":
      return unixMillis;
    case "TAI64N":
      return tai64n;
    default: {
      try {
        return textOnly(jodaParser(format, locale, now));
      } catch (error) {
        throw new FilterConfigError(`date: invalid format \`${format}\`: ${(error as Error).message}`);
      }
    }
  }
}

/** `match` as [field, format…]; the hash form `{ field => format }` also works (LOGSTASH-735). */
function matchOption(opts: PluginOptions): string[] {
  const raw = opts.raw("match");
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    return Object.entries(raw).flatMap(([k, v]) => [k, ...(Array.isArray(v) ? v.map(valueToString) : [valueToString(v)])]);
  }
  return opts.list("match");
}

export function runDate(plugin: object, event: SimEvent, opts: PluginOptions, ctx: FilterContext): FilterOutcome {
  const setup = memo(ctx, plugin, "date", () => {
    const match = matchOption(opts);
    if (match.length < 2) throw new FilterConfigError(`The match setting should contains first a field name and at least one date format, current value is ${JSON.stringify(match)}`);
    let locale = opts.string("locale");
    if (locale?.includes("_")) locale = locale.replace(/_/g, "-");
    const timezone = opts.string("timezone");
    if (timezone !== undefined && !timezone.includes("%{")) {
      try {
        checkZone(timezone);
      } catch {
        throw new FilterConfigError(`The datetime zone id '${timezone}' is not recognised`);
      }
    }
    const parsers: Parser[] = [];
    for (const format of match.slice(1)) {
      parsers.push(makeParser(format, locale ?? ctx.locale, ctx.now));
      // Without a locale on a non-English JVM, month and day names are also tried in English.
      if (!locale && !ctx.locale.toLowerCase().startsWith("en") && (format.includes("MMM") || format.includes("E"))) parsers.push(makeParser(format, "en-US", ctx.now));
    }
    return { source: match[0], parsers, timezone };
  });
  const input = get(event, setup.source);
  if (input === undefined || input === null) return { status: "applied", detail: `no \`${setup.source}\` field: nothing to parse` };
  const zone = setup.timezone === undefined ? ctx.timezone : setup.timezone.includes("%{") ? sprintf(event, setup.timezone) : setup.timezone;
  const errors: string[] = [];
  for (const [i, parse] of setup.parsers.entries()) {
    try {
      const millis = parse(input, zone);
      if (!Number.isFinite(millis)) throw new Error("out of range");
      set(event, opts.string("target", "@timestamp")!, new Date(millis).toISOString());
      filterMatched(event, opts);
      return { status: "applied", detail: `format ${i} parsed \`${setup.source}\`` };
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  tagAll(event, failureTags(opts, ["_dateparsefailure"]));
  return { status: "failed", detail: `no format parsed \`${valueToString(input)}\`: ${errors[errors.length - 1] ?? ""}` };
}
