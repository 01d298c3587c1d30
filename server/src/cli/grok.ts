/**
 * `logsmith grok`: runs a grok filter over stdin, one event per line (its `message`), and prints
 * one JSON object per line with what the filter wrote.
 */
import { availableParallelism } from "node:os";
import {
  GrokCompileError,
  GrokFilter,
  GrokRegexError,
  GrokWorkerError,
  GrokWorkerRunner,
  grokResultLine,
  initOniguruma,
  readPatternsDirs,
  type EcsCompatibility,
  type GrokOptions,
  type JsonObject,
} from "../core/grok";
import { t } from "../core/l10n";

/** A function so the text is translated after the CLI has configured its language. */
const help = (): string =>
  t(`Usage: logsmith grok --pattern P [--pattern P2 ...] [options] < lines

Matches each input line (as the event's \`message\`) like Logstash's grok filter and prints one
JSON object per line: {"matched": bool, "pattern": index or null, "fields": {...}}.

Options:
  --pattern P                  Grok pattern; repeat to try several in order.
  --ecs-compatibility MODE     disabled (legacy patterns), v1 or v8 (ecs-v1 patterns). Default v8.
  --patterns-dir DIR           Extra pattern files (NAME regex per line); repeatable.
  --patterns-files-glob GLOB   Files of --patterns-dir to read. Default *.
  --pattern-definitions JSON   Inline patterns, e.g. '{"MYNUM":"\\\\d+"}'.
  --timeout-millis N           Give up on a line after N ms (tag _groktimeout). Default 30000; 0 = never.
  --no-break-on-match          Apply every matching pattern, not just the first.
  --no-named-captures-only     Also store unnamed %{NAME} captures, under NAME.
  --keep-empty-captures        Keep empty captures.
  --overwrite FIELD            Replace FIELD instead of turning it into an array; repeatable.
  --target FIELD               Put every capture under FIELD.
`);

const BATCH = 1000;

class GrokUsageError extends Error {}

function parseArgs(argv: string[]): GrokOptions & { patterns: string[]; dirs: string[]; glob: string } {
  const patterns: string[] = [];
  const dirs: string[] = [];
  const overwrite: string[] = [];
  let glob = "*";
  const options: GrokOptions = { match: {} };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const need = () => {
      const v = value ?? argv[++i];
      if (v === undefined) throw new GrokUsageError(t("{0} needs a value", arg));
      return v;
    };
    switch (arg) {
      case "--pattern":
      case "-p":
        patterns.push(need());
        break;
      case "--ecs-compatibility": {
        const v = need();
        if (v !== "disabled" && v !== "v1" && v !== "v8") throw new GrokUsageError(t("--ecs-compatibility must be disabled, v1 or v8, not {0}", v));
        options.ecs_compatibility = v as EcsCompatibility;
        break;
      }
      case "--patterns-dir":
        dirs.push(need());
        break;
      case "--patterns-files-glob":
        glob = need();
        break;
      case "--pattern-definitions": {
        let parsed: unknown;
        try {
          parsed = JSON.parse(need());
        } catch (error) {
          throw new GrokUsageError(t("--pattern-definitions is not JSON: {0}", (error as Error).message));
        }
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== "string"))
          throw new GrokUsageError(t("--pattern-definitions must be a JSON object of name → regex strings"));
        options.pattern_definitions = { ...options.pattern_definitions, ...(parsed as Record<string, string>) };
        break;
      }
      case "--timeout-millis": {
        const n = Number(need());
        if (!Number.isFinite(n) || n < 0) throw new GrokUsageError(t("--timeout-millis must be a number of milliseconds, 0 or more"));
        options.timeout_millis = n;
        break;
      }
      case "--no-break-on-match":
        options.break_on_match = false;
        break;
      case "--no-named-captures-only":
        options.named_captures_only = false;
        break;
      case "--keep-empty-captures":
        options.keep_empty_captures = true;
        break;
      case "--overwrite":
        overwrite.push(need());
        break;
      case "--target":
        options.target = need();
        break;
      default:
        throw new GrokUsageError(t("unknown option {0}", arg));
    }
  }
  if (patterns.length === 0) throw new GrokUsageError(t("grok needs at least one --pattern"));
  if (overwrite.length) options.overwrite = overwrite;
  options.match = [["message", patterns]];
  return { ...options, patterns, dirs, glob };
}

