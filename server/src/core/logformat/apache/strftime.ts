/**
 * `%{format}t`: httpd formats the time with apr_strftime (C locale) unless the argument is one of
 * `sec`/`msec`/`usec`/`msec_frac`/`usec_frac`, optionally after `begin:`/`end:` (mod_log_config.c,
 * log_request_time). Here each becomes a regex for the written text and, where Joda can parse it, the
 * pattern for Logstash's `date` filter.
 */
import { escapeRegex } from "../generate";

export interface TimeShape {
  regex: string;
  /** Joda pattern, `UNIX`/`UNIX_MS`, or undefined when the date filter cannot parse it. */
  joda?: string;
  /** Conversions strftime does not know (reported as a warning). */
  unknown: string[];
}

const MONTHS = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const MONTHS_LONG = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const DAYS = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const DAYS_LONG = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/** strftime conversion → [regex, Joda or null when Joda cannot parse it]. */
const CONVERSIONS: Record<string, [string, string | null]> = {
  Y: ["\\d{4}", "yyyy"],
  C: ["\\d{2}", null],
  y: ["\\d{2}", "yy"],
  m: ["\\d{2}", "MM"],
  d: ["\\d{2}", "dd"],
  e: ["[ \\d]\\d", null],
  H: ["\\d{2}", "HH"],
  I: ["\\d{2}", "hh"],
  k: ["[ \\d]\\d", null],
  l: ["[ \\d]\\d", null],
  M: ["\\d{2}", "mm"],
  S: ["\\d{2}", "ss"],
  j: ["\\d{3}", "DDD"],
  b: [MONTHS, "MMM"],
  h: [MONTHS, "MMM"],
  B: [MONTHS_LONG, "MMMM"],
  a: [DAYS, "EEE"],
  A: [DAYS_LONG, "EEEE"],
  p: ["(?:AM|PM)", "a"],
  z: ["[+-]\\d{4}", "Z"],
  Z: ["[A-Za-z0-9+-]+", null],
  T: ["\\d{2}:\\d{2}:\\d{2}", "HH:mm:ss"],
  R: ["\\d{2}:\\d{2}", "HH:mm"],
  D: ["\\d{2}/\\d{2}/\\d{2}", "MM/dd/yy"],
  F: ["\\d{4}-\\d{2}-\\d{2}", "yyyy-MM-dd"],
  u: ["[1-7]", "e"],
  w: ["[0-6]", null],
  s: ["\\d+", null],
  G: ["\\d{4}", "xxxx"],
  g: ["\\d{2}", "xx"],
  V: ["\\d{2}", "ww"],
  U: ["\\d{2}", null],
  W: ["\\d{2}", null],
  c: [`${DAYS} ${MONTHS} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}`, null],
  x: ["\\d{2}/\\d{2}/\\d{2}", "MM/dd/yy"],
  X: ["\\d{2}:\\d{2}:\\d{2}", "HH:mm:ss"],
  n: ["\\n", "'\n'"],
  t: ["\\t", "'\t'"],
  "%": ["%", "'%'"],
};

/** The time argument without its `begin:`/`end:` prefix (httpd strips it before looking at the rest). */
export function stripTimePrefix(arg: string): string {
  if (arg === "begin" || arg === "end") return "";
  if (arg.startsWith("begin:")) return arg.slice(6);
  if (arg.startsWith("end:")) return arg.slice(4);
  return arg;
}

export function timeShape(argument: string | undefined): TimeShape {
  const arg = stripTimePrefix(argument ?? "");
  if (arg === "") return { regex: `\\[\\d{2}/${MONTHS}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\\]`, joda: "'['dd/MMM/yyyy:HH:mm:ss Z']'", unknown: [] };
  if (arg === "sec") return { regex: "\\d+", joda: "UNIX", unknown: [] };
  if (arg === "msec") return { regex: "\\d+", joda: "UNIX_MS", unknown: [] };
  if (arg === "usec") return { regex: "\\d+", unknown: [] };
  if (arg === "msec_frac") return { regex: "\\d{3}", joda: "SSS", unknown: [] };
  if (arg === "usec_frac") return { regex: "\\d{6}", joda: "SSSSSS", unknown: [] };
  let regex = "";
  let joda: string | undefined = "";
  let literal = "";
  const unknown: string[] = [];
  const flush = () => {
    if (!literal) return;
    regex += escapeRegex(literal);
    if (joda !== undefined) joda += /^[^A-Za-z']*$/.test(literal) ? literal : `'${literal.replace(/'/g, "''")}'`;
    literal = "";
  };
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i];
    if (c !== "%" || i + 1 >= arg.length) {
      literal += c;
      continue;
    }
    let conv = arg[++i];
    // glibc flags and the E/O modifiers change padding or locale only; C locale output stays the same.
    while ((conv === "E" || conv === "O" || conv === "-" || conv === "_" || conv === "0" || conv === "^" || conv === "#") && i + 1 < arg.length) conv = arg[++i];
    const entry = CONVERSIONS[conv];
    if (!entry) {
      unknown.push(`%${conv}`);
      literal += `%${conv}`;
      continue;
    }
    if (conv === "%" || conv === "n" || conv === "t") {
      literal += conv === "%" ? "%" : conv === "n" ? "\n" : "\t";
      continue;
    }
    flush();
    regex += entry[0];
    if (entry[1] === null) joda = undefined;
    else if (joda !== undefined) joda += entry[1];
  }
  flush();
  return { regex, joda: joda || undefined, unknown };
}
