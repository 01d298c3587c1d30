/**
 * One line of `logsmith grok` output: whether the filter matched, which pattern, and the top-level
 * fields it wrote with their final values (`[@metadata]` left out, as an event's serialised form
 * leaves it out). Lives in the core so the grok worker can format lines itself.
 */
import type { JsonObject } from "./eventFields";
import type { GrokApplyResult } from "./grokFilter";

export function grokResultLine(result: GrokApplyResult): string {
  const fields: JsonObject = {};
  for (const path of result.written) {
    const key = path[0];
    if (key === "@metadata" || key in fields) continue;
    const value = result.event[key];
    if (value !== undefined) fields[key] = value;
  }
  return JSON.stringify({ matched: result.matched, pattern: result.match ? result.match.patternIndex : null, fields });
}
