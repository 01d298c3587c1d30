/**
 * Where each log4j value lands in the event, under ECS naming (`ecs_compatibility => v8`, the field names of
 * log4j's own ECS template where it has one) and legacy naming.
 */
import { fieldTarget as f } from "../fieldTargets";
import type { FieldTarget } from "../types";

export const FIELDS = {
  timestamp: f("timestamp", "timestamp"),
  level: f("[log][level]", "level"),
  logger: f("[log][logger]", "logger"),
  thread: f("[process][thread][name]", "thread"),
  threadId: f("[process][thread][id]", "thread_id"),
  threadPriority: f("[log4j][thread_priority]", "thread_priority"),
  message: f("message", "message"),
  stackTrace: f("[error][stack_trace]", "stack_trace"),
  className: f("[log][origin][class]", "class"),
  file: f("[log][origin][file][name]", "file"),
  line: f("[log][origin][file][line]", "line"),
  method: f("[log][origin][function]", "method"),
  location: f("[log4j][location]", "location"),
  ndc: f("[log4j][ndc]", "ndc"),
  mdcAll: f("[log4j][mdc]", "mdc"),
  relative: f("[log4j][relative]", "relative"),
  sequence: f("[log4j][sequence]", "sequence"),
  marker: f("[log4j][marker]", "marker"),
  pid: f("[process][pid]", "pid"),
  uuid: f("[log4j][uuid]", "uuid"),
  nano: f("[log4j][nano_time]", "nano_time"),
  map: f("[log4j][map]", "map"),
  fqcn: f("[log4j][fqcn]", "fqcn"),
  endOfBatch: f("[log4j][end_of_batch]", "end_of_batch"),
};

/** `%X{key}`: ECS puts context data in `labels` (as log4j's EcsLayout.json does); legacy under `mdc`. */
export function mdcField(key: string): FieldTarget {
  const safe = key.replace(/[\[\]]/g, "_");
  return f(`[labels][${safe}]`, `[mdc][${safe}]`);
}

/** A value log4j rewrites (`%replace`, `%maxLen`, `%enc` …) around one converter keeps that converter's field. */
export function wrapperField(name: string): FieldTarget {
  return f(`[log4j][${name}]`, name);
}
