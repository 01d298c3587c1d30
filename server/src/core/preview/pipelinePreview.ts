/**
 * Whole-pipeline preview: the simulator's per-event traces over the sample lines (one event per line,
 * `message` set to the line), clones and split parts included as the simulator reports them.
 */
import type { Config } from "../ast";
import type { JsonObject } from "../grok/eventFields";
import type { EcsCompatibility } from "../grok/patternLibrary";
import { t } from "../l10n";
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
}

export async function previewPipeline(config: Config, lines: string[], env: PipelineEnv): Promise<PipelinePreview> {
  const ranges = config.sections.filter((s) => s.type === "filter").map((s) => s.range);
  const events: JsonObject[] = lines.map((message) => ({ message }));
  // Built as a variable, not a literal: options the simulator does not know yet are ignored by it.
  const options: SimulateOptions & Record<string, unknown> = { ecsCompatibility: env.ecsDefault };
  if (env.now) options.now = env.now;
  if (env.geoipDatabasePath) options.geoipDatabasePath = env.geoipDatabasePath;
  if (env.baseDir) options.baseDir = env.baseDir;
  if (env.readFiles === false) {
    options.readFile = (path: string) => {
      throw new Error(t("{0} is not read in an untrusted workspace", path));
    };
  }
  const result = await simulatePipeline(config, events, options);
  return { kind: "pipeline", ranges, events: result.steps, outputs: result.events, skipped: result.skipped, grouping: t("one event per line") };
}
