import { parseFieldReference } from "../fieldReference";
import {
  GEOIP_FIELDS, GEOIP_FIELD_ORDER, GeoipConfigError, databaseKindOf, desiredFields,
  type GeoipDatabaseKind, type GeoipField,
} from "./fields";
import { networkOf, parseIpLiteral, type ParsedIp } from "./ipAddress";

/** What the lookup needs from a MaxMind reader; `maxmind`'s `Reader` satisfies it. */
export interface GeoipReader {
  metadata: { databaseType: string };
  getWithPrefixLength(ip: string): [unknown, number];
}

export interface GeoipOptions {
  /** The `source` option: a field reference, used here only to derive the ECS default target. */
  source: string;
  target?: string;
  fields?: readonly string[];
  ecs_compatibility?: "disabled" | "v1" | "v8";
  tag_on_failure?: readonly string[];
}

export type GeoipValue = string | number | boolean | { lat: number; lon: number };

export interface GeoipWrite {
  /** Full field reference, e.g. `[client][geo][city_name]`. */
  ref: string;
  path: string[];
  value: GeoipValue;
}

export interface GeoipResult {
  /** True when Logstash would count the event as matched (`add_tag`/`add_field` then apply). */
  matched: boolean;
  targetPath: string[];
  /**
   * Logstash sets the target to `{}` when it is absent before writing, even when the lookup comes back
   * empty (private, reserved or unknown addresses, text that is not an address); but not when the
   * source is missing, blank or whitespace.
   */
  createsTarget: boolean;
  /** In the order Logstash performs them. */
  writes: GeoipWrite[];
  /** Tags added to the event (the `tag_on_failure` list when not matched). */
  tags: string[];
}

const DEFAULT_FAILURE_TAGS = ["_geoip_lookup_failure"];

/**
 * The target in effect: legacy mode defaults to `geoip`; ECS mode derives it from a source ending in
 * `[ip]` (`[client][ip]` → `client`) and otherwise requires one (`auto_target_from_source!`).
 */
export function geoipTargetPath(options: GeoipOptions): string[] {
  const ecs = (options.ecs_compatibility ?? "disabled") !== "disabled";
  let target = options.target;
  if (target === undefined) {
    if (!ecs) target = "geoip";
    else if (options.source.endsWith("[ip]") && options.source.length > 4) target = options.source.slice(0, -4);
    else {
      throw new GeoipConfigError(
        "GeoIP Filter in ECS-Compatiblity mode requires a `target` when `source` is not an `ip` sub-field, eg. [client][ip]",
      );
    }
  }
  const parsed = parseFieldReference(target);
  if ("error" in parsed) throw new GeoipConfigError(`Invalid FieldReference: \`${target}\``);
  return parsed.path;
}

type Names = { names?: Record<string, string> } | undefined;
interface CityRecord {
  city?: { names?: Record<string, string> };
  continent?: { code?: string; names?: Record<string, string> };
  country?: { iso_code?: string; names?: Record<string, string> };
  location?: { latitude?: number; longitude?: number; metro_code?: number; time_zone?: string };
  postal?: { code?: string };
  subdivisions?: Array<{ iso_code?: string; names?: Record<string, string> }>;
}
interface AsnRecord {
  autonomous_system_number?: number;
  autonomous_system_organization?: string;
}

// MaxMind's Java reader asks for English names by default.
const nameOf = (r: Names): string | undefined => r?.names?.en;

function cityData(record: CityRecord, ip: ParsedIp, wanted: Set<GeoipField>): Map<GeoipField, GeoipValue> {
  const data = new Map<GeoipField, GeoipValue>();
  const loc = record.location ?? {};
  // GeoIPFilter.retrieveCityGeoData: without coordinates the record is treated as not found.
  if (loc.latitude == null && loc.longitude == null) return data;
  const subdivision = record.subdivisions?.[record.subdivisions.length - 1];
  const country = record.country?.iso_code;
  const put = (field: GeoipField, value: GeoipValue | undefined) => {
    if (wanted.has(field) && value != null) data.set(field, value);
  };
  put("CITY_NAME", nameOf(record.city));
  put("CONTINENT_CODE", record.continent?.code);
  put("CONTINENT_NAME", nameOf(record.continent));
  put("COUNTRY_NAME", nameOf(record.country));
  put("COUNTRY_CODE2", country);
  // Upstream fills country_code3 with the same two-letter ISO code; kept for fidelity.
  put("COUNTRY_CODE3", country);
  put("IP", ip.hostAddress);
  put("POSTAL_CODE", record.postal?.code);
  put("DMA_CODE", loc.metro_code);
  put("REGION_NAME", nameOf(subdivision));
  put("REGION_CODE", subdivision?.iso_code);
  put("REGION_ISO_CODE", country != null && subdivision?.iso_code != null ? `${country}-${subdivision.iso_code}` : undefined);
  put("TIMEZONE", loc.time_zone);
  put("LOCATION", loc.latitude != null && loc.longitude != null ? { lat: loc.latitude, lon: loc.longitude } : undefined);
  put("LATITUDE", loc.latitude);
  put("LONGITUDE", loc.longitude);
  return data;
}

