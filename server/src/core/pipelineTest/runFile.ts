/**
 * One test file end to end: read it, find and compile its pipeline (once per run, shared through
 * `cache`), run its cases. File access is injected so the CLI, the language server and tests share it.
 */
import { dirname, join } from "node:path";
import { t } from "../l10n";
import { orderPipelineFiles } from "../pipeline";
import { pipelineForTestFile, type PathKind, type TestFolderMap } from "./discover";
import { readTestSuite, testFileKind } from "./read";
import { compilePipeline, runTestSuite, type CompiledPipeline, type RunOptions } from "./run";
import type { ReadResult, SuiteResult } from "./types";

export interface TestHost {
  readFile(path: string): string;
  kind(path: string): PathKind;
  readDir(path: string): string[];
}

export interface RunFileOptions {
  folders?: TestFolderMap;
  root?: string;
  /** Overrides discovery (`logsmith test --pipeline`). */
  pipeline?: string;
  now?: Date;
  /** Case indices to run; all when absent. */
  only?: readonly number[];
  /** The test file's text when the caller has it (an unsaved editor). */
  text?: string;
  cache?: Map<string, CompiledPipeline>;
  /** Simulator options; `baseDir` defaults to the pipeline's folder (relative `patterns_dir`, dictionaries). */
  simulate?: RunOptions["simulate"];
}

/** Compiles a pipeline file, or a directory's *.conf files in Logstash's order. */
export function loadPipeline(path: string, host: TestHost, cache?: Map<string, CompiledPipeline>): CompiledPipeline {
  const cached = cache?.get(path);
  if (cached) return cached;
  const files = host.kind(path) === "directory" ? orderPipelineFiles(host.readDir(path).filter((f) => f.endsWith(".conf")).map((f) => join(path, f))) : [path];
  const compiled = compilePipeline(path, files.map((f) => ({ path: f, text: host.readFile(f) })));
  cache?.set(path, compiled);
  return compiled;
}

export async function runTestFile(testPath: string, host: TestHost, options: RunFileOptions = {}): Promise<{ read: ReadResult; result: SuiteResult }> {
  const started = performance.now();
  const result: SuiteResult = { testFile: testPath, cases: [], durationMs: 0 };
  const done = () => {
    result.durationMs = performance.now() - started;
    return { read, result };
  };
  let read: ReadResult = { problems: [] };
  const kind = testFileKind(testPath);
  if (!kind) {
    result.error = t("Not a test case file (expected .json, .yaml or .yml): {0}", testPath);
    return done();
  }
  try {
    read = readTestSuite(options.text ?? host.readFile(testPath), kind);
  } catch (error) {
    result.error = (error as Error).message;
    return done();
  }
  if (!read.suite || read.problems.length) {
    result.error = read.problems.map((p) => p.message).join("; ");
    if (!read.suite) return done();
  }
  const pipelinePath = options.pipeline ?? pipelineForTestFile(testPath, options, (p) => host.kind(p));
  if (!pipelinePath) {
    result.error = t("No pipeline for {0}: put it beside `<name>.conf` as `<name>.test.yaml`, or map its folder in `logsmith.tests.folders`", testPath);
    return done();
  }
  result.pipeline = pipelinePath;
  let pipeline: CompiledPipeline;
  try {
    pipeline = loadPipeline(pipelinePath, host, options.cache);
  } catch (error) {
    result.error = (error as Error).message;
    return done();
  }
  const baseDir = host.kind(pipelinePath) === "directory" ? pipelinePath : dirname(pipelinePath);
  result.cases = await runTestSuite(read.suite, pipeline, { now: options.now, simulate: { baseDir, ...options.simulate } }, options.only);
  return done();
}
