/**
 * `logsmith simulate --pipelines pipelines.yml --pipeline-id ID`: the input lines enter pipeline ID and
 * follow its `pipeline { send_to }` outputs into the pipelines listening there (core/workspace
 * simulateFlow). Output, one JSON line per event leaving a pipeline's filters, in stage order:
 *
 *   {"pipeline":"indexer","event":{…}}
 *   {"pipeline":"apache-es","from":{"pipeline":"indexer","address":"apache"},"event":{…}}
 *
 * `event` is what that pipeline's outputs see (no `@metadata`; the next pipeline still receives it).
 * Addresses nobody listens on, a cut cycle and skipped filters go to stderr.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Config } from "../core/ast";
import { t } from "../core/l10n";
import { parseConfig, type ParseResult } from "../core/parse";
import { analyzePipelinesYml } from "../core/pipelinesYml";
import { decodeLines, findInputCodec, outputView, type InputCodec, type JsonObject, type SimulateOptions } from "../core/simulate";
import { PluginOptions } from "../core/simulate/options";
import { groupPipelines, PipelineIndex, simulateFlow, type IndexedPipeline } from "../core/workspace";

export interface FlowCommand {
  pipelinesYml: string;
  pipelineId?: string;
  /** Folder whose files `path.config` is matched against; default the pipelines.yml folder's parent. */
  root?: string;
  lines: string[];
  simulate: SimulateOptions;
}

export interface FlowIO {
  out(text: string): void;
  err(text: string): void;
}

const SKIP_DIRS = new Set(["node_modules", ".git"]);
const MAX_FILES = 20_000;

