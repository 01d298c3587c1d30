/**
 * Grok with Logstash's `timeout_millis`: matching runs in a worker thread that is terminated when
 * one regex attempt (or, with `timeout_scope => event`, one event) runs too long, so a catastrophic
 * pattern never freezes the caller. The timed-out event gets `tag_on_timeout` (default `_groktimeout`).
 */
import type { Worker } from "node:worker_threads";
import { AttemptClock, startWorker } from "../watchedWorker";
import { grokAssetPath } from "./assets";
import type { JsonObject } from "./eventFields";
import type { GrokApplyResult, GrokOptions } from "./grokFilter";
import { grokResultLine } from "./resultLine";
import type { WorkerInit, WorkerReply } from "./worker";

/** Logstash's default. */
export const DEFAULT_TIMEOUT_MILLIS = 30000;

/** Raised when the worker cannot compile the filter (unknown pattern, invalid regex). */
export class GrokWorkerError extends Error {}

interface LiveWorker {
  worker: Worker;
  clock: AttemptClock;
  ready: Promise<void>;
}

/** Runs a grok filter over batches of events in a worker, with a watchdog. Call `close()` when done.
 * `lean` drops `matches` from the results (for callers that only need the event); `lines` has the
 * worker format `logsmith grok` output lines (`runLines`). */
export class GrokWorkerRunner {
  private live: LiveWorker | null = null;
  readonly timeoutMillis: number;

  constructor(
    readonly options: GrokOptions,
    private readonly paths: { worker?: string; wasm?: string; lean?: boolean; lines?: boolean } = {},
  ) {
    this.timeoutMillis = options.timeout_millis ?? DEFAULT_TIMEOUT_MILLIS;
  }

  /** Results in input order; an event that timed out carries the timeout tag and no captures. */
  async run(events: JsonObject[]): Promise<GrokApplyResult[]> {
    if (this.paths.lines) throw new Error("this runner was made for output lines: call runLines");
    return (await this.runAll(events)) as GrokApplyResult[];
  }

  /** `logsmith grok` output lines (`grokResultLine`) in input order; needs the `lines` option. */
  async runLines(events: JsonObject[]): Promise<string[]> {
    if (!this.paths.lines) throw new Error("this runner was not made for output lines: call run");
    return (await this.runAll(events)).map((r) => (typeof r === "string" ? r : grokResultLine(r)));
  }

  private async runAll(events: JsonObject[]): Promise<(GrokApplyResult | string)[]> {
    const results: (GrokApplyResult | string | undefined)[] = new Array(events.length);
    let next = 0;
    while (next < events.length) {
      // Results not yet posted when a worker is killed are lost; only the gaps are sent again.
      let end = next;
      while (end < events.length && !results[end]) end++;
      const timedOutAt = await this.runRange(events, next, end, results);
      if (timedOutAt !== null) results[timedOutAt] = this.timeoutResult(events[timedOutAt]);
      while (next < events.length && results[next]) next++;
    }
    return results as (GrokApplyResult | string)[];
  }

  /** Starts the worker now, so its start-up overlaps the caller's own work before the first batch. */
  warm(): void {
    if (!this.live) {
      this.live = this.start();
      // A compile error surfaces on the first run; until then it must not count as unhandled.
      this.live.ready.catch(() => undefined);
    }
  }

  close(): void {
    void this.live?.worker.terminate();
    this.live = null;
  }

  private timeoutResult(event: JsonObject): GrokApplyResult {
    const out = structuredClone(event);
    const tag = this.options.tag_on_timeout ?? "_groktimeout";
    const tags = out.tags;
    out.tags = Array.isArray(tags) ? (tags.includes(tag) ? tags : [...tags, tag]) : tags == null ? [tag] : [tags, tag];
    return { event: out, matched: false, timedOut: true, match: null, matches: [], written: [["tags"]] };
  }

  private start(): LiveWorker {
    const clock = new AttemptClock();
    const init: WorkerInit = {
      options: this.options,
      wasmPath: this.paths.wasm ?? grokAssetPath("onig.wasm"),
      control: clock.buffer,
      scope: this.options.timeout_scope ?? "pattern",
      lean: this.paths.lean ?? this.paths.lines ?? false,
      lines: this.paths.lines ?? false,
    };
    const worker = startWorker(this.paths.worker ?? grokAssetPath("worker"), init);
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (msg: WorkerReply) => {
        if (msg.type === "ready") resolve();
        else if (msg.type === "error") reject(new GrokWorkerError(msg.message));
        worker.off("message", onMessage);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
    return { worker, clock, ready };
  }

  /** Sends events[from, to); resolves with the index that timed out, if any. */
  private async runRange(events: JsonObject[], from: number, to: number, results: (GrokApplyResult | string | undefined)[]): Promise<number | null> {
    if (!this.live) this.live = this.start();
    const live = this.live;
    try {
      await live.ready;
    } catch (error) {
      this.close();
      throw error;
    }
    const batch = events.slice(from, to);
    return new Promise<number | null>((resolve, reject) => {
      let stopWatching: (() => void) | undefined;
      const finish = (value: number | null, error?: unknown) => {
        stopWatching?.();
        live.worker.off("message", onMessage);
        live.worker.off("error", onError);
        live.worker.off("exit", onExit);
        if (error) reject(error);
        else resolve(value);
      };
      const onMessage = (msg: WorkerReply) => {
        if (msg.type === "results") msg.results.forEach((r, k) => (results[msg.from + k] = r));
        else if (msg.type === "done") finish(null);
      };
      const onError = (error: Error) => {
        this.live = null;
        finish(null, error);
      };
      const onExit = () => {
        this.live = null;
        finish(null, new GrokWorkerError("grok worker exited unexpectedly"));
      };
      live.worker.on("message", onMessage);
      live.worker.on("error", onError);
      live.worker.on("exit", onExit);
      if (this.timeoutMillis > 0) {
        const period = Math.max(5, Math.min(250, this.timeoutMillis / 10));
        stopWatching = live.clock.watch(this.timeoutMillis, period, (at) => {
          live.worker.off("exit", onExit);
          this.close();
          finish(at);
        });
      }
      // Until the worker's first attempt, the batch's time counts from now (not from an older attempt).
      live.clock.restart();
      live.worker.postMessage({ type: "batch", base: from, events: batch });
    });
  }
}

const runners = new Map<string, GrokWorkerRunner>();

/**
 * Applies grok to one event in a worker, giving up after `timeoutMillis` (default the options'
 * `timeout_millis`, else 30000). The worker is kept for the next call with the same options.
 */
export async function matchWithTimeout(event: JsonObject, options: GrokOptions, timeoutMillis?: number): Promise<GrokApplyResult> {
  const effective = timeoutMillis === undefined ? options : { ...options, timeout_millis: timeoutMillis };
  const key = JSON.stringify(effective);
  let runner = runners.get(key);
  if (!runner) {
    if (runners.size >= 8) {
      for (const r of runners.values()) r.close();
      runners.clear();
    }
    runner = new GrokWorkerRunner(effective);
    runners.set(key, runner);
  }
  const [result] = await runner.run([event]);
  return result;
}

/** Stops the workers kept by `matchWithTimeout`. */
export function closeGrokWorkers(): void {
  for (const r of runners.values()) r.close();
  runners.clear();
}
