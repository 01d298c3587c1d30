/**
 * Runs previews in a worker thread with a watchdog: a regex attempt that runs past the limit (a
 * catastrophic grok pattern) gets the worker terminated, the line reported as timed out, and the
 * remaining lines previewed by a fresh worker. The language server's thread never runs a regex.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Worker } from "node:worker_threads";
import { grokAssetPath } from "../grok/assets";
import { t } from "../l10n";
import { AttemptClock, startWorker } from "../watchedWorker";
import type { GeoipPreview, GrokLinePreview, GrokPreview, PreviewResult, PreviewTarget } from "./types";
import type { PreviewWorkerEnv, PreviewWorkerInit, PreviewWorkerReply, PreviewWorkerRequest } from "./worker";

declare const __dirname: string | undefined;

/** The bundled worker beside the server bundle, else the TypeScript source (tests run from the repository root). */
export function previewWorkerPath(): string {
  if (typeof __dirname === "string" && existsSync(join(__dirname, "preview-worker.cjs"))) return join(__dirname, "preview-worker.cjs");
  return resolve(process.cwd(), "server/src/core/preview/worker.ts");
}

export interface PreviewRunnerOptions {
  /** One regex attempt may run this long (default 1,000 ms: an editor cannot wait for Logstash's 30 s). */
  attemptLimitMs?: number;
  /** Lines that time out before the run gives up on the rest (default 3). */
  maxTimeouts?: number;
  workerPath?: string;
  wasmPath?: string;
  l10nBundle?: string;
}

interface Live {
  worker: Worker;
  clock: AttemptClock;
  ready: Promise<void>;
}

type Outcome = { result: PreviewResult } | { timedOutAt: number };

export class PreviewRunner {
  private live: Live | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  readonly attemptLimitMs: number;

  constructor(private readonly options: PreviewRunnerOptions = {}) {
    this.attemptLimitMs = options.attemptLimitMs ?? 1000;
  }

  /**
   * Previews `target` of the document `text` over `lines`; requests run one at a time, and one whose
   * `cancelled()` is true by its turn is answered `none` without running (its asker has moved on and
   * shows nothing of it).
   */
  run(text: string, target: PreviewTarget, lines: string[], env: PreviewWorkerEnv, cancelled?: () => boolean): Promise<PreviewResult> {
    const job = this.queue.then((): Promise<PreviewResult> => (cancelled?.() ? Promise.resolve({ kind: "none" }) : this.runResuming(text, target, lines, env)));
    this.queue = job.catch(() => undefined);
    return job;
  }

  close(): void {
    void this.live?.worker.terminate();
    this.live = null;
  }

  private async runResuming(text: string, target: PreviewTarget, lines: string[], env: PreviewWorkerEnv): Promise<PreviewResult> {
    const started = performance.now();
    const timedOut: number[] = [];
    const message = (line: number) => t("Line {0} took longer than {1} ms to match and was stopped (a pattern that backtracks catastrophically?)", line + 1, this.attemptLimitMs);
    let result: PreviewResult | undefined;
    let kept: number[] = lines.map((_, i) => i);
    // Each run leaves out the lines that timed out so far; a pipeline preview is one simulation and
    // is not retried.
    while (!result) {
      const outcome = await this.runOnce(text, target, kept.map((i) => lines[i]), env);
      if ("result" in outcome) {
        result = outcome.result;
        break;
      }
      timedOut.push(kept[outcome.timedOutAt]);
      if (target.kind === "pipeline" || timedOut.length >= (this.options.maxTimeouts ?? 3)) break;
      kept = kept.filter((i) => !timedOut.includes(i));
    }
    let merged: PreviewResult;
    if (!result) {
      const rest = target.kind === "pipeline" ? "" : " " + t("Preview stopped after {0} lines timed out.", timedOut.length);
      merged = { kind: "none", error: message(timedOut[timedOut.length - 1]) + rest };
    } else merged = this.restore(result, kept, timedOut, lines, message);
    if (timedOut.length) merged.timeout = { line: timedOut[0], message: message(timedOut[0]) };
    merged.elapsedMs = Math.round((performance.now() - started) * 10) / 10;
    return merged;
  }

  /** Puts the per-line results back at their line numbers, with a placeholder for each timed-out line. */
  private restore(result: PreviewResult, kept: number[], timedOut: number[], lines: string[], message: (line: number) => string): PreviewResult {
    // A multiline codec groups lines, so results no longer line up with samples: nothing to put back.
    if (!timedOut.length || (result.kind !== "grok" && result.kind !== "geoip") || result.lines.length !== kept.length) return result;
    const out: (GrokLinePreview | GeoipPreview["lines"][number])[] = new Array(lines.length);
    result.lines.forEach((l, k) => (out[kept[k]] = l));
    for (const i of timedOut) {
      out[i] = result.kind === "grok"
        ? { input: lines[i], matched: false, timedOut: true, captures: [], changes: [], reason: message(i) }
        : { input: lines[i], matched: false, event: { message: lines[i] }, changes: [], tags: [], reason: message(i) };
    }
    return { ...result, lines: out } as GrokPreview | GeoipPreview;
  }

  private start(): Live {
    const clock = new AttemptClock();
    const init: PreviewWorkerInit = { wasmPath: this.options.wasmPath ?? grokAssetPath("onig.wasm"), control: clock.buffer, l10nBundle: this.options.l10nBundle };
    const worker = startWorker(this.options.workerPath ?? previewWorkerPath(), init);
    const ready = new Promise<void>((resolveReady, reject) => {
      const onMessage = (msg: PreviewWorkerReply) => {
        if (msg.type === "ready") {
          worker.off("message", onMessage);
          resolveReady();
        }
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
      worker.once("exit", () => reject(new Error("preview worker exited")));
    });
    return { worker, clock, ready };
  }

  private async runOnce(text: string, target: PreviewTarget, lines: string[], env: PreviewWorkerEnv): Promise<Outcome> {
    if (!this.live) this.live = this.start();
    const live = this.live;
    try {
      await live.ready;
    } catch (error) {
      this.close();
      throw error;
    }
    const id = this.nextId++;
    return new Promise<Outcome>((resolveRun, reject) => {
      const finish = (outcome: Outcome | null, error?: unknown) => {
        stopWatching();
        live.worker.off("message", onMessage);
        live.worker.off("error", onError);
        live.worker.off("exit", onExit);
        if (outcome) resolveRun(outcome);
        else reject(error);
      };
      const onMessage = (msg: PreviewWorkerReply) => {
        if (msg.type === "result" && msg.id === id) finish({ result: JSON.parse(msg.json) as PreviewResult });
      };
      const onError = (error: Error) => {
        this.live = null;
        finish(null, error);
      };
      const onExit = () => {
        this.live = null;
        finish(null, new Error("preview worker exited unexpectedly"));
      };
      // A pipeline preview is one simulation with no progress marks inside: it gets ten times as long.
      const limit = target.kind === "pipeline" ? this.attemptLimitMs * 10 : this.attemptLimitMs;
      const period = Math.max(5, Math.min(100, limit / 5));
      const stopWatching = live.clock.watch(limit, period, (line) => {
        live.worker.off("exit", onExit);
        this.close();
        finish({ timedOutAt: line });
      });
      live.worker.on("message", onMessage);
      live.worker.on("error", onError);
      live.worker.on("exit", onExit);
      live.clock.restart(0);
      live.worker.postMessage({ id, text, target, lines, env } satisfies PreviewWorkerRequest);
    });
  }
}
