/**
 * `logsmith simulate PIPELINE [--input FILE|-] [--geoip-db PATH]`: the input lines go through the codec
 * of the pipeline's first `file` or `stdin` input (json, json_lines, multiline, plain), the filters
 * run, and the surviving events (clones and split parts included) are printed as JSON lines. Filters
 * the simulator cannot run are listed on stderr.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readPatternsPath } from "../core/grok/patternFiles";
import { t } from "../core/l10n";
import { parseConfig } from "../core/parse";
import { orderPipelineFiles } from "../core/pipeline";
import { simulateInputLines } from "../core/simulate";

const help = (): string =>
  t(`Usage: logsmith simulate PIPELINE [--input FILE|-] [--geoip-db PATH]

Runs the filters of PIPELINE (a file, or a directory of *.conf files) over input lines and prints
each resulting event as one JSON line: dropped events are left out, clones and split parts are
included. When the pipeline has a file or stdin input, the lines go through its codec (json,
json_lines, multiline, plain); otherwise each line is one event's message.

Options:
  --input FILE     Read lines from FILE instead of standard input ("-" is standard input).
  --geoip-db PATH  MaxMind database (.mmdb) for geoip filters without a database option.
`);

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
  try {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === "-h" || arg === "--help") {
        stdout.write(help());
        return 0;
      }
      const option = ["--input", "--geoip-db", "--patterns-path"].find((o) => arg === o || arg.startsWith(`${o}=`));
      if (option) {
        const v = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
        if (!v) throw new SimulateUsageError(t("{0} needs a value", option));
        if (option === "--input") inputPath = v;
        else if (option === "--patterns-path") patternsPath = v;
        else geoipDb = resolve(v);
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
  let grokPatterns: string[];
  try {
    grokPatterns = patternsPath ? readPatternsPath(patternsPath).map((f) => f.text) : [];
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
  const lines = input.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  const baseDir = statSync(pipelinePath).isDirectory() ? pipelinePath : dirname(pipelinePath);
  const result = await simulateInputLines(parsed, lines, { baseDir: resolve(baseDir), geoipDatabasePath: geoipDb, grokPatterns });
  if (result.input.error) err(`logsmith simulate: ${result.input.codec}: ${result.input.error}\n`);
  for (const s of result.skipped) err(`logsmith simulate: ${t("skipped {0} (offset {1}): {2}", s.filter, String(s.range.start), s.reason)}\n`);
  const out = result.events.map((e) => JSON.stringify(e) + "\n").join("");
  await new Promise<void>((resolve) => (out ? stdout.write(out, () => resolve()) : resolve()));
  return 0;
}
