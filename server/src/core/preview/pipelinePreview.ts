/**
 * Whole-pipeline preview: the simulator's per-event traces over the sample lines, decoded by the
 * pipeline's file/stdin input codec (plain: one event per line; multiline groups; json decodes), clones
 * and split parts included as the simulator reports them.
 */
import type { Config } from "../ast";
import type { JsonObject } from "../grok/eventFields";
import type { EcsCompatibility } from "../grok/patternLibrary";
import { t } from "../l10n";
import { decodeLines, findInputCodec } from "../simulate/codecs";
import { simulatePipeline, type SimulateOptions } from "../simulate/pipeline";
import type { PipelinePreview } from "./types";

export interface PipelineEnv {
  ecsDefault: EcsCompatibility;
  /** Fixed @timestamp for reproducible previews (default now). */
  now?: Date;
  /** Passed to the simulator for the geoip filter (`logsmith.geoip.databasePath`). */
  geoipDatabasePath?: Partial<Record<"City" | "ASN", string>>;
  /** Directory of the pipeline file, for relative dictionary and database paths. */
  baseDir?: string;
  /** False in an untrusted workspace: the simulator gets a reader that refuses every file. */
  readFiles?: boolean;
  /** Texts of the `logsmith.grok.patternsPath` files, which grok uses before its own definitions. */
  grokPatterns?: string[];
}

export async function previewPipeline(config: Config, lines: string[], env: PipelineEnv): Promise<PipelinePreview> {
  const ranges = config.sections.filter((s) => s.type === "filter").map((s) => s.range);
  // Through the file/stdin input's codec, as Logstash would read the sample file.
  const codec = findInputCodec(config);
  const events: JsonObject[] = decodeLines(codec, lines, env.ecsDefault);
  // Built as a variable, not a literal: options the simulator does not know yet are ignored by it.
  const options: SimulateOptions & Record<string, unknown> = { ecsCompatibility: env.ecsDefault };
  if (env.now) options.now = env.now;
  if (env.geoipDatabasePath) options.geoipDatabasePath = env.geoipDatabasePath;
  if (env.baseDir) options.baseDir = env.baseDir;
  if (env.grokPatterns?.length) options.grokPatterns = env.grokPatterns;
  if (env.readFiles === false) {
    options.readFile = (path: string) => {
      throw new Error(t("{0} is not read in an untrusted workspace", path));
    };
  }
  const result = await simulatePipeline(config, events, options);
  return { kind: "pipeline", ranges, events: result.steps, outputs: result.events, skipped: result.skipped, grouping: describeGrouping(codec.codec, codec.input) };
}

/** How sample lines became events, for the panel's status line. */
export function describeGrouping(codec: string, input: string | undefined): string {
  if (!input || codec === "plain" || codec === "line") return t("one event per line");
  if (codec === "multiline") return t("lines grouped by the multiline codec of the {0} input", input);
  if (codec === "json" || codec === "json_lines") return t("lines decoded by the {0} codec of the {1} input", codec, input);
  return t("one event per line (the {0} codec is not simulated)", codec);
}
