/**
 * The `logsmith.*` settings, declared in package.json `contributes.configuration`, read per resource.
 */
import type { Connection } from "vscode-languageserver";
import { SETTINGS_SECTION } from "../protocol";

export interface LogsmithSettings {
  trace: { server: "off" | "messages" | "verbose" };
  /** Logstash release the pipeline targets, `9.x` style; "9.x" (the default) means the newest. */
  logstashVersion: string;
  plugins: {
    /** Plugins installed besides the default distribution (`bin/logstash-plugin list`). */
    installed: string[];
  };
  format: { enable: boolean };
  /** A directory of grok pattern files loaded over the built-in set (empty: none). */
  grok: { patternsPath: string };
  /** A GeoLite2/GeoIP2 `.mmdb` file, or a directory holding the City and ASN databases (empty: none). */
  geoip: { databasePath: string };
}

export const DEFAULT_SETTINGS: LogsmithSettings = {
  trace: { server: "off" },
  logstashVersion: "9.x",
  plugins: { installed: [] },
  format: { enable: true },
  grok: { patternsPath: "" },
  geoip: { databasePath: "" },
};

/** Fills what the client left out and drops values of the wrong type, so handlers can trust the shape. */
export function normalizeSettings(raw: unknown): LogsmithSettings {
  const r = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, any>;
  const trace = r.trace?.server;
  const installed = r.plugins?.installed;
  return {
    trace: { server: trace === "messages" || trace === "verbose" ? trace : "off" },
    logstashVersion: typeof r.logstashVersion === "string" && r.logstashVersion.trim() ? r.logstashVersion.trim() : DEFAULT_SETTINGS.logstashVersion,
    plugins: { installed: Array.isArray(installed) ? installed.filter((p): p is string => typeof p === "string") : [] },
    format: { enable: typeof r.format?.enable === "boolean" ? r.format.enable : DEFAULT_SETTINGS.format.enable },
    grok: { patternsPath: typeof r.grok?.patternsPath === "string" ? r.grok.patternsPath.trim() : "" },
    geoip: { databasePath: typeof r.geoip?.databasePath === "string" ? r.geoip.databasePath.trim() : "" },
  };
}

/** Reads settings through `workspace/configuration`, caching per resource until they change. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<LogsmithSettings>>();
  supportsConfiguration = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<LogsmithSettings> {
    if (!this.supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri === undefined) this.cache.clear();
    else this.cache.delete(uri);
  }
}
