/**
 * Where a plugin's events come from or go, as a key shared by both ends: a Redis key written by one
 * pipeline's output and read by another's input is one node, which is what links the field notes'
 * collectors to their indexer.
 */
import type { Plugin, Value } from "../ast";

export interface Endpoint {
  key: string;
  label: string;
  detail: string;
}

function text(value: Value | undefined): string[] {
  if (!value) return [];
  if (value.kind === "string" || value.kind === "bareword") return [value.value];
  if (value.kind === "number") return [value.text];
  if (value.kind === "array") return value.elements.flatMap(text);
  return [];
}

function option(plugin: Plugin, name: string): string[] {
  return plugin.attributes.filter((a) => a.name === name).flatMap((a) => text(a.value));
}

const make = (kind: string, value: string, detail: string, label = value): Endpoint => ({ key: `${kind}:${value}`, label, detail });

/** Endpoints an input reads from. */
export function inputEndpoints(plugin: Plugin): Endpoint[] {
  switch (plugin.name) {
    case "file":
      return option(plugin, "path").map((p) => make("file", p, "file"));
    case "redis":
      return option(plugin, "key").map((k) => make("redis", k, "redis"));
    case "pipeline":
      return option(plugin, "address").map((a) => make("pipeline", a, "pipeline address"));
    case "kafka":
      return option(plugin, "topics").map((t) => make("kafka", t, "kafka topic"));
    case "beats":
    case "elastic_agent":
    case "tcp":
    case "udp":
    case "http":
    case "syslog":
      return option(plugin, "port").map((p) => make(plugin.name, p, plugin.name, `${plugin.name} :${p}`));
    default:
      return [];
  }
}

/** Endpoints an output writes to. */
export function outputEndpoints(plugin: Plugin): Endpoint[] {
  switch (plugin.name) {
    case "elasticsearch": {
      const index = option(plugin, "index");
      // With no index, Logstash 8 writes to a data stream (ECS) or the `logstash-*` rollover alias.
      return index.length ? index.map((i) => make("elasticsearch", i, "elasticsearch index")) : [make("elasticsearch", "(default index)", "elasticsearch index")];
    }
    case "redis":
      return option(plugin, "key").map((k) => make("redis", k, "redis"));
    case "pipeline":
      return option(plugin, "send_to").map((a) => make("pipeline", a, "pipeline address"));
    case "file":
      return option(plugin, "path").map((p) => make("file", p, "file"));
    case "kafka":
      return option(plugin, "topic_id").map((t) => make("kafka", t, "kafka topic"));
    case "s3":
      return option(plugin, "bucket").map((b) => make("s3", b, "s3 bucket"));
    case "stdout":
      return [make("stdout", "stdout", "console")];
    default:
      return [];
  }
}
