/**
 * `logsmith simulate PIPELINE [--input FILE|-] [--geoip-db PATH] [--patterns-path DIR]`: the input lines go through the codec
 * of the pipeline's first `file` or `stdin` input (json, json_lines, multiline, plain), the filters
 * run, and the surviving events (clones and split parts included) are printed as JSON lines. Filters
 * the simulator cannot run are listed on stderr. With `--pipelines` the run follows pipeline-to-pipeline
 * links (./simulateFlow.ts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readPatternsPath } from "../core/grok/patternFiles";
import { t } from "../core/l10n";
import { parseConfig } from "../core/parse";
import { orderPipelineFiles } from "../core/pipeline";
import { simulateInputLines } from "../core/simulate";
import { isPipelinesYmlPath, runFlow } from "./simulateFlow";

const help = (): string =>
  t(
    `Usage: logsmith simulate PIPELINE [--input FILE|-] [--geoip-db PATH] [--patterns-path DIR]
       logsmith simulate --pipelines pipelines.yml --pipeline-id ID [--root DIR] [--input FILE|-]

Runs the filters of PIPELINE (a file, or a directory of *.conf files) over input lines and prints
each resulting event as one JSON line: dropped events are left out, clones and split parts are
included. When the pipeline has a file or stdin input, the lines go through its codec (json,
json_lines, multiline, plain); otherwise each line is one event's message.

With --pipelines (or a pipelines.yml in place of PIPELINE) the lines enter pipeline ID and follow
the send_to of its pipeline outputs into the pipelines listening on those addresses. Each event
leaving a pipeline's filters is printed as one JSON line tagged with that pipeline:
  {0}
  {1}
"event" is what that pipeline's outputs see (no @metadata); "from" is absent for pipeline ID.
Addresses no pipeline listens on are reported on standard error.

Options:
  --input FILE          Read lines from FILE instead of standard input ("-" is standard input).
  --geoip-db PATH       MaxMind database (.mmdb) for geoip filters without a database option.
  --patterns-path DIR   Grok pattern files (a directory, or one file) loaded over the built-in set.
  --pipelines FILE      A pipelines.yml: follow the events across pipeline-to-pipeline links.
  --pipeline-id ID      The pipeline the lines enter (with --pipelines).
  --root DIR            Where path.config is looked for (with --pipelines; default: the folder
                        above the one holding pipelines.yml).
`,
    '{"pipeline":"ID","event":{...}}',
    '{"pipeline":"NEXT","from":{"pipeline":"ID","address":"ADDRESS"},"event":{...}}',
  );

class SimulateUsageError extends Error {}

function readPipeline(path: string): string {
  if (!statSync(path).isDirectory()) return readFileSync(path, "utf8");
  const files = orderPipelineFiles(readdirSync(path).filter((f) => f.endsWith(".conf")).map((f) => join(path, f)));
  // Logstash compiles each file on its own and chains their filter sections in file order; joining the
  // files gives the same filter order for simulation (a file that does not parse alone is an error anyway).
  return files.map((f) => readFileSync(f, "utf8")).join("\n");
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: string[] = [];
  stream.setEncoding?.("utf8");
  for await (const chunk of stream as AsyncIterable<string | Buffer>) chunks.push(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
  return chunks.join("");
}

export async function runSimulate(argv: string[], stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<number> {
  const err = (text: string) => process.stderr.write(text);
  let pipelinePath: string | undefined;
  let inputPath = "-";
  let geoipDb: string | undefined;
  let patternsPath: string | undefined;
  let pipelinesYml: string | undefined;
  let pipelineId: string | undefined;
  let root: string | undefined;
  try {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === "-h" || arg === "--help") {
        stdout.write(help());
        return 0;
      }
      const option = ["--input", "--geoip-db", "--patterns-path", "--pipelines", "--pipeline-id", "--root"].find((o) => arg === o || arg.startsWith(`${o}=`));
      if (option) {
        const v = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
        if (!v) throw new SimulateUsageError(t("{0} needs a value", option));
        if (option === "--input") inputPath = v;
        else if (option === "--patterns-path") patternsPath = v;
        else if (option === "--pipelines") pipelinesYml = v;
        else if (option === "--pipeline-id") pipelineId = v;
        else if (option === "--root") root = v;
        else geoipDb = resolve(v);
      } else if (arg.startsWith("-") && arg !== "-") throw new SimulateUsageError(t("unknown option {0}", arg));
      else if (pipelinePath === undefined) pipelinePath = arg;
      else throw new SimulateUsageError(t("simulate takes one pipeline, not {0}", arg));
    }
    // A pipelines.yml given where the pipeline goes means --pipelines.
    if (pipelinePath && !pipelinesYml && isPipelinesYmlPath(pipelinePath)) [pipelinesYml, pipelinePath] = [pipelinePath, undefined];
    if (pipelinesYml && pipelinePath) throw new SimulateUsageError(t("simulate takes a pipeline or --pipelines, not both"));
    if (!pipelinesYml && (pipelineId || root)) throw new SimulateUsageError(t("--pipeline-id and --root go with --pipelines"));
    if (!pipelinePath && !pipelinesYml) throw new SimulateUsageError(t("simulate needs a pipeline file or directory"));
  } catch (error) {
    if (!(error instanceof SimulateUsageError)) throw error;
    err(`logsmith simulate: ${error.message}\n${t("Run `logsmith simulate --help` for usage.")}\n`);
    return 2;
  }

  let text = "";
  let input: string;
  let grokPatterns: string[];
  try {
    grokPatterns = patternsPath ? readPatternsPath(patternsPath).map((f) => f.text) : [];
    if (pipelinePath) text = readPipeline(pipelinePath);
    input = inputPath === "-" ? await readAll(stdin) : readFileSync(inputPath, "utf8");
  } catch (error) {
    err(`logsmith simulate: ${(error as Error).message}\n`);
    return 2;
  }
  const lines = input.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  if (pipelinesYml) {
    let printed = "";
    const code = await runFlow(
      { pipelinesYml, pipelineId, root, lines, simulate: { geoipDatabasePath: geoipDb, grokPatterns } },
      { out: (s) => (printed += s), err },
    );
    await new Promise<void>((resolve) => (printed ? stdout.write(printed, () => resolve()) : resolve()));
    return code;
  }
  if (!pipelinePath) return 2;

  const parsed = parseConfig(text);
  const errors = parsed.issues.filter((i) => i.severity === "error" && i.code.startsWith("syntax-"));
  if (errors.length) {
    for (const e of errors) err(`logsmith simulate: ${pipelinePath}: ${e.message}\n`);
    return 1;
  }
  const baseDir = statSync(pipelinePath).isDirectory() ? pipelinePath : dirname(pipelinePath);
  const result = await simulateInputLines(parsed, lines, { baseDir: resolve(baseDir), geoipDatabasePath: geoipDb, grokPatterns });
  if (result.input.error) err(`logsmith simulate: ${result.input.codec}: ${result.input.error}\n`);
  for (const s of result.skipped) err(`logsmith simulate: ${t("skipped {0} (offset {1}): {2}", s.filter, String(s.range.start), s.reason)}\n`);
  const out = result.events.map((e) => JSON.stringify(e) + "\n").join("");
  await new Promise<void>((resolve) => (out ? stdout.write(out, () => resolve()) : resolve()));
  return 0;
}
