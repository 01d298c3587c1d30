/**
 * `logsmith logformat parse|generate --kind K --format F`: the generated Logstash side of a log format.
 * `parse` prints, per event read on stdin, the raw directive values and the fields the generated pipeline
 * puts on the event, computed by running that pipeline through the simulator (not by the matcher), so the
 * output shows what Logstash would index.
 */
import { t } from "../core/l10n";
import { getDialect, isLogFormatKind, LOG_FORMAT_KINDS } from "../core/logformat/registry";
import type { LogFormatDialect, ParsedFormat } from "../core/logformat/types";
import { parseConfig } from "../core/parse";
import { addTag, simulatePipeline, type JsonObject } from "../core/simulate";

const help = (): string =>
  t(`Usage: logsmith logformat parse --kind KIND --format FORMAT [--legacy] [--parser P] < lines
       logsmith logformat generate --kind KIND --format FORMAT [--path PATH] [--legacy] [--parser P]

KIND is apache, tomcat, log4j1 or log4j2. FORMAT is the format as written in the producer's
configuration (Apache: the LogFormat text between its quotes, with \\" escapes; Tomcat: the
pattern attribute, XML-decoded; log4j: the conversion pattern or the JSON layout element).

parse      For each event on standard input, print one JSON line:
           {"matched": ..., "directives": {...}, "fields": {...}}; the fields are what the
           generated pipeline puts on the event, computed by the pipeline simulator.
generate   Print the generated Logstash pipeline (file input, codec, grok, date, mutate).

Options:
  --path PATH   File the generated file input reads (generate).
  --legacy      Field names without ECS (ecs_compatibility => disabled).
  --parser P    grok (default) or dissect; dissect only where the format has fixed delimiters
                (otherwise the pipeline keeps grok and says why in a comment).
`);

class LogformatUsageError extends Error {}

interface Args {
  action: "parse" | "generate";
  dialect: LogFormatDialect;
  format: string;
  path?: string;
  ecs: boolean;
  parser?: "grok" | "dissect";
}

function parseArgs(argv: string[]): Args | "help" {
  if (argv.includes("-h") || argv.includes("--help")) return "help";
  const [action, ...rest] = argv;
  if (action !== "parse" && action !== "generate") throw new LogformatUsageError(t("logformat needs parse or generate, not {0}", action ?? t("nothing")));
  let kind: string | undefined;
  let format: string | undefined;
  let path: string | undefined;
  let ecs = true;
  let parser: Args["parser"];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const name = arg.split("=")[0];
    const value = (): string => {
      const v = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : rest[++i];
      if (v === undefined) throw new LogformatUsageError(t("{0} needs a value", name));
      return v;
    };
    if (name === "--kind") kind = value();
    else if (name === "--format") format = value();
    else if (name === "--path") path = value();
    else if (name === "--parser") {
      const v = value();
      if (v !== "grok" && v !== "dissect") throw new LogformatUsageError(t("{0} must be {1}, not {2}", "--parser", "grok | dissect", v));
      parser = v;
    }
    else if (arg === "--legacy") ecs = false;
    else throw new LogformatUsageError(t("unknown option {0}", arg));
  }
  if (!kind || !isLogFormatKind(kind)) throw new LogformatUsageError(t("--kind must be one of {0}", LOG_FORMAT_KINDS.join(", ")));
  const dialect = getDialect(kind);
  if (!dialect) throw new LogformatUsageError(t("the {0} log format is not available in this build", kind));
  if (format === undefined) throw new LogformatUsageError(t("{0} needs a value", "--format"));
  return { action, dialect, format, path, ecs, parser };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of stream as AsyncIterable<string | Buffer>) chunks.push(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
  return chunks.join("");
}

/** Lines to events as the generated file input's codec would cut them. */
function events(parsed: ParsedFormat, text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  const rule = parsed.multiline;
  if (!rule) return lines;
  const re = new RegExp(rule.pattern);
  const out: string[] = [];
  for (const line of lines) {
    // negate+previous (the only shape the generators emit): a line not matching the start continues the event.
    const starts = re.test(line) !== rule.negate;
    const joins = rule.what === "previous" ? starts : !starts;
    if (joins && out.length) out[out.length - 1] += `\n${line}`;
    else out.push(line);
  }
  return out;
}

function toEvent(parsed: ParsedFormat, text: string): JsonObject {
  if (!parsed.json) return { message: text };
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as JsonObject;
  } catch {
    // as the json codec: the line is kept and tagged
  }
  const event: JsonObject = { message: text };
  addTag(event, "_jsonparsefailure");
  return event;
}

/** What `parse` prints for each event; exported for tests and the bench. */
export async function parseLines(dialect: LogFormatDialect, parsed: ParsedFormat, input: string, ecs = true, parser?: "grok" | "dissect"): Promise<object[]> {
  const pipeline = parseConfig(dialect.generatePipeline(parsed, { ecs, parser }));
  const chunks = events(parsed, input);
  const epoch = new Date(0);
  const result = await simulatePipeline(pipeline, chunks.map((c) => toEvent(parsed, c)), { now: epoch, ecsCompatibility: ecs ? "v8" : "disabled" });
  const outputs = result.steps.filter((s) => s.parent === undefined).map((s) => s.output);
  return chunks.map((chunk, i) => {
    const m = dialect.matchLine(parsed, chunk);
    const fields = { ...(outputs[i] ?? {}) };
    delete fields["@version"];
    delete fields.message;
    // @timestamp only when the pipeline's date filter set it (the simulator's clock is pinned to 0).
    if (fields["@timestamp"] === epoch.toISOString()) delete fields["@timestamp"];
    return { matched: m.matched, directives: m.directives, fields };
  });
}

export async function runLogformat(argv: string[], stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<number> {
  let args: Args | "help";
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof LogformatUsageError)) throw error;
    process.stderr.write(`logsmith logformat: ${error.message}\n${t("Run `logsmith logformat --help` for usage.")}\n`);
    return 2;
  }
  const write = (text: string) => new Promise<void>((resolve) => stdout.write(text, () => resolve()));
  if (args === "help") {
    await write(help());
    return 0;
  }
  const parsed = args.dialect.parseFormat(args.format);
  for (const i of parsed.issues) process.stderr.write(`logsmith logformat: ${i.severity}: ${i.message} [${i.code}]\n`);
  if (args.action === "generate") {
    await write(args.dialect.generatePipeline(parsed, { path: args.path, ecs: args.ecs, parser: args.parser }));
    return parsed.issues.some((i) => i.severity === "error") ? 1 : 0;
  }
  const rows = await parseLines(args.dialect, parsed, await readAll(stdin), args.ecs, args.parser);
  await write(rows.map((r) => JSON.stringify(r) + "\n").join(""));
  return 0;
}
