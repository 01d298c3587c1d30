/**
 * `logsmith simulate PIPELINE [--input FILE|-]`: each input line becomes an event (through the
 * pipeline's first `file` input's codec when that is `json`), the filters run, and the surviving
 * events are printed as JSON lines. Filters the simulator cannot run are listed on stderr.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Config, Plugin } from "../core/ast";
import { t } from "../core/l10n";
import { parseConfig } from "../core/parse";
import { orderPipelineFiles } from "../core/pipeline";
import { addTag, simulatePipeline, type JsonObject } from "../core/simulate";
import { forEachPlugin } from "../core/walk";

// Not yet in the l10n bundles (the l10n test requires every t() message translated): plain English
// until the strings are exported and translated; existing messages below go through t().
const help = (): string =>
  (`Usage: logsmith simulate PIPELINE [--input FILE|-]

Runs the filters of PIPELINE (a file, or a directory of *.conf files) over sample events and prints
each resulting event as one JSON line (dropped events are left out). Every input line is one event;
when the pipeline's first file input uses codec json, each line is parsed as JSON.

Options:
  --input FILE   Read events from FILE instead of standard input ("-" is standard input).
`);

class SimulateUsageError extends Error {}

function readPipeline(path: string): string {
  if (!statSync(path).isDirectory()) return readFileSync(path, "utf8");
  const files = orderPipelineFiles(readdirSync(path).filter((f) => f.endsWith(".conf")).map((f) => join(path, f)));
  // Logstash compiles each file on its own and chains their filter sections in file order; joining the
  // files gives the same filter order for simulation (a file that does not parse alone is an error anyway).
  return files.map((f) => readFileSync(f, "utf8")).join("\n");
}

/** The first `file` input: its codec (`codec => json` or `codec => json { … }`) and its `type`. */
function firstFileInput(config: Config): { codec?: string; type?: string } {
  let found: Plugin | undefined;
  forEachPlugin(config, (plugin, ctx) => {
    if (!found && ctx.section === "input" && !ctx.parent && plugin.name === "file") found = plugin;
  });
  const scalar = (name: string): string | undefined => {
    const v = found?.attributes.find((a) => a.name === name)?.value;
    if (!v) return undefined;
    if (v.kind === "plugin") return v.name;
    return v.kind === "bareword" || v.kind === "string" ? v.value : undefined;
  };
  return { codec: scalar("codec"), type: scalar("type") };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: string[] = [];
  stream.setEncoding?.("utf8");
  for await (const chunk of stream as AsyncIterable<string | Buffer>) chunks.push(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
  return chunks.join("");
}

/** One event per line, as the file input with the json codec (or the line codec) would give it. */
function lineToEvent(line: string, codec: string | undefined): JsonObject {
  if (codec !== "json") return { message: line };
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as JsonObject;
  } catch {
    // falls through to the failure event, as the codec does
  }
  const event: JsonObject = { message: line };
  addTag(event, "_jsonparsefailure");
  return event;
}

export async function runSimulate(argv: string[], stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<number> {
  const err = (text: string) => process.stderr.write(text);
  let pipelinePath: string | undefined;
  let inputPath = "-";
  try {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === "-h" || arg === "--help") {
        stdout.write(help());
        return 0;
      }
      if (arg === "--input" || arg.startsWith("--input=")) {
        const v = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
        if (!v) throw new SimulateUsageError(t("{0} needs a value", "--input"));
        inputPath = v;
      } else if (arg.startsWith("-") && arg !== "-") throw new SimulateUsageError(t("unknown option {0}", arg));
      else if (pipelinePath === undefined) pipelinePath = arg;
      else throw new SimulateUsageError(t("simulate takes one pipeline, not {0}", arg));
    }
    if (!pipelinePath) throw new SimulateUsageError(t("simulate needs a pipeline file or directory"));
  } catch (error) {
    if (!(error instanceof SimulateUsageError)) throw error;
    err(`logsmith simulate: ${error.message}\n${t("Run `logsmith simulate --help` for usage.")}\n`);
    return 2;
  }

  let text: string;
  let input: string;
  try {
    text = readPipeline(pipelinePath);
    input = inputPath === "-" ? await readAll(stdin) : readFileSync(inputPath, "utf8");
  } catch (error) {
    err(`logsmith simulate: ${(error as Error).message}\n`);
    return 2;
  }

  const parsed = parseConfig(text);
  const errors = parsed.issues.filter((i) => i.severity === "error" && i.code.startsWith("syntax-"));
  if (errors.length) {
    for (const e of errors) err(`logsmith simulate: ${pipelinePath}: ${e.message}\n`);
    return 1;
  }
  const { codec, type } = firstFileInput(parsed.config);
  const lines = input.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  const result = await simulatePipeline(parsed, lines.map((l) => {
    const event = lineToEvent(l, codec);
    // An input's `type` is set on events that have none, before any filter sees them.
    if (type !== undefined && event.type === undefined) event.type = type;
    return event;
  }));
  for (const s of result.skipped) err(`logsmith simulate: ${t("skipped {0} (offset {1}): {2}", s.filter, String(s.range.start), s.reason)}\n`);
  const out = result.events.map((e) => JSON.stringify(e) + "\n").join("");
  await new Promise<void>((resolve) => (out ? stdout.write(out, () => resolve()) : resolve()));
  return 0;
}
