/**
 * LFV's comparison: the number of events must match, then event i is compared with expected event i
 * after the `ignore` fields are removed from the actual event only (an ignored field written in the
 * expected event still fails, as in LFV). Key order does not matter (LFV diffs Go-marshalled JSON).
 */
import type { JsonObject, JsonValue } from "../simulate";
import { canonicalJson, removeField } from "./fields";

/** The actual event as LFV hands it to the comparison. */
export function normalizeActual(event: JsonObject, options: { ignore: string[]; dropEmptyTags: boolean }): JsonObject {
  const out = structuredClone(event);
  const ts = out["@timestamp"];
  // Logstash prints a Timestamp in ISO 8601 UTC with milliseconds: a json input's "…T20:55:29Z" comes out "….000Z".
  if (typeof ts === "string" && /^\d{4}-\d\d-\d\dT[\d:]+(\.\d{1,3})?(Z|[+-]\d\d:?\d\d)$/.test(ts)) {
    const d = new Date(ts);
    if (!Number.isNaN(d.getTime())) out["@timestamp"] = d.toISOString();
  }
  // Daemon mode removes LFV's own tags and then an empty `tags` (internal/app/daemon/run/run.go).
  if (options.dropEmptyTags && Array.isArray(out.tags) && out.tags.length === 0) delete out.tags;
  for (const field of options.ignore) removeField(out, field);
  return out;
}

export function eventsEqual(a: JsonValue, b: JsonValue): boolean {
  return canonicalJson(a, 0) === canonicalJson(b, 0);
}

function isObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
}

/** Field references (`[a][b]`) where the two events differ, leaves first found in sorted key order. */
export function differingFields(expected: JsonObject, actual: JsonObject, path: string[] = [], out: string[] = []): string[] {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  for (const k of keys) {
    const e = expected[k];
    const a = actual[k];
    const p = [...path, k];
    if (isObject(e) && isObject(a)) differingFields(e, a, p, out);
    else if (e === undefined || a === undefined || !eventsEqual(e, a)) out.push(p.map((x) => `[${x}]`).join(""));
  }
  return out;
}

/** A line diff (longest common subsequence) of two texts: ` ` same, `-` expected only, `+` actual only. */
export function lineDiff(expected: string, actual: string): string[] {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const n = a.length;
  const m = b.length;
  // Test events are small; the quadratic table is fine and keeps the diff minimal.
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push(`- ${a[i++]}`);
    else out.push(`+ ${b[j++]}`);
  }
  return out;
}
