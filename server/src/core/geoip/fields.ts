
/**
 * The geoip filter's field table (logstash-filter-geoip `Field.java`): each field's place under the
 * target in legacy (`ecs_compatibility => disabled`) and ECS (v1/v8) mode. An ECS path of `null` means
 * the field has no ECS home and Logstash silently skips it (`country_code3`).
 */
export const GEOIP_FIELDS = {
  AUTONOMOUS_SYSTEM_NUMBER: { legacy: ["asn"], ecs: ["as", "number"] },
  AUTONOMOUS_SYSTEM_ORGANIZATION: { legacy: ["as_org"], ecs: ["as", "organization", "name"] },
  CITY_NAME: { legacy: ["city_name"], ecs: ["geo", "city_name"] },
  COUNTRY_NAME: { legacy: ["country_name"], ecs: ["geo", "country_name"] },
  CONTINENT_CODE: { legacy: ["continent_code"], ecs: ["geo", "continent_code"] },
  CONTINENT_NAME: { legacy: ["continent_name"], ecs: ["geo", "continent_name"] },
  COUNTRY_CODE2: { legacy: ["country_code2"], ecs: ["geo", "country_iso_code"] },
  COUNTRY_CODE3: { legacy: ["country_code3"], ecs: null },
  DOMAIN: { legacy: ["domain"], ecs: ["domain"] },
  IP: { legacy: ["ip"], ecs: ["ip"] },
  ISP: { legacy: ["isp"], ecs: ["mmdb", "isp"] },
  POSTAL_CODE: { legacy: ["postal_code"], ecs: ["geo", "postal_code"] },
  DMA_CODE: { legacy: ["dma_code"], ecs: ["mmdb", "dma_code"] },
  REGION_NAME: { legacy: ["region_name"], ecs: ["geo", "region_name"] },
  REGION_CODE: { legacy: ["region_code"], ecs: ["geo", "region_code"] },
  REGION_ISO_CODE: { legacy: ["region_iso_code"], ecs: ["geo", "region_iso_code"] },
  TIMEZONE: { legacy: ["timezone"], ecs: ["geo", "timezone"] },
  LOCATION: { legacy: ["location"], ecs: ["geo", "location"] },
  LATITUDE: { legacy: ["latitude"], ecs: ["geo", "location", "lat"] },
  LONGITUDE: { legacy: ["longitude"], ecs: ["geo", "location", "lon"] },
  ORGANIZATION: { legacy: ["organization"], ecs: ["mmdb", "organization"] },
  NETWORK: { legacy: ["network"], ecs: ["ip_traits", "network"] },
  HOSTING_PROVIDER: { legacy: ["hosting_provider"], ecs: ["ip_traits", "hosting_provider"] },
  TOR_EXIT_NODE: { legacy: ["tor_exit_node"], ecs: ["ip_traits", "tor_exit_node"] },
  ANONYMOUS_VPN: { legacy: ["anonymous_vpn"], ecs: ["ip_traits", "anonymous_vpn"] },
  ANONYMOUS: { legacy: ["anonymous"], ecs: ["ip_traits", "anonymous"] },
  PUBLIC_PROXY: { legacy: ["public_proxy"], ecs: ["ip_traits", "public_proxy"] },
  RESIDENTIAL_PROXY: { legacy: ["residential_proxy"], ecs: ["ip_traits", "residential_proxy"] },
} as const satisfies Record<string, { legacy: readonly string[]; ecs: readonly string[] | null }>;

export type GeoipField = keyof typeof GEOIP_FIELDS;

/** Declaration order matters: Logstash collects results in an `EnumMap`, so it writes them in this order. */
export const GEOIP_FIELD_ORDER = Object.keys(GEOIP_FIELDS) as GeoipField[];

/** Database kinds the filter recognises from the `.mmdb` metadata (`Database.java`); only these three are read here. */
export type GeoipDatabaseKind = "City" | "Country" | "ASN";

const DEFAULT_FIELDS: Record<GeoipDatabaseKind, readonly GeoipField[]> = {
  City: [
    "IP", "CITY_NAME", "CONTINENT_CODE", "COUNTRY_NAME", "COUNTRY_CODE2", "COUNTRY_CODE3", "POSTAL_CODE",
    "DMA_CODE", "REGION_NAME", "REGION_ISO_CODE", "TIMEZONE", "LOCATION", "LATITUDE", "LONGITUDE",
  ],
  Country: ["IP", "COUNTRY_CODE2", "COUNTRY_NAME", "CONTINENT_NAME"],
  ASN: ["IP", "AUTONOMOUS_SYSTEM_NUMBER", "AUTONOMOUS_SYSTEM_ORGANIZATION"],
};

/**
 * A configuration Logstash rejects when the pipeline starts. The message is Logstash's own English text
 * (what users find in their logs), so it is not translated.
 */
export class GeoipConfigError extends Error {}

/**
 * Matches `Database.fromDatabaseType`: a substring test on the metadata's `database_type`, City first,
 * so `GeoIP2-City` and `GeoLite2-City` both count as City. Undefined for kinds this module does not read.
 */
export function databaseKindOf(databaseType: string): GeoipDatabaseKind | undefined {
  if (databaseType.includes("City")) return "City";
  if (databaseType.includes("Country")) return "Country";
  if (databaseType.includes("GeoLite2-ASN")) return "ASN";
  return undefined;
}

/** `fields` entries are upper-cased enum names (`Field.parseField`), so `City_Name` is accepted too. */
export function parseGeoipField(value: string): GeoipField {
  const candidate = value.toUpperCase();
  if (Object.hasOwn(GEOIP_FIELDS, candidate)) return candidate as GeoipField;
  throw new GeoipConfigError(
    `illegal field value ${value}. valid values are [${GEOIP_FIELD_ORDER.join(", ")}]`,
  );
}

/**
 * The fields a lookup produces: the `fields` option when non-empty, else the database's defaults. With a
 * City database in legacy mode the stand-alone `region_code` replaces `region_iso_code` (plugin 7.2.11).
 */
export function desiredFields(kind: GeoipDatabaseKind, fields: readonly string[] | undefined, ecs: boolean): Set<GeoipField> {
  if (fields && fields.length > 0) return new Set(fields.map(parseGeoipField));
  const defaults = new Set(DEFAULT_FIELDS[kind]);
  if (kind === "City" && !ecs) {
    defaults.delete("REGION_ISO_CODE");
    defaults.add("REGION_CODE");
  }
  return defaults;
}
