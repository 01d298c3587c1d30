/**
 * The settings a `pipelines.yml` entry may set. Logstash accepts only its per-pipeline white list there
 * (`PIPELINE_SETTINGS_WHITE_LIST` in logstash-core settings.rb, 8.x) and rejects any other key when it
 * loads the file; types and allowed values follow the setting classes registered in environment.rb.
 */
import { localizable } from "../l10n";

export type SettingType =
  | { kind: "string" }
  | { kind: "path" }
  | { kind: "boolean" }
  /** `PositiveIntegerSetting`: an integer above 0. */
  | { kind: "positiveInteger" }
  /** `NumericSetting`: an integer, 0 allowed. */
  | { kind: "integer" }
  /** `BytesSetting`: `1024mb`, `4gb`, or a byte count. */
  | { kind: "bytes" }
  /** `TimeValueSetting`: `3s`, `500ms`, … */
  | { kind: "timeValue" }
  | { kind: "enum"; values: readonly string[] };

export interface PipelineSetting {
  name: string;
  type: SettingType;
  /** Logstash's default, as text. */
  default?: string;
  /** English description, translated with `t()` where it is shown. */
  description: string;
  /** Added after Logstash 8.0; accepted but flagged on older versions some day. */
  since?: string;
}

const bool = { kind: "boolean" } as const;

export const PIPELINE_SETTINGS: readonly PipelineSetting[] = [
  { name: "pipeline.id", type: { kind: "string" }, default: "main", description: localizable("Name of the pipeline; must be unique in pipelines.yml.") },
  { name: "path.config", type: { kind: "path" }, description: localizable("File, directory or glob of the pipeline's config files; a directory loads every file in it, in name order.") },
  { name: "config.string", type: { kind: "string" }, description: localizable("The pipeline's config written inline instead of in files.") },
  { name: "pipeline.workers", type: { kind: "positiveInteger" }, default: "number of CPU cores", description: localizable("Number of worker threads running the filter and output stages.") },
  { name: "pipeline.batch.size", type: { kind: "positiveInteger" }, default: "125", description: localizable("Events a worker collects from the inputs before running filters and outputs.") },
  { name: "pipeline.batch.delay", type: { kind: "positiveInteger" }, default: "50", description: localizable("Milliseconds a worker waits for more events before dispatching an undersized batch.") },
  { name: "pipeline.ordered", type: { kind: "enum", values: ["auto", "true", "false"] }, default: "auto", description: localizable("Keep event order: `true` forces one worker, `auto` orders only when pipeline.workers is 1.") },
  { name: "pipeline.ecs_compatibility", type: { kind: "enum", values: ["disabled", "v1", "v8"] }, default: "v8", description: localizable("Default ECS compatibility mode of the pipeline's plugins.") },
  { name: "pipeline.reloadable", type: bool, default: "true", description: localizable("Whether the pipeline may be reloaded.") },
  { name: "pipeline.system", type: bool, default: "false", description: localizable("Marks an internal pipeline (monitoring).") },
  { name: "pipeline.plugin_classloaders", type: bool, default: "false", description: localizable("Load Java plugins in their own class loaders.") },
  { name: "config.reload.automatic", type: bool, default: "false", description: localizable("Check the config files periodically and reload the pipeline when they change.") },
  { name: "config.reload.interval", type: { kind: "timeValue" }, default: "3s", description: localizable("How often to check the config files for changes.") },
  { name: "config.debug", type: bool, default: "false", description: localizable("Log the compiled config at debug level.") },
  { name: "config.support_escapes", type: bool, default: "false", description: localizable("Process escape sequences such as \\n in quoted strings.") },
  { name: "queue.type", type: { kind: "enum", values: ["memory", "persisted"] }, default: "memory", description: localizable("Event buffer between inputs and workers: `memory` or the disk-backed `persisted` queue.") },
  { name: "path.queue", type: { kind: "path" }, default: "path.data/queue", description: localizable("Directory of the persisted queue's data files.") },
  { name: "queue.page_capacity", type: { kind: "bytes" }, default: "64mb", description: localizable("Size of a persisted queue page file.") },
  { name: "queue.max_events", type: { kind: "integer" }, default: "0", description: localizable("Maximum unread events in the persisted queue (0 = unlimited).") },
  { name: "queue.max_bytes", type: { kind: "bytes" }, default: "1024mb", description: localizable("Total capacity of the persisted queue on disk.") },
  { name: "queue.checkpoint.acks", type: { kind: "integer" }, default: "1024", description: localizable("Acknowledged events before a checkpoint is forced (0 = unlimited).") },
  { name: "queue.checkpoint.writes", type: { kind: "integer" }, default: "1024", description: localizable("Written events before a checkpoint is forced (0 = unlimited).") },
  { name: "queue.checkpoint.interval", type: { kind: "integer" }, default: "1000", description: localizable("Milliseconds between forced checkpoints of the head page.") },
  { name: "queue.checkpoint.retry", type: bool, default: "true", description: localizable("Retry a failed checkpoint write.") },
  { name: "queue.drain", type: bool, default: "false", description: localizable("Drain the persisted queue before shutting down.") },
  { name: "dead_letter_queue.enable", type: bool, default: "false", description: localizable("Keep events that outputs reject (mapping errors) in the dead letter queue.") },
  { name: "dead_letter_queue.max_bytes", type: { kind: "bytes" }, default: "1024mb", description: localizable("Maximum size of the dead letter queue.") },
  { name: "dead_letter_queue.flush_interval", type: { kind: "integer" }, default: "5000", description: localizable("Milliseconds of inactivity before the dead letter queue file is finalized.") },
  { name: "dead_letter_queue.storage_policy", type: { kind: "enum", values: ["drop_newer", "drop_older"] }, default: "drop_newer", description: localizable("What to drop when the dead letter queue is full.") },
  { name: "dead_letter_queue.retain.age", type: { kind: "string" }, description: localizable("Age after which dead letter queue segments are deleted (for example `7d`).") },
  { name: "path.dead_letter_queue", type: { kind: "path" }, default: "path.data/dead_letter_queue", description: localizable("Directory of the dead letter queue.") },
  { name: "metric.collect", type: bool, default: "true", description: localizable("Collect the pipeline's metrics.") },
];