function countryData(record: CityRecord, ip: ParsedIp, wanted: Set<GeoipField>): Map<GeoipField, GeoipValue> {
  const data = new Map<GeoipField, GeoipValue>();
  const put = (field: GeoipField, value: GeoipValue | undefined) => {
    if (wanted.has(field) && value != null) data.set(field, value);
  };
  put("IP", ip.hostAddress);
  put("COUNTRY_CODE2", record.country?.iso_code);
  put("COUNTRY_NAME", nameOf(record.country));
  put("CONTINENT_NAME", nameOf(record.continent));
  return data;
}

function asnData(record: AsnRecord, ip: ParsedIp, prefix: number, wanted: Set<GeoipField>): Map<GeoipField, GeoipValue> {
  const data = new Map<GeoipField, GeoipValue>();
  const put = (field: GeoipField, value: GeoipValue | undefined) => {
    if (wanted.has(field) && value != null) data.set(field, value);
  };
  put("IP", ip.hostAddress);
  put("AUTONOMOUS_SYSTEM_NUMBER", record.autonomous_system_number);
  put("AUTONOMOUS_SYSTEM_ORGANIZATION", record.autonomous_system_organization);
  put("NETWORK", networkOf(ip, prefix));
  return data;
}

/**
 * The first element of an array source, as the filter does. Where the Java code throws (an empty array,
 * a non-string element, a number) the event fails in Logstash too, so this throws rather than tags.
 */
function sourceText(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    if (typeof value[0] !== "string") throw new TypeError("Expected the first element of the source array to be a string");
    return value[0];
  }
  if (value == null) return undefined;
  if (typeof value !== "string") throw new TypeError("Expected input field value to be String or List type");
  return value;
}

/**
 * What logstash-filter-geoip (7.x/8.x) does to an event whose `source` field holds `value`: the
 * fields it writes under the target, whether it creates an empty target, and the tags it adds.
 * Throws `GeoipConfigError` where Logstash refuses the configuration at startup.
 *
 * Differences from Logstash: host names are not resolved through DNS (they fail the lookup like any
 * other non-address text), and only City, Country and ASN databases are read.
 */
export function lookupGeoip(reader: GeoipReader, value: unknown, options: GeoipOptions): GeoipResult {
  const ecs = (options.ecs_compatibility ?? "disabled") !== "disabled";
  const targetPath = geoipTargetPath(options);
  const databaseType = reader.metadata.databaseType;
  const kind: GeoipDatabaseKind | undefined = databaseKindOf(databaseType);
  if (!kind) throw new GeoipConfigError(`Unsupported database type ${databaseType}`);
  const wanted = desiredFields(kind, options.fields, ecs);
  const failureTags = [...(options.tag_on_failure ?? DEFAULT_FAILURE_TAGS)];

  const text = sourceText(value);
  if (text === undefined || text.trim() === "") {
    return { matched: false, targetPath, createsTarget: false, writes: [], tags: failureTags };
  }

  let data = new Map<GeoipField, GeoipValue>();
  const ip = parseIpLiteral(text);
  if (ip) {
    const [record, prefix] = reader.getWithPrefixLength(ip.hostAddress);
    if (record != null) {
      if (kind === "City") data = cityData(record as CityRecord, ip, wanted);
      else if (kind === "Country") data = countryData(record as CityRecord, ip, wanted);
      else data = asnData(record as AsnRecord, ip, prefix, wanted);
    }
  }
  if (data.size === 0) return { matched: false, targetPath, createsTarget: true, writes: [], tags: failureTags };

  const writes: GeoipWrite[] = [];
  for (const field of GEOIP_FIELD_ORDER) {
    const fieldValue = data.get(field);
    if (fieldValue === undefined) continue;
    const sub = ecs ? GEOIP_FIELDS[field].ecs : GEOIP_FIELDS[field].legacy;
    if (sub === null) continue;
    const path = [...targetPath, ...sub];
    writes.push({ ref: path.map((p) => `[${p}]`).join(""), path, value: fieldValue });
  }
  return { matched: true, targetPath, createsTarget: true, writes, tags: [] };
}

/** Applies a result to a plain-object event the way Logstash's `event.set` would. */
export function applyGeoip(event: Record<string, unknown>, result: GeoipResult): Record<string, unknown> {
  const ensure = (path: string[]): Record<string, unknown> => {
    let node = event;
    for (const key of path) {
      const next = node[key];
      if (next === null || typeof next !== "object" || Array.isArray(next)) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    return node;
  };
  if (result.createsTarget) ensure(result.targetPath);
  for (const write of result.writes) {
    const parent = ensure(write.path.slice(0, -1));
    const value = write.value;
    parent[write.path[write.path.length - 1]] = typeof value === "object" ? { ...value } : value;
  }
  if (result.tags.length > 0) {
    const tags = Array.isArray(event.tags) ? (event.tags as unknown[]) : event.tags == null ? [] : [event.tags];
    for (const tag of result.tags) if (!tags.includes(tag)) tags.push(tag);
    event.tags = tags;
  }
  return event;
}
