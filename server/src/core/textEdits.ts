/**
 * Minimal edits turning one text into another, so a formatter's whole-document output can be applied
 * without moving the caret, bookmarks or breakpoints on lines it did not change.
 */
import type { Span } from "./ast";

export interface TextEdit {
  range: Span;
  newText: string;
}

/** Above this many line pairs the LCS table gets too big; one edit for the changed middle is returned. */
const MAX_DIFF_CELLS = 4_000_000;

/**
 * Line-based diff of `before` → `after`. Lines replaced one-for-one are narrowed to the characters that
 * differ (an indentation change edits only the indentation). Edits are sorted and do not overlap.
 * With `lines` = [first, last] (0-based, inclusive), only changes to those lines of `before` are kept.
 */
export function computeEdits(before: string, after: string, lines?: [number, number]): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const starts = [0];
  for (const line of a) starts.push(starts[starts.length - 1] + line.length);

  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;

  const hunks = diffLines(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)).map((h) => ({
    aStart: h.aStart + prefix,
    aEnd: h.aEnd + prefix,
    bStart: h.bStart + prefix,
    bEnd: h.bEnd + prefix,
  }));

  const edits: TextEdit[] = [];
  const inRange = (first: number, end: number) =>
    !lines || (first === end ? first >= lines[0] && first <= lines[1] : first >= lines[0] && end - 1 <= lines[1]);
  for (const h of hunks) {
    if (h.aEnd - h.aStart === h.bEnd - h.bStart) {
      // Line-for-line replacements are judged line by line, so a range can take part of a hunk.
      for (let k = 0; k < h.aEnd - h.aStart; k++) {
        if (inRange(h.aStart + k, h.aStart + k + 1)) edits.push(narrow(a[h.aStart + k], b[h.bStart + k], starts[h.aStart + k]));
      }
    } else if (inRange(h.aStart, h.aEnd)) {
      edits.push({ range: { start: starts[h.aStart], end: starts[h.aEnd] }, newText: b.slice(h.bStart, h.bEnd).join("") });
    }
  }
  return edits;
}

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((x, y) => x.range.start - y.range.start);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.range.start) + edit.newText;
    at = edit.range.end;
  }
  return out + text.slice(at);
}

/** Lines with their line breaks attached, so joining them gives back the text. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function narrow(before: string, after: string, offset: number): TextEdit {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  return { range: { start: offset + p, end: offset + before.length - s }, newText: after.slice(p, after.length - s) };
}

interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

function diffLines(a: string[], b: string[]): Hunk[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_DIFF_CELLS) return [{ aStart: 0, aEnd: n, bStart: 0, bEnd: m }];
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], stored row-major.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | undefined;
  const close = () => {
    if (open) hunks.push(open);
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      close();
      i++;
      j++;
    } else {
      open ??= { aStart: i, aEnd: i, bStart: j, bEnd: j };
      if (j < m && (i === n || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j])) j++;
      else i++;
      open.aEnd = i;
      open.bEnd = j;
    }
  }
  close();
  return hunks;
}
