import assert from "node:assert/strict";
import { parseConfig } from "../../server/src/core/parse";
import { simulatePipeline, type JsonObject, type SimulateOptions } from "../../server/src/core/simulate";

export const NOW = new Date("2024-03-05T07:08:09.123Z");

/** Runs `filter { <filter> }` over `events` with a fixed clock, UTC as the JVM zone. */
export async function runFilters(filter: string, events: JsonObject[], options: SimulateOptions = {}) {
  const parsed = parseConfig(`filter {\n${filter}\n}\n`);
  assert.deepEqual(parsed.issues.filter((i) => i.severity === "error"), [], "fixture must parse");
  return simulatePipeline(parsed, events, { now: NOW, timezone: "UTC", ...options });
}

/** The single surviving event of one input event. */
export async function one(filter: string, event: JsonObject, options: SimulateOptions = {}): Promise<JsonObject> {
  const r = await runFilters(filter, [event], options);
  assert.equal(r.events.length, 1, `one event expected, got ${JSON.stringify(r.events)}`);
  return r.events[0];
}

/** The status and detail of the first filter step of the first trace. */
export async function firstStep(filter: string, event: JsonObject, options: SimulateOptions = {}) {
  const r = await runFilters(filter, [event], options);
  const step = r.steps[0].steps.find((s) => s.kind === "filter");
  assert.ok(step && step.kind === "filter");
  return step;
}
