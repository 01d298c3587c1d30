import { createRequire } from "node:module";
import { join } from "node:path";

export interface GeoipDatabaseChoice {
  /** The filter's `database` option. */
  database?: string;
  default_database_type?: "City" | "ASN";
}

/**
 * Which `.mmdb` to open: the filter's `database` option, else the caller's default for the configured
 * `default_database_type` (the `logsmith.geoip.databasePath` setting), else the GeoLite2 copy from the
 * `geolite2` package when it is installed (development and tests only; it is not shipped).
 */
export function selectGeoipDatabasePath(
  choice: GeoipDatabaseChoice,
  defaultPath?: string | Partial<Record<"City" | "ASN", string>>,
): string | undefined {
  if (choice.database) return choice.database;
  const type = choice.default_database_type ?? "City";
  const fromCaller = typeof defaultPath === "string" ? defaultPath : defaultPath?.[type];
  if (fromCaller) return fromCaller;
  return geolite2Paths()?.[type];
}

/** Resolved from the working directory so it also works from a bundle; undefined when not installed. */
export function geolite2Paths(): Record<"City" | "ASN" | "Country", string> | undefined {
  try {
    const require = createRequire(join(process.cwd(), "package.json"));
    const paths = (require("geolite2") as { paths: { city: string; asn: string; country: string } }).paths;
    return { City: paths.city, ASN: paths.asn, Country: paths.country };
  } catch {
    return undefined;
  }
}
