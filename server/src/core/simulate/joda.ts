/**
 * The common part of Joda-Time's DateTimeFormat patterns, as `%{+YYYY.MM.dd}` uses them, always in UTC.
 * Letters repeated give the width; text in single quotes is literal; `''` is a quote.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? `-${s}` : s;
}

/** ISO week number and its week-based year. */
function isoWeek(date: Date): { week: number; weekYear: number } {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return { week: Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7), weekYear: d.getUTCFullYear() };
}

function field(letter: string, count: number, date: Date): string | undefined {
  const year = date.getUTCFullYear();
  switch (letter) {
    case "y":
    case "Y": // Joda's Y is year of era, not a week year
    case "u":
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    case "x": {
      const { weekYear } = isoWeek(date);
      return count === 2 ? pad(weekYear % 100, 2) : pad(weekYear, count);
    }
    case "w":
      return pad(isoWeek(date).week, count);
    case "M": {
      const m = date.getUTCMonth();
      if (count >= 4) return MONTHS[m];
      if (count === 3) return MONTHS[m].slice(0, 3);
      return pad(m + 1, count);
    }
    case "d":
      return pad(date.getUTCDate(), count);
    case "D": {
      const day = Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86400000) + 1;
      return pad(day, count);
    }
    case "e":
      return pad(date.getUTCDay() || 7, count);
    case "E": {
      const name = DAYS[date.getUTCDay()];
      return count >= 4 ? name : name.slice(0, 3);
    }
    case "H":
      return pad(date.getUTCHours(), count);
    case "k":
      return pad(date.getUTCHours() || 24, count);
    case "h":
      return pad(date.getUTCHours() % 12 || 12, count);
    case "K":
      return pad(date.getUTCHours() % 12, count);
    case "a":
      return date.getUTCHours() < 12 ? "AM" : "PM";
    case "m":
      return pad(date.getUTCMinutes(), count);
    case "s":
      return pad(date.getUTCSeconds(), count);
    case "S":
      return pad(date.getUTCMilliseconds(), 3).slice(0, count).padEnd(count, "0");
    case "Z":
      return count === 1 ? "+0000" : count === 2 ? "+00:00" : "UTC";
    case "z":
      return "UTC";
    case "G":
      return year > 0 ? "AD" : "BC";
    default:
      return undefined;
  }
}

export function formatJodaUtc(date: Date, pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      const close = pattern.indexOf("'", i + 1);
      if (close === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const end = close < 0 ? pattern.length : close;
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      const text = field(c, j - i, date);
      out += text ?? pattern.slice(i, j);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
