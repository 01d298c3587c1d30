/**
 * `%d{…}` of log4j 1 and 2: the named formats, and SimpleDateFormat / FastDateFormat patterns turned into a
 * regex that matches what they write and the Joda pattern Logstash's `date` filter parses it with.
 * Text fields (month and day names, AM/PM) assume an English locale, the JVM default in most containers.
 */

/** log4j 2 `FixedDateFormat.FixedFormat` names (case-sensitive there) with their patterns; `n` = nanosecond digits. */
export const LOG4J2_NAMED_DATES: Record<string, string> = {
  ABSOLUTE: "HH:mm:ss,SSS",
  ABSOLUTE_MICROS: "HH:mm:ss,nnnnnn",
  ABSOLUTE_NANOS: "HH:mm:ss,nnnnnnnnn",
  ABSOLUTE_PERIOD: "HH:mm:ss.SSS",
  COMPACT: "yyyyMMddHHmmssSSS",
  DATE: "dd MMM yyyy HH:mm:ss,SSS",
  DATE_PERIOD: "dd MMM yyyy HH:mm:ss.SSS",
  DEFAULT: "yyyy-MM-dd HH:mm:ss,SSS",
  DEFAULT_MICROS: "yyyy-MM-dd HH:mm:ss,nnnnnn",
  DEFAULT_NANOS: "yyyy-MM-dd HH:mm:ss,nnnnnnnnn",
  DEFAULT_PERIOD: "yyyy-MM-dd HH:mm:ss.SSS",
  ISO8601_BASIC: "yyyyMMdd'T'HHmmss,SSS",
  ISO8601_BASIC_PERIOD: "yyyyMMdd'T'HHmmss.SSS",
  ISO8601: "yyyy-MM-dd'T'HH:mm:ss,SSS",
  ISO8601_OFFSET_DATE_TIME_HH: "yyyy-MM-dd'T'HH:mm:ss,SSSX",
  ISO8601_OFFSET_DATE_TIME_HHMM: "yyyy-MM-dd'T'HH:mm:ss,SSSXX",
  ISO8601_OFFSET_DATE_TIME_HHCMM: "yyyy-MM-dd'T'HH:mm:ss,SSSXXX",
  ISO8601_PERIOD: "yyyy-MM-dd'T'HH:mm:ss.SSS",
  ISO8601_PERIOD_MICROS: "yyyy-MM-dd'T'HH:mm:ss.nnnnnn",
  US_MONTH_DAY_YEAR2_TIME: "dd/MM/yy HH:mm:ss.SSS",
  US_MONTH_DAY_YEAR4_TIME: "dd/MM/yyyy HH:mm:ss.SSS",
};

/** log4j 1's three names (matched ignoring case); `%d` alone is ISO8601. */
export const LOG4J1_NAMED_DATES: Record<string, string> = {
  ISO8601: "yyyy-MM-dd HH:mm:ss,SSS",
  ABSOLUTE: "HH:mm:ss,SSS",
  DATE: "dd MMM yyyy HH:mm:ss,SSS",
};

export interface DateShape {
  /** The SimpleDateFormat pattern in effect (after resolving a name). */
  pattern: string;
  regex: string;
  /** Joda pattern(s), or `UNIX` / `UNIX_MS`, for the `date` filter. */
  date: string[];
  /** Problems with the pattern (unknown letters, what Joda cannot parse back). */
  problems: string[];
  /** Whether the text carries its own offset; when not, the `date` filter needs the writer's zone. */
  hasZone: boolean;
}

const MONTHS = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const MONTHS3 = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const DAYS = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const DAYS3 = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|\/]/g, (c) => `\\${c}`).replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t").replace(/\x1b/g, "\\x1b");
}

function num(count: number, max: number): string {
  // SimpleDateFormat pads numbers to the letter count and never cuts them.
  if (count >= max) return `\\d{${count}}`;
  return `\\d{${count},${max}}`;
}

