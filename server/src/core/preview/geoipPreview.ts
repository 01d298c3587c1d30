/**
 * GeoIP preview: each sample line is the value of the filter's `source` field, looked up in a real
 * MaxMind database the way logstash-filter-geoip does.
 */
import type { Plugin } from "../ast";
import type { JsonObject } from "../grok/eventFields";
import { applyGeoip, GeoipConfigError, lookupGeoip, parseIpLiteral, selectGeoipDatabasePath, type GeoipOptions, type GeoipReader } from "../geoip";
import { t } from "../l10n";
import { set } from "../simulate/event";
import { PluginOptions } from "../simulate/options";
import { diffEvents } from "../simulate/pipeline";
import type { GeoipLinePreview, GeoipPreview } from "./types";

export interface GeoipEnv {
  ecsDefault: "disabled" | "v1" | "v8";
  /** `logsmith.geoip.databasePath`, per database type. */
  databasePath?: Partial<Record<"City" | "ASN", string>>;
  /** Opens a database (the host reads the file); may throw. */
  openReader(path: string): Promise<GeoipReader>;
  /** False when the plugin's `database` option must not be read (untrusted workspace). */
  readDatabaseOption?: boolean;
}

function geoipOptionsOf(plugin: Plugin, env: GeoipEnv): GeoipOptions & { database?: string; default_database_type?: "City" | "ASN" } {
  const opts = new PluginOptions(plugin);
  const ecs = opts.string("ecs_compatibility");
  const o: GeoipOptions & { database?: string; default_database_type?: "City" | "ASN" } = {
    source: opts.string("source") ?? "",
    ecs_compatibility: ecs === "disabled" || ecs === "v1" || ecs === "v8" ? ecs : env.ecsDefault,
  };
  if (opts.has("target")) o.target = opts.string("target");
  if (opts.has("fields")) o.fields = opts.list("fields");
  if (opts.has("tag_on_failure")) o.tag_on_failure = opts.list("tag_on_failure");
  if (opts.has("database")) o.database = opts.string("database");
  const type = opts.string("default_database_type");
  if (type === "City" || type === "ASN") o.default_database_type = type;
  return o;
}

/** Reason of a failed lookup, in the user's words. */
function failureReason(line: string): string {
  if (line.trim() === "") return t("The source field is empty: Logstash skips the lookup and tags the event");
  if (!parseIpLiteral(line)) return t("`{0}` is not an IP address (host names are not resolved in the preview)", line);
  return t("No location for `{0}` in the database (private, reserved or unknown address)", line);
}

/** Previews a geoip filter over `lines`; `error` results say why no lookup could run. */
export async function previewGeoip(plugin: Plugin, lines: string[], env: GeoipEnv): Promise<GeoipPreview & { error?: string }> {
  const options = geoipOptionsOf(plugin, env);
  const out: GeoipPreview & { error?: string } = { kind: "geoip", range: plugin.range, lines: [] };
  if (!options.source) return { ...out, error: t("The geoip filter needs a `source` option") };
  if (options.database && env.readDatabaseOption === false) {
    return { ...out, error: t("The `database` file is not read in an untrusted workspace") };
  }
  const path = selectGeoipDatabasePath(options, env.databasePath);
  if (!path) return { ...out, error: t("No GeoIP database: set `database` in the filter or the `logsmith.geoip.databasePath` setting") };
  let reader: GeoipReader;
  try {
    reader = await env.openReader(path);
  } catch (error) {
    return { ...out, database: path, error: t("Cannot open the GeoIP database {0}: {1}", path, (error as Error).message) };
  }
  out.database = path;
  out.databaseType = reader.metadata.databaseType;
  for (const line of lines) {
    const before: JsonObject = { message: line };
    try {
      set(before, options.source, line);
    } catch {
      return { ...out, error: t("Invalid field reference in `source`: {0}", options.source) };
    }
    try {
      const result = lookupGeoip(reader, line, options);
      const after = applyGeoip(structuredClone(before) as Record<string, unknown>, result) as JsonObject;
      const preview: GeoipLinePreview = { input: line, matched: result.matched, event: after, changes: diffEvents(before, after), tags: result.tags };
      if (!result.matched) preview.reason = failureReason(line);
      out.lines.push(preview);
    } catch (error) {
      if (error instanceof GeoipConfigError) return { ...out, error: error.message };
      out.lines.push({ input: line, matched: false, event: before, changes: [], tags: [], reason: (error as Error).message });
    }
  }
  return out;
}
