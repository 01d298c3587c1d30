/**
 * Worker-thread side of `GrokWorkerRunner`: applies a grok filter to batches of events and
 * publishes, through shared memory, which event and which regex attempt it is on, so the main
 * thread can terminate it when one attempt runs past `timeout_millis`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { GrokFilter, type GrokApplyResult, type GrokOptions } from "./grokFilter";
import type { JsonObject } from "./eventFields";
import { AttemptClock } from "../watchedWorker";
import { initOniguruma } from "./onig";
import { grokResultLine } from "./resultLine";

export interface WorkerInit {
  options: GrokOptions;
  wasmPath: string;
  /** The `AttemptClock` the runner watches. */
  control: SharedArrayBuffer;
  scope: "pattern" | "event";
  /** Leave out per-capture details (`matches`) to halve what crosses the thread boundary. */
  lean: boolean;
  /** Send each result back as its `logsmith grok` output line: strings cross threads far cheaper than events. */
  lines?: boolean;
}

export type WorkerRequest = { type: "batch"; base: number; events: JsonObject[] };
export type WorkerReply =
  | { type: "ready" }
  | { type: "error"; message: string; name: string }
  | { type: "results"; from: number; results: (GrokApplyResult | string)[] }
  | { type: "done" };

const CHUNK = 256;

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const init = workerData as WorkerInit;
  const clock = new AttemptClock(init.control);
  let filter: GrokFilter;
  try {
    await initOniguruma(init.wasmPath);
    filter = new GrokFilter(init.options);
  } catch (error) {
    port.postMessage({ type: "error", message: (error as Error).message, name: (error as Error).name } satisfies WorkerReply);
    return;
  }
  const mark = () => clock.attempt();
  const hooks = { lean: init.lean, ...(init.scope === "event" ? {} : { onAttempt: mark }) };
  port.on("message", (req: WorkerRequest) => {
    let pending: (GrokApplyResult | string)[] = [];
    let from = req.base;
    for (let i = 0; i < req.events.length; i++) {
      clock.item(req.base + i);
      if (init.scope === "event") mark();
      const result = filter.apply(req.events[i], hooks);
      pending.push(init.lines ? grokResultLine(result) : result);
      if (pending.length === CHUNK) {
        port.postMessage({ type: "results", from, results: pending } satisfies WorkerReply);
        from += pending.length;
        pending = [];
      }
    }
    if (pending.length) port.postMessage({ type: "results", from, results: pending } satisfies WorkerReply);
    port.postMessage({ type: "done" } satisfies WorkerReply);
  });
  port.postMessage({ type: "ready" } satisfies WorkerReply);
}

void main();