async function* readLines(stdin: NodeJS.ReadableStream): AsyncGenerator<string[]> {
  let rest = "";
  let batch: string[] = [];
  stdin.setEncoding?.("utf8");
  for await (const chunk of stdin as AsyncIterable<string | Buffer>) {
    const parts = (rest + chunk.toString()).split("\n");
    rest = parts.pop() ?? "";
    for (const line of parts) {
      batch.push(line.endsWith("\r") ? line.slice(0, -1) : line);
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    // Yield what we have when input pauses, so `tail -f | logsmith grok` prints as lines arrive.
    if (batch.length) {
      yield batch;
      batch = [];
    }
  }
  if (rest !== "") batch.push(rest.endsWith("\r") ? rest.slice(0, -1) : rest);
  if (batch.length) yield batch;
}

function write(stdout: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => (stdout.write(text) ? resolve() : stdout.once("drain", () => resolve())));
}

/** Entry point of `logsmith grok`; returns the exit status (0 done, 2 bad usage or pattern). */
export async function runGrokCommand(argv: string[], stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<number> {
  if (argv.includes("-h") || argv.includes("--help")) {
    await write(stdout, help());
    return 0;
  }
  const runners: GrokWorkerRunner[] = [];
  try {
    const { patterns: _patterns, dirs, glob, ...options } = parseArgs(argv);
    if (dirs.length) {
      try {
        options.patterns_dir_texts = readPatternsDirs(dirs, glob).map((f) => f.text);
      } catch (error) {
        throw new GrokUsageError(t("cannot read --patterns-dir: {0}", (error as Error).message));
      }
    }
    const timeout = options.timeout_millis ?? 30000;
    // Matching runs in workers (each with its own watchdog) that also format the output lines:
    // strings cross the thread boundary far cheaper than events. With two, batches alternate and
    // both cores match while this thread only reads and writes. They start first, so their start-up
    // overlaps the compile below.
    if (timeout > 0) {
      for (let k = 0; k < Math.min(2, Math.max(1, availableParallelism())); k++) {
        const runner = new GrokWorkerRunner(options, { lines: true });
        runner.warm();
        runners.push(runner);
      }
    }
    await initOniguruma();
    // Compiling here reports pattern errors before any input is read, worker or not.
    const local = new GrokFilter(options);
    const match = (lines: string[], runner: GrokWorkerRunner | undefined): Promise<string[]> | string[] => {
      const events = lines.map((message): JsonObject => ({ message }));
      return runner ? runner.runLines(events) : events.map((e) => grokResultLine(local.apply(e, { lean: true })));
    };
    // Each batch is written as soon as it and the ones before it are matched, so `tail -f | logsmith
    // grok` prints as lines arrive. A runner takes one batch at a time.
    const busy: Promise<unknown>[] = runners.map(() => Promise.resolve());
    let writing: Promise<void> = Promise.resolve();
    let turn = 0;
    for await (const lines of readLines(stdin)) {
      const k = turn++ % Math.max(1, runners.length);
      await busy[k];
      const out = Promise.resolve(match(lines, runners[k]));
      if (runners.length) busy[k] = out;
      writing = writing.then(async () => write(stdout, (await out).join("\n") + "\n"));
      // Both are awaited later; until then a worker failure must not count as unhandled.
      out.catch(() => undefined);
      writing.catch(() => undefined);
    }
    await Promise.all(busy);
    await writing;
    return 0;
  } catch (error) {
    if (error instanceof GrokUsageError || error instanceof GrokCompileError || error instanceof GrokRegexError || error instanceof GrokWorkerError) {
      process.stderr.write(`logsmith grok: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    for (const runner of runners) runner.close();
  }
}
