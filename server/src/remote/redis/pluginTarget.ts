/**
 * What a `redis` input or output talks to: data_type, key, and host/port/db, matched to a Redis target.
 * The input takes one `host` (default 127.0.0.1) and `port` (6379); the output takes a list of hosts,
 * each `host` or `host:port`, and tries them in order, so the first one is the broker to look at.
 */
import type { Plugin } from "../../core/ast";
import { listOption, scalarOption } from "../elasticsearch/indexPattern";
import type { RedisTarget, Target } from "../targets";
import type { RedisDataType } from "./redis";

export interface RedisEndpoint {
  role: "input" | "output";
  dataType?: RedisDataType;
  key?: string;
  host: string;
  port: number;
  db: number;
  /** Whether the config gives a password (its value is never read here). */
  hasPassword: boolean;
}

export function redisEndpointOf(plugin: Plugin, role: "input" | "output"): RedisEndpoint {
  const port = Number(scalarOption(plugin, "port") ?? 6379);
  const hostText = listOption(plugin, "host")[0] ?? "127.0.0.1";
  const m = /^(.*):(\d+)$/.exec(hostText);
  const dataType = scalarOption(plugin, "data_type");
  return {
    role,
    dataType: dataType === "list" || dataType === "channel" || dataType === "pattern_channel" ? dataType : undefined,
    key: scalarOption(plugin, "key"),
    host: m && role === "output" ? m[1] : hostText,
    port: m && role === "output" ? Number(m[2]) : port,
    db: Number(scalarOption(plugin, "db") ?? 0),
    hasPassword: plugin.attributes.some((a) => a.name === "password"),
  };
}

const loop = (h: string) => (h === "localhost" || h === "::1" ? "127.0.0.1" : h.toLowerCase());

/** The Redis target at the same host and port; the plugin's db wins over the target's. */
export function findRedisTarget(endpoint: RedisEndpoint, targets: Target[]): RedisTarget | undefined {
  const found = targets.find((t): t is RedisTarget => t.kind === "redis" && loop(t.host) === loop(endpoint.host) && (t.port ?? 6379) === endpoint.port);
  return found && { ...found, db: endpoint.db || found.db };
}
