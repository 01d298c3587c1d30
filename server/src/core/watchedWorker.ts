/**
 * Worker threads that run regexes under a watchdog (the grok runner and the preview runner). The
 * worker marks each regex attempt in shared memory; the caller's thread polls it and terminates a
 * worker whose current attempt has run too long, since a catastrophic regex cannot be interrupted
 * from inside its own thread.
 */
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * The shared progress record: Int32 [0] the item (event, line) being worked on, [1] an attempt
 * counter; Float64 at byte 8 the time the current attempt started (ms since the epoch).
 */
export class AttemptClock {
  readonly buffer: SharedArrayBuffer;
  private readonly counters: Int32Array;
  private readonly started: Float64Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(16)) {
    this.buffer = buffer;
    this.counters = new Int32Array(buffer, 0, 2);
    this.started = new Float64Array(buffer, 8, 1);
  }

  /** Worker side: which item the next attempts belong to. */
  item(index: number): void {
    Atomics.store(this.counters, 0, index);
  }

  /** Worker side: an attempt starts now. */
  attempt(): void {
    this.started[0] = Date.now();
    Atomics.add(this.counters, 1, 1);
  }

  /** Caller side, before posting work: the time until the worker's first attempt counts from now. */
  restart(item?: number): void {
    if (item !== undefined) Atomics.store(this.counters, 0, item);
    this.started[0] = Date.now();
  }

  /**
   * Caller side: every `periodMs`, if no new attempt started since the last look and the current one
   * has run longer than `limitMs`, calls `onStuck` with the item it is on. Returns the stop function.
   */
  watch(limitMs: number, periodMs: number, onStuck: (item: number) => void): () => void {
    let lastAttempt = -1;
    const timer = setInterval(() => {
      const attempt = Atomics.load(this.counters, 1);
      if (attempt === lastAttempt && Date.now() - this.started[0] > limitMs) onStuck(Atomics.load(this.counters, 0));
      lastAttempt = attempt;
    }, periodMs);
    return () => clearInterval(timer);
  }
}

/** Starts `script` as a worker (unref'd); a TypeScript source (tests) gets tsx's loader in its thread first. */
export function startWorker(script: string, workerData: unknown): Worker {
  const worker = script.endsWith(".ts")
    ? new Worker(`import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(script).href)}); });`, { eval: true, workerData })
    : new Worker(script, { workerData });
  worker.unref();
  return worker;
}
