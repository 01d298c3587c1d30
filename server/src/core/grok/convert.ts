/** Ruby's `String#to_i` and `String#to_f`, which jls-grok uses for `:int` and `:float` captures. */

const INT_PREFIX = /^[ \t\n\v\f\r]*([+-]?\d+(?:_\d+)*)/;
const FLOAT_PREFIX = /^[ \t\n\v\f\r]*([+-]?(?:\d+(?:_\d+)*)(?:\.\d+(?:_\d+)*)?(?:[eE][+-]?\d+)?|[+-]?\.\d+(?:_\d+)*(?:[eE][+-]?\d+)?)/;

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The longest leading integer, 0 when there is none (`"12abc"` → 12, `"abc"` → 0). */
export function rubyToI(text: string): number {
  // Most captures are plain digits (status codes, byte counts): no regex needed.
  if (text.length > 0 && text.length < 16 && isDigits(text)) return Number(text);
  const m = INT_PREFIX.exec(text);
  return m ? Number(m[1].replace(/_/g, "")) || 0 : 0;
}

/** The longest leading decimal number, 0 when there is none (`"0.001\t-"` → 0.001). */
export function rubyToF(text: string): number {
  const m = FLOAT_PREFIX.exec(text);
  if (!m) return 0;
  const n = Number(m[1].replace(/_/g, ""));
  return Number.isNaN(n) ? 0 : n;
}