const BY_NAME = new Map(PIPELINE_SETTINGS.map((s) => [s.name, s]));

export function pipelineSetting(name: string): PipelineSetting | undefined {
  return BY_NAME.get(name);
}

/** Values a completion offers for a setting. */
export function suggestedValues(type: SettingType): string[] {
  switch (type.kind) {
    case "boolean":
      return ["true", "false"];
    case "enum":
      return [...type.values];
    default:
      return [];
  }
}

const BYTES = /^\d+(\.\d+)?\s*(b|kb|mb|gb|tb|pb)?$/i;
const TIME = /^\d+\s*(d|h|m|s|ms|micros|nanos|us|ns)$/i;

/**
 * Checks a scalar value against a setting type; returns the expectation in words when it does not fit.
 * YAML has already typed the value (`true` is a boolean, `8` a number), as Logstash's loader sees it.
 */
export function checkValue(type: SettingType, value: unknown): string | undefined {
  // `${VAR}` and `${VAR:default}` are substituted when Logstash loads the file.
  if (typeof value === "string" && value.includes("${")) return undefined;
  switch (type.kind) {
    case "string":
    case "path":
      return typeof value === "string" && value.length > 0 ? undefined : localizable("a non-empty string");
    case "boolean":
      // The boolean setting also coerces the strings "true" and "false".
      return value === true || value === false || value === "true" || value === "false" ? undefined : localizable("true or false");
    case "positiveInteger":
      return isInteger(value) && Number(value) > 0 ? undefined : localizable("an integer above 0");
    case "integer":
      return isInteger(value) && Number(value) >= 0 ? undefined : localizable("an integer (0 or more)");
    case "bytes":
      return (typeof value === "number" && value >= 0) || (typeof value === "string" && BYTES.test(value.trim())) ? undefined : localizable("a size such as 64mb or 1gb");
    case "timeValue":
      return typeof value === "string" && TIME.test(value.trim()) ? undefined : localizable("a duration such as 3s or 500ms");
    case "enum":
      return type.values.includes(String(value)) ? undefined : localizable("one of {0}");
  }
}

function isInteger(value: unknown): boolean {
  if (typeof value === "number") return Number.isInteger(value);
  return typeof value === "string" && /^\d+$/.test(value);
}
