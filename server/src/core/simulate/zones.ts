/**
 * Time-zone arithmetic over the IANA database Node carries (Intl), with Joda-Time's rules for local
 * times: a time that falls in a DST gap does not exist (Joda throws), one in an overlap takes the
 * earlier instant.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Throws for a zone id Joda would not know either. */
export function checkZone(zone: string): string {
  if (/^[+-]\d{2}:?\d{2}$/.test(zone) || zone === "UTC" || zone === "Z") return zone;
  formatter(zone);
  return zone;
}

const offsetCache = new Map<string, number>();

/**
 * Offset of `zone` from UTC at the instant `utc` (milliseconds). Memoised per quarter hour: every
 * transition in the IANA data falls on one.
 */
export function zoneOffset(zone: string, utc: number): number {
  const key = `${zone}@${Math.floor(utc / 900_000)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = computeOffset(zone, Math.floor(utc / 900_000) * 900_000);
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

function computeOffset(zone: string, utc: number): number {
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (fixed) return (fixed[1] === "-" ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000;
  if (zone === "UTC" || zone === "Z") return 0;
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(utc))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === "BC" || parts.era === "B") year = 1 - year;
  const local = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const wholeSeconds = Math.floor(utc / 1000) * 1000;
  return local - wholeSeconds;
}

/** The instant of a local time (as UTC milliseconds of its fields) in `zone`; throws in a DST gap. */
export function localToInstant(localMillis: number, zone: string): number {
  const guess = zoneOffset(zone, localMillis);
  const offsets = new Set([guess, zoneOffset(zone, localMillis - guess - 6 * 3600_000), zoneOffset(zone, localMillis - guess + 6 * 3600_000)]);
  const valid = [...offsets].map((o) => localMillis - o).filter((t) => zoneOffset(zone, t) === localMillis - t);
  if (valid.length === 0) throw new Error(`Illegal instant due to time zone offset transition (${zone})`);
  return Math.min(...valid);
}
