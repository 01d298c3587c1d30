/** GeoIP lookups that reproduce what Logstash's geoip filter writes to an event. */
export { selectGeoipDatabasePath, geolite2Paths, type GeoipDatabaseChoice } from "./databasePath";
export { GeoipConfigError, GEOIP_FIELDS, parseGeoipField, type GeoipField, type GeoipDatabaseKind } from "./fields";
export { parseIpLiteral, type ParsedIp } from "./ipAddress";
export {
  applyGeoip, geoipTargetPath, lookupGeoip,
  type GeoipOptions, type GeoipReader, type GeoipResult, type GeoipValue, type GeoipWrite,
} from "./lookup";