function listFiles(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (out.length >= MAX_FILES) break;
    if (entry.name.startsWith(".") || SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The workspace-like view of a Logstash install: pipelines.yml plus the config files under `root`. */
export function loadPipelineIndex(ymlPath: string, root: string): { index: PipelineIndex; ids: string[] } {
  const yml = resolve(ymlPath);
  // Read first: a missing pipelines.yml must not cost a walk of its surroundings.
  const ymlText = readFileSync(yml, "utf8");
  const files = listFiles(resolve(root), []);
  const texts = new Map<string, string>();
  const read = (p: string) => {
    let text = texts.get(p);
    if (text === undefined) texts.set(p, (text = readFileSync(p, "utf8")));
    return text;
  };
  const analysis = analyzePipelinesYml(ymlText, { path: yml, roots: [resolve(root)], files });
  const parses = new Map<string, ParseResult>();
  const pipelines = groupPipelines({
    ymls: [{ path: yml, analysis }],
    // With a pipelines.yml Logstash runs only the pipelines it declares: other config files stay out.
    configFiles: [],
    parse: (p) => {
      try {
        if (!parses.has(p)) parses.set(p, parseConfig(read(p)));
        return parses.get(p);
      } catch {
        return undefined;
      }
    },
  });
  return { index: new PipelineIndex(pipelines), ids: analysis.pipelines.map((p) => p.id) };
}

const DECODED = new Set(["json", "json_lines", "multiline", "plain", "line"]);

/**
 * How the first pipeline reads the lines: a file or stdin input's codec as `logsmith simulate` uses,
 * else the codec of its first input that names one (a redis or kafka input's `codec => json`).
 */
export function flowInputCodec(configs: Config[]): InputCodec {
  for (const config of configs) {
    const spec = findInputCodec(config);
    if (spec.input) return spec;
  }
  for (const config of configs) {
    for (const section of config.sections) {
      if (section.type !== "input") continue;
      for (const st of section.body) {
        if (st.kind !== "plugin") continue;
        const value = st.attributes.find((a) => a.name === "codec")?.value;
        const codec = value?.kind === "plugin" ? value.name : value?.kind === "string" || value?.kind === "bareword" ? value.value : undefined;
        if (!codec || !DECODED.has(codec)) continue;
        return { input: st.name, codec, options: value?.kind === "plugin" ? new PluginOptions(value) : undefined, inputOptions: new PluginOptions(st) };
      }
    }
  }
  return { codec: "plain" };
}

function syntaxErrors(pipeline: IndexedPipeline): string[] {
  return pipeline.files.flatMap((f) => f.parse.issues.filter((i) => i.severity === "error" && i.code.startsWith("syntax-")).map((i) => `${f.path}: ${i.message}`));
}

/** Runs the flow and prints it; the exit status. */
export async function runFlow(cmd: FlowCommand, io: FlowIO): Promise<number> {
  const fail = (message: string, code: number) => {
    io.err(`logsmith simulate: ${message}\n`);
    return code;
  };
  let loaded: ReturnType<typeof loadPipelineIndex>;
  try {
    loaded = loadPipelineIndex(cmd.pipelinesYml, cmd.root ?? dirname(dirname(resolve(cmd.pipelinesYml))));
  } catch (error) {
    return fail((error as Error).message, 2);
  }
  const { index, ids } = loaded;
  if (!cmd.pipelineId) return fail(t("--pipeline-id is needed with --pipelines; {0} declares: {1}", basename(cmd.pipelinesYml), ids.join(", ") || t("nothing")), 2);
  const start = ids.includes(cmd.pipelineId) ? index.pipeline(cmd.pipelineId) : undefined;
  if (!start) return fail(t("no pipeline `{0}` in {1}; it declares: {2}", cmd.pipelineId, cmd.pipelinesYml, ids.join(", ") || t("nothing")), 2);
  if (!start.files.length) return fail(t("pipeline `{0}` reads no file here (its path.config matches nothing under {1})", start.id, cmd.root ?? dirname(dirname(resolve(cmd.pipelinesYml)))), 2);

  const ecs = start.ecsCompatibility ?? cmd.simulate.ecsCompatibility ?? "v8";
  const spec = flowInputCodec(start.files.map((f) => f.parse.config));
  let events: JsonObject[];
  try {
    events = decodeLines(spec, cmd.lines, ecs);
  } catch (error) {
    io.err(`logsmith simulate: ${spec.codec}: ${(error as Error).message}\n`);
    events = decodeLines({ ...spec, codec: "plain", options: undefined }, cmd.lines, ecs);
  }
  const baseDir = cmd.simulate.baseDir ?? dirname(start.files[0].path);
  const flow = await simulateFlow(index, start.id, events, { ...cmd.simulate, baseDir });

  let status = 0;
  const out: string[] = [];
  const reported = new Set<string>();
  for (const stage of flow.stages) {
    const pipeline = index.pipeline(stage.pipeline)!;
    if (!reported.has(pipeline.id)) {
      reported.add(pipeline.id);
      for (const e of syntaxErrors(pipeline)) {
        io.err(`logsmith simulate: ${pipeline.id}: ${e}\n`);
        status = 1;
      }
      for (const run of stage.runs) for (const s of run.result.skipped) io.err(`logsmith simulate: ${pipeline.id}: ${t("skipped {0} (offset {1}): {2}", s.filter, String(s.range.start), s.reason)} (${run.path})\n`);
    }
    for (const event of stage.output) out.push(JSON.stringify({ pipeline: stage.pipeline, ...(stage.from ? { from: stage.from } : {}), event: outputView(event) }) + "\n");
  }
  for (const u of flow.undelivered) io.err(`logsmith simulate: ${t("{0} event(s) of pipeline `{1}` sent to address \"{2}\", where no pipeline listens", String(u.events), u.pipeline, u.address)}\n`);
  if (flow.truncated) io.err(`logsmith simulate: ${t("stopped after {0} pipeline stages: the pipelines send to each other in a cycle", String(flow.stages.length))}\n`);
  io.out(out.join(""));
  return status;
}

/** Whether a positional argument names a pipelines.yml rather than a pipeline config. */
export function isPipelinesYmlPath(path: string): boolean {
  if (!/\.ya?ml$/i.test(path)) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
