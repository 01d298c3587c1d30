/**
 * The geoip filter in the simulator: `core/geoip`'s lookup against a MaxMind database read through the
 * filter context: the `database` option, else `SimulateOptions.geoipDatabasePath`, else the GeoLite2
 * copy of the `geolite2` package when it is installed.
 */
import { selectGeoipDatabasePath } from "../geoip/databasePath";
import { GeoipConfigError } from "../geoip/fields";
import { applyGeoip, lookupGeoip } from "../geoip/lookup";
import { t } from "../l10n";
import { FilterConfigError, ecsOf, filterMatched, type FilterContext, type FilterOutcome } from "./common";
import { get, type SimEvent } from "./event";
import type { PluginOptions } from "./options";

export function runGeoip(event: SimEvent, opts: PluginOptions, ctx: FilterContext): FilterOutcome {
  const source = opts.string("source");
  if (source === undefined) throw new FilterConfigError("geoip needs `source`");
  const type = opts.string("default_database_type", "City") as "City" | "ASN";
  const path = selectGeoipDatabasePath({ database: opts.string("database"), default_database_type: type }, ctx.geoipDatabasePath);
  if (!path) return { status: "skipped", detail: t("no GeoIP database: set `database`, the logsmith.geoip.databasePath setting or --geoip-db") };
  let reader;
  try {
    reader = ctx.openGeoip(path);
  } catch (error) {
    return { status: "skipped", detail: t("cannot read the GeoIP database {0}: {1}", path, (error as Error).message) };
  }
  let result;
  try {
    result = lookupGeoip(reader, get(event, source), {
      source,
      target: opts.string("target"),
      fields: opts.has("fields") ? opts.list("fields") : undefined,
      ecs_compatibility: ecsOf(opts, ctx),
      tag_on_failure: opts.has("tag_on_failure") ? opts.list("tag_on_failure") : undefined,
    });
  } catch (error) {
    if (error instanceof GeoipConfigError) throw new FilterConfigError(error.message);
    throw error;
  }
  applyGeoip(event, result);
  if (!result.matched) return { status: "failed", detail: `no GeoIP data for \`${source}\`` };
  filterMatched(event, opts);
  return { status: "applied", detail: `${result.writes.length} field(s) from ${reader.metadata.databaseType}` };
}