function jodaQuote(text: string): string {
  if (text === "") return "";
  return /[A-Za-z']/.test(text) ? `'${text.replace(/'/g, "''")}'` : text;
}

/** Converts a SimpleDateFormat/FastDateFormat pattern (log4j 2 also allows `n` for sub-second digits). */
export function dateShapeOf(pattern: string): DateShape {
  let regex = "";
  let joda = "";
  const problems: string[] = [];
  let hasZone = false;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      // quoted text; '' is a quote
      let j = i + 1;
      let text = "";
      if (pattern[j] === "'") {
        regex += "'";
        joda += "''";
        i += 2;
        continue;
      }
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j++];
      }
      if (j >= pattern.length) problems.push("unterminated quote");
      regex += escapeRegex(text);
      joda += jodaQuote(text);
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      regex += escapeRegex(c);
      joda += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    const letters = c.repeat(n);
    i += n;
    switch (c) {
      case "y":
        regex += n === 2 ? "\\d{2}" : `\\d{${Math.max(n, 1)},}`;
        joda += n === 2 ? "yy" : "yyyy".slice(0, Math.max(n, 4)) + "y".repeat(Math.max(0, n - 4));
        break;
      case "Y":
        regex += n === 2 ? "\\d{2}" : `\\d{${n},}`;
        joda += "x".repeat(n === 2 ? 2 : Math.max(n, 4));
        break;
      case "M":
      case "L":
        regex += n >= 4 ? MONTHS : n === 3 ? MONTHS3 : num(n, 2);
        joda += "M".repeat(n);
        break;
      case "d":
      case "H":
      case "k":
      case "K":
      case "h":
      case "m":
      case "s":
        regex += num(n, 2);
        joda += letters;
        break;
      case "D":
        regex += num(n, 3);
        joda += letters;
        break;
      case "w":
        regex += num(n, 2);
        joda += letters;
        break;
      case "S":
        // SimpleDateFormat writes milliseconds padded to the count; Joda reads a fraction. The two agree
        // for SSS only.
        regex += n === 3 ? "\\d{3}" : num(n, 3);
        joda += letters;
        if (n !== 3) problems.push(`\`${letters}\` writes milliseconds padded to ${n} digits; Joda reads S as a fraction of a second`);
        break;
      case "n":
        regex += `\\d{${n}}`;
        joda += "S".repeat(n);
        break;
      case "E":
        regex += n >= 4 ? DAYS : DAYS3;
        joda += n >= 4 ? "EEEE" : "EEE";
        break;
      case "u":
        regex += num(n, 1);
        joda += "e".repeat(n);
        break;
      case "a":
        regex += "(?:AM|PM)";
        joda += "a";
        break;
      case "G":
        regex += "(?:AD|BC)";
        joda += "G";
        break;
      case "z":
        regex += "[A-Za-z][A-Za-z0-9/_+:-]*";
        joda += "z";
        hasZone = true;
        problems.push("time zone names (`z`) are written but Joda cannot parse them back");
        break;
      case "Z":
        regex += "[+-]\\d{4}";
        joda += "Z";
        hasZone = true;
        break;
      case "X":
        regex += n === 1 ? "(?:Z|[+-]\\d{2})" : n === 2 ? "(?:Z|[+-]\\d{4})" : "(?:Z|[+-]\\d{2}:\\d{2})";
        joda += n >= 3 ? "ZZ" : "Z";
        hasZone = true;
        break;
      case "F":
      case "W":
        regex += num(n, 1);
        joda += "'?'";
        problems.push(`\`${c}\` has no Joda equivalent`);
        break;
      default:
        problems.push(`unknown date letter \`${c}\``);
        regex += "[\\s\\S]*?";
    }
  }
  return { pattern, regex, date: [joda], problems, hasZone };
}

/** `%d{option}{zone}` for log4j 2: a FixedFormat name or pattern, UNIX, UNIX_MILLIS, or a FastDateFormat pattern. */
export function log4j2DateShape(option: string | undefined): DateShape {
  if (option === undefined || option === "") return dateShapeOf(LOG4J2_NAMED_DATES.DEFAULT);
  if (option === "UNIX") return { pattern: option, regex: "-?\\d+", date: ["UNIX"], problems: [], hasZone: true };
  if (option === "UNIX_MILLIS") return { pattern: option, regex: "-?\\d+", date: ["UNIX_MS"], problems: [], hasZone: true };
  return dateShapeOf(LOG4J2_NAMED_DATES[option] ?? option);
}

/** `%d{option}` for log4j 1: ISO8601, ABSOLUTE, DATE (any case) or a SimpleDateFormat pattern. */
export function log4j1DateShape(option: string | undefined): DateShape {
  if (option === undefined) return dateShapeOf(LOG4J1_NAMED_DATES.ISO8601);
  return dateShapeOf(LOG4J1_NAMED_DATES[option.toUpperCase()] ?? option);
}
