/**
 * Worker-thread side of `PreviewRunner`: parses the document, computes one preview per request and
 * publishes, through shared memory, which line and which regex attempt it is on, so the host can
 * terminate it when a catastrophic pattern hangs.
 */
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { Reader, type Response } from "maxmind";
import type { GeoipReader } from "../geoip";
import { initOniguruma } from "../grok/onig";
import { readPatternsDirs } from "../grok/patternFiles";
import { configureL10n } from "../l10n";
import { AttemptClock } from "../watchedWorker";
import { parseConfig, type ParseResult } from "../parse";
import { computePreview, type PreviewEnvironment } from "./computePreview";
import type { PreviewTarget } from "./types";

export interface PreviewWorkerInit {
  wasmPath: string;
  /** Int32 [0] line index, [1] attempt counter; Float64 at byte 8: when the current attempt began. */
  control: SharedArrayBuffer;
  l10nBundle?: string;
}

/** The environment as data: what cannot cross a thread (readers, callbacks) is rebuilt in the worker. */
export interface PreviewWorkerEnv {
  ecsDefault: PreviewEnvironment["ecsDefault"];
  patternsPathTexts?: string[];
  geoipDatabasePath?: Partial<Record<"City" | "ASN", string>>;
  /** False in an untrusted workspace: no `patterns_dir`, `database` or dictionary files are read. */
  readFiles: boolean;
  baseDir?: string;
  /** Epoch milliseconds of a fixed @timestamp. */
  now?: number;
}

export interface PreviewWorkerRequest {
  id: number;
  text: string;
  target: PreviewTarget;
  lines: string[];
  env: PreviewWorkerEnv;
}

/** `json` is the result as JSON text: one string crosses the thread boundary much faster than the structured clone of a large result. */
export type PreviewWorkerReply = { type: "ready" } | { type: "result"; id: number; json: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const init = workerData as PreviewWorkerInit;
  try {
    configureL10n(init.l10nBundle);
  } catch {
    // English messages then.
  }
  const clock = new AttemptClock(init.control);
  await initOniguruma(init.wasmPath);
  const readers = new Map<string, Promise<GeoipReader>>();
  let lastText: string | undefined;
  let lastParse: ParseResult | undefined;
  const hooks = {
    onLine: (i: number) => {
      clock.item(i);
      clock.attempt();
    },
    onAttempt: () => clock.attempt(),
  };
  port.on("message", async (req: PreviewWorkerRequest) => {
    if (req.text !== lastText) {
      lastParse = parseConfig(req.text);
      lastText = req.text;
    }
    const env: PreviewEnvironment = {
      ecsDefault: req.env.ecsDefault,
      patternsPathTexts: req.env.patternsPathTexts,
      geoipDatabasePath: req.env.geoipDatabasePath,
      baseDir: req.env.baseDir,
      readDatabaseOption: req.env.readFiles,
      ...(req.env.now !== undefined ? { now: new Date(req.env.now) } : {}),
      openGeoipReader: (path) => {
        let reader = readers.get(path);
        if (!reader) {
          reader = Promise.resolve().then((): GeoipReader => new Reader<Response>(readFileSync(path)));
          readers.set(path, reader);
          reader.catch(() => readers.delete(path));
        }
        return reader;
      },
    };
    if (req.env.readFiles) env.readPatternsDir = (dirs, glob) => readPatternsDirs(dirs, glob).map((f) => f.text);
    hooks.onAttempt();
    const result = await computePreview(lastParse!.config, req.target, req.lines, env, hooks);
    port.postMessage({ type: "result", id: req.id, json: JSON.stringify(result) } satisfies PreviewWorkerReply);
  });
  port.postMessage({ type: "ready" } satisfies PreviewWorkerReply);
}

void main();
