/**
 * Parsing with Joda-Time DateTimeFormat patterns, as the date filter's JodaParser does: the whole text
 * must be consumed; a numeric field followed directly by another numeric field is fixed-width; text
 * fields (MMM, EEE, a) and literals match case-insensitively; `yy` pivots around this year − 30; a
 * pattern without a year takes the current one, moved to last/next year for December/January events
 * seen in January/December.
 */
import { localToInstant, zoneOffset } from "./zones";

type Token = { literal: string } | { letter: string; count: number };

const NUMERIC = new Set(["y", "Y", "u", "x", "C", "M", "d", "D", "H", "h", "k", "K", "m", "s", "S", "e", "w"]);
const SUPPORTED = new Set([...NUMERIC, "E", "a", "Z", "z", "G"]);

export function tokenizeJoda(pattern: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      let j = i + 1;
      let text = "";
      for (; j < pattern.length; j++) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j++;
          } else break;
        } else text += pattern[j];
      }
      out.push({ literal: j === i + 1 ? "'" : text });
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      if (!SUPPORTED.has(c)) throw new Error(`Illegal pattern component: ${pattern.slice(i, j)}`);
      out.push({ letter: c, count: j - i });
      i = j;
    } else {
      out.push({ literal: c });
      i++;
    }
  }
  return out;
}

const isNumericToken = (t: Token | undefined) => t !== undefined && "letter" in t && NUMERIC.has(t.letter) && !(t.letter === "M" && t.count >= 3);

const nameCache = new Map<string, { months: string[][]; days: string[][] }>();

/** Month and weekday names (long and short) of a locale, as Java's DateFormatSymbols gives them. */
function names(locale: string): { months: string[][]; days: string[][] } {
  let n = nameCache.get(locale);
  if (!n) {
    const fmt = (opts: Intl.DateTimeFormatOptions, d: Date) => new Intl.DateTimeFormat(locale, { ...opts, timeZone: "UTC" }).format(d);
    const months = Array.from({ length: 12 }, (_, m) => {
      const d = new Date(Date.UTC(2001, m, 15));
      return [fmt({ month: "long" }, d), fmt({ month: "short" }, d), fmt({ month: "long", day: "numeric" }, d).replace(/[\d\s.,]+/g, " ").trim()];
    });
    // 2001-01-07 is a Sunday; Joda numbers Monday 1 … Sunday 7.
    const days = Array.from({ length: 7 }, (_, i) => {
      const d = new Date(Date.UTC(2001, 0, 8 + i));
      return [fmt({ weekday: "long" }, d), fmt({ weekday: "short" }, d)];
    });
    n = { months, days };
    nameCache.set(locale, n);
  }
  return n;
}

export interface ParsedFields {
  year?: number;
  month?: number;
  day?: number;
  dayOfYear?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  millis?: number;
  offset?: number;
  zone?: string;
  bc?: boolean;
  /** The year came from `Y` (year of era, which an era applies to) rather than `y`/`u` (proleptic year). */
  yearOfEra?: boolean;
}

