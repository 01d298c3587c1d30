/**
 * Where an `elasticsearch` output writes, as an index pattern to search. Pure: the facts come from
 * logstash-output-elasticsearch (data_stream_support.rb, ilm.rb, setup_ecs_compatibility_related_defaults):
 * - default index `logstash-%{+yyyy.MM.dd}`, or `ecs-logstash-%{+yyyy.MM.dd}` when ECS compatibility is
 *   on (v1/v8; the default from Logstash 8); with ILM (`ilm_enabled => auto` on a 7.x+ cluster with
 *   X-Pack) the default index is replaced by the rollover alias `logstash`/`ecs-logstash`, whose backing
 *   indices are `<alias>-<date>-000001`, so `<alias>-*` covers both;
 * - `data_stream => true`, or `auto`/unset on Logstash 8+ with ECS on and no option a data stream
 *   refuses (such as `index`), writes to `<data_stream_type>-<data_stream_dataset>-<data_stream_namespace>`
 *   (defaults `logs`, `generic`, `default`); with `data_stream_auto_routing` (default true) an event's own
 *   `[data_stream][type|dataset|namespace]` fields pick another stream.
 */
import type { Plugin, Value } from "../../core/ast";
import { formatJodaUtc } from "../../core/simulate";

export interface IndexResolution {
  /** The pattern to search: date parts and field references become `*` (or the given date). */
  pattern: string;
  kind: "index" | "dataStream" | "ilmAlias";
  /** Why this pattern, in short English facts for a tooltip; not shown as errors. */
  notes: string[];
}

export interface IndexResolveOptions {
  /** Major version of the Logstash that runs the pipeline; decides the ECS and data-stream defaults. Default 8. */
  logstashMajor?: number;
  /** `pipeline.ecs_compatibility` when known; the plugin's own `ecs_compatibility` wins. */
  pipelineEcs?: "disabled" | "v1" | "v8";
  /** A concrete day instead of wildcards for `%{+…}` parts. */
  date?: Date;
}

/** Options whose presence makes `data_stream => auto` resolve to false (data streams refuse them). */
const DATA_STREAM_REFUSED = new Set([
  "index", "document_id", "document_type", "doc_as_upsert", "script", "script_type", "script_lang", "script_var_name",
  "scripted_upsert", "upsert", "retry_on_conflict", "version", "version_type", "parent", "join_field", "template",
  "template_name", "template_overwrite", "template_api", "ilm_enabled", "ilm_rollover_alias", "ilm_pattern", "ilm_policy",
]);

/** The literal text of an option value, when it is a plain string, bareword or number. */
export function scalarOption(plugin: Plugin, name: string): string | undefined {
  const attr = [...plugin.attributes].reverse().find((a) => a.name === name);
  return attr?.value ? scalarValue(attr.value) : undefined;
}

function scalarValue(v: Value): string | undefined {
  if (v.kind === "string" || v.kind === "bareword") return v.value;
  if (v.kind === "number") return v.text;
  return undefined;
}

/** String elements of an option that may be a string or an array (`hosts`). */
export function listOption(plugin: Plugin, name: string): string[] {
  const attr = [...plugin.attributes].reverse().find((a) => a.name === name);
  if (!attr?.value) return [];
  if (attr.value.kind === "array") return attr.value.elements.map(scalarValue).filter((x): x is string => x !== undefined);
  const one = scalarValue(attr.value);
  return one === undefined ? [] : [one];
}

/**
 * An index template's sprintf references become `*`, or for `%{+FORMAT}` the given date formatted like
 * Logstash's Joda formatter (UTC). `%{{FORMAT}}` (java.time) is treated like a date too.
 */
export function sprintfToPattern(template: string, date?: Date): string {
  const out = template.replace(/%\{(\{[^}]*\}|[^}]*)\}/g, (_m, inner: string) => {
    if (date && inner.startsWith("+") && inner !== "+%s") return formatJodaUtc(date, inner.slice(1));
    if (date && inner.startsWith("{")) return formatJodaUtc(date, inner.slice(1, -1));
    return "*";
  });
  return out.replace(/\*{2,}/g, "*");
}

function usesDataStream(plugin: Plugin, ecsOn: boolean, logstashMajor: number, notes: string[]): boolean {
  const explicit = scalarOption(plugin, "data_stream");
  if (explicit === "true") return true;
  if (explicit === "false") return false;
  if (!ecsOn) return false;
  if (logstashMajor < 8) return false;
  const refused = plugin.attributes
    .map((a) => a.name)
    .filter((name) => DATA_STREAM_REFUSED.has(name)
      || (name === "action" && scalarOption(plugin, "action") !== "create")
      || (name === "manage_template" && scalarOption(plugin, "manage_template") !== "false"));
  if (refused.length) {
    notes.push(`data_stream auto resolves to false because of ${[...new Set(refused)].join(", ")}`);
    return false;
  }
  notes.push("data_stream unset: Logstash 8+ with ECS on writes to a data stream");
  return true;
}

/** The index pattern an `elasticsearch` output plugin writes to. */
export function resolveOutputIndex(plugin: Plugin, options: IndexResolveOptions = {}): IndexResolution {
  const notes: string[] = [];
  const logstashMajor = options.logstashMajor ?? 8;
  const ecs = scalarOption(plugin, "ecs_compatibility") ?? options.pipelineEcs ?? (logstashMajor >= 8 ? "v8" : "disabled");
  const ecsOn = ecs !== "disabled";
  if (usesDataStream(plugin, ecsOn, logstashMajor, notes)) {
    const type = scalarOption(plugin, "data_stream_type") ?? "logs";
    const dataset = scalarOption(plugin, "data_stream_dataset") ?? "generic";
    const namespace = scalarOption(plugin, "data_stream_namespace") ?? "default";
    if (scalarOption(plugin, "data_stream_auto_routing") !== "false") {
      notes.push("data_stream_auto_routing: events with [data_stream] fields may go to another stream");
    }
    return { pattern: `${type}-${dataset}-${namespace}`, kind: "dataStream", notes };
  }
  const index = scalarOption(plugin, "index");
  const ilmEnabled = scalarOption(plugin, "ilm_enabled") ?? "auto";
  const alias = scalarOption(plugin, "ilm_rollover_alias");
  const defaultAlias = ecsOn ? "ecs-logstash" : "logstash";
  if (ilmEnabled !== "false" && index === undefined) {
    // The default index with ILM in use becomes the rollover alias, whose backing indices are
    // `<alias>-<yyyy.MM.dd>-000001`; without ILM (no X-Pack) it stays `<alias>-<yyyy.MM.dd>`. One pattern covers both.
    const name = alias ?? defaultAlias;
    notes.push(`default index; with ILM the rollover alias ${name}`);
    const day = options.date ? `-${formatJodaUtc(options.date, "yyyy.MM.dd")}` : "";
    return { pattern: alias ? `${alias}*` : day ? `${name}${day}*` : `${name}-*`, kind: "ilmAlias", notes };
  }
  if (ilmEnabled !== "false" && alias !== undefined) {
    // A custom alias replaces even an explicit index when ILM is in use; without X-Pack the index is used.
    notes.push(`ilm_rollover_alias ${alias} replaces the index when ILM is in use`);
    return { pattern: `${alias}*,${sprintfToPattern(index!, options.date)}`, kind: "ilmAlias", notes };
  }
  const source = index ?? `${defaultAlias}-%{+yyyy.MM.dd}`;
  return { pattern: sprintfToPattern(source, options.date), kind: "index", notes };
}