const SHORT_ZONES: Record<string, number> = { UT: 0, UTC: 0, GMT: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

/** Reads the text into fields; throws where Joda's parser reports "Invalid format". */
export function parseJodaFields(tokens: Token[], text: string, locale: string, nowYear: number): ParsedFields {
  const f: ParsedFields = {};
  let pos = 0;
  const fail = (): never => {
    throw new Error(`Invalid format: "${text}" is malformed at "${text.slice(pos)}"`);
  };
  const digits = (min: number, max: number, signed: boolean): number => {
    const m = new RegExp(`^${signed ? "[+-]?" : ""}\\d{${min},${max}}`).exec(text.slice(pos));
    if (!m) fail();
    pos += m![0].length;
    return Number(m![0]);
  };
  const matchText = (candidates: string[][]): number => {
    let best = -1;
    let bestLen = 0;
    const rest = text.slice(pos).toLowerCase();
    candidates.forEach((forms, i) => {
      for (const form of forms) {
        if (form && rest.startsWith(form.toLowerCase()) && form.length > bestLen) {
          best = i;
          bestLen = form.length;
        }
      }
    });
    if (best < 0) fail();
    pos += bestLen;
    return best;
  };
  tokens.forEach((t, i) => {
    if ("literal" in t) {
      if (text.slice(pos, pos + t.literal.length).toLowerCase() !== t.literal.toLowerCase()) fail();
      pos += t.literal.length;
      return;
    }
    const fixed = isNumericToken(tokens[i + 1]);
    const num = (max: number) => (fixed ? digits(t.count, t.count, false) : digits(1, Math.max(max, t.count), false));
    switch (t.letter) {
      case "y":
      case "Y":
      case "u": {
        f.yearOfEra = t.letter === "Y";
        if (t.count === 2) {
          const start = pos;
          const v = fixed ? digits(2, 2, false) : digits(1, 9, true);
          if (pos - start === 2 && /^\d\d$/.test(text.slice(start, pos))) {
            const pivot = nowYear - 30;
            const base = pivot - 50;
            let year = Math.floor(base / 100) * 100 + v;
            if (year < base) year += 100;
            f.year = year;
          } else f.year = v;
        } else f.year = fixed ? digits(t.count, t.count, false) : digits(1, 9, true);
        break;
      }
      case "x":
      case "C":
        num(9);
        break;
      case "M":
        if (t.count >= 3) f.month = matchText(names(locale).months) + 1;
        else f.month = num(2);
        break;
      case "d":
        f.day = num(2);
        break;
      case "D":
        f.dayOfYear = num(3);
        break;
      case "H":
        f.hour = num(2);
        break;
      case "k":
        f.hour = num(2) % 24;
        break;
      case "h":
        f.hour12 = num(2) % 12;
        break;
      case "K":
        f.hour12 = num(2);
        break;
      case "m":
        f.minute = num(2);
        break;
      case "s":
        f.second = num(2);
        break;
      case "S": {
        const start = pos;
        // appendFractionOfSecond(n, n): at most as many digits as the pattern has S.
        fixed ? digits(t.count, t.count, false) : digits(1, t.count, false);
        f.millis = Math.floor(Number(`0.${text.slice(start, pos)}`) * 1000 + 1e-6);
        break;
      }
      case "e":
      case "w":
        num(2);
        break;
      case "E":
        matchText(names(locale).days);
        break;
      case "a": {
        const rest = text.slice(pos, pos + 2).toUpperCase();
        if (rest !== "AM" && rest !== "PM") fail();
        f.pm = rest === "PM";
        pos += 2;
        break;
      }
      case "G": {
        const rest = text.slice(pos, pos + 2).toUpperCase();
        if (rest !== "AD" && rest !== "BC") fail();
        f.bc = rest === "BC";
        pos += 2;
        break;
      }
      case "Z": {
        if (t.count >= 3) {
          const m = /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*/.exec(text.slice(pos));
          if (!m) fail();
          try {
            zoneOffset(m![0], 0);
          } catch {
            fail();
          }
          f.zone = m![0];
          pos += m![0].length;
          break;
        }
        if (text[pos] === "Z" || text[pos] === "z") {
          f.offset = 0;
          pos++;
          break;
        }
        const m = /^([+-])(\d{2})(?::?(\d{2}))?/.exec(text.slice(pos));
        if (!m) fail();
        f.offset = (m![1] === "-" ? -1 : 1) * (Number(m![2]) * 60 + Number(m![3] ?? 0));
        pos += m![0].length;
        break;
      }
      case "z": {
        const m = /^[A-Z]{2,4}/.exec(text.slice(pos));
        if (!m || !(m[0] in SHORT_ZONES)) fail();
        f.offset = SHORT_ZONES[m![0]];
        pos += m![0].length;
        break;
      }
    }
  });
  if (pos !== text.length) fail();
  return f;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function range(name: string, v: number, lo: number, hi: number): void {
  if (v < lo || v > hi) throw new Error(`Cannot parse: Value ${v} for ${name} must be in the range [${lo},${hi}]`);
}

/** The fields as local-time milliseconds (UTC arithmetic), checked as Joda checks them. */
export function localMillis(f: ParsedFields, year: number): number {
  const month = f.month ?? 1;
  range("monthOfYear", month, 1, 12);
  let hour = f.hour ?? 0;
  if (f.hour12 !== undefined) hour = f.hour12 + (f.pm ? 12 : 0);
  else if (f.pm !== undefined && f.hour !== undefined && f.pm && hour < 12) hour += 12;
  range("hourOfDay", hour, 0, 23);
  range("minuteOfHour", f.minute ?? 0, 0, 59);
  range("secondOfMinute", f.second ?? 0, 0, 59);
  const y = f.bc && f.yearOfEra ? 1 - year : year;
  let dayMillis: number;
  if (f.dayOfYear !== undefined && f.day === undefined && f.month === undefined) {
    range("dayOfYear", f.dayOfYear, 1, isLeap(y) ? 366 : 365);
    const base = new Date(Date.UTC(2000, 0, 1));
    base.setUTCFullYear(y, 0, f.dayOfYear);
    dayMillis = base.getTime();
  } else {
    const day = f.day ?? 1;
    const max = month === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[month - 1];
    range("dayOfMonth", day, 1, max);
    const base = new Date(Date.UTC(2000, 0, 1));
    base.setUTCFullYear(y, month - 1, day);
    dayMillis = base.getTime();
  }
  return dayMillis + hour * 3_600_000 + (f.minute ?? 0) * 60_000 + (f.second ?? 0) * 1000 + (f.millis ?? 0);
}

/** A Joda pattern parser bound to a locale and a default zone, as JodaParser builds one. */
export function jodaParser(pattern: string, locale: string, now: Date): (text: string, zone: string) => number {
  const tokens = tokenizeJoda(pattern);
  const hasYear = /[Yy]/.test(pattern);
  return (text, zone) => {
    const nowYear = now.getUTCFullYear();
    const f = parseJodaFields(tokens, text, locale, nowYear);
    let year = f.year ?? nowYear;
    if (!hasYear) {
      const nowMonth = now.getUTCMonth() + 1;
      if (f.month === 12 && nowMonth === 1) year = nowYear - 1;
      else if (f.month === 1 && nowMonth === 12) year = nowYear + 1;
      else year = nowYear;
    }
    const local = localMillis(f, year);
    if (f.offset !== undefined) return local - f.offset * 60_000;
    return localToInstant(local, f.zone ?? zone);
  };
}
