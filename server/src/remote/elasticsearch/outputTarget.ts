/**
 * Which Elasticsearch target an output's `hosts` point at. Logstash's hosts are `host`, `host:port` or
 * URLs; port 9200 and http are the defaults (https with `ssl_enabled`/`ssl => true`). A target matches
 * when one of its node URLs has the same host and port, whatever the scheme or path.
 */
import type { Plugin } from "../../core/ast";
import type { ElasticsearchTarget, Target } from "../targets";
import { listOption, resolveOutputIndex, scalarOption, type IndexResolution, type IndexResolveOptions } from "./indexPattern";

export interface HostAddress {
  host: string;
  port: number;
}

/** `host`, `host:port`, `[v6]:port` or a URL → lower-case host and port (default 9200). */
export function parseHostAddress(text: string, defaultPort = 9200): HostAddress | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  try {
    const u = new URL(withScheme);
    return { host: u.hostname.replace(/^\[|\]$/g, "").toLowerCase(), port: u.port ? Number(u.port) : defaultPort };
  } catch {
    return undefined;
  }
}

function sameHost(a: string, b: string): boolean {
  const loop = (h: string) => (h === "localhost" || h === "::1" ? "127.0.0.1" : h);
  return loop(a) === loop(b);
}

export function hostsMatch(a: HostAddress, b: HostAddress): boolean {
  return a.port === b.port && sameHost(a.host, b.host);
}

export interface OutputQueryPlan {
  hosts: string[];
  /** The Elasticsearch target the hosts point at, when one does. */
  target?: ElasticsearchTarget;
  index: IndexResolution;
  /** Suggested node URLs for a new target when none matches. */
  suggestedNodes: string[];
}

/** The output's hosts (default `127.0.0.1:9200`, as the plugin's), the target they match and the index pattern. */
export function planOutputQuery(plugin: Plugin, targets: Target[], options: IndexResolveOptions = {}): OutputQueryPlan {
  // `${ES_HOST:es1:9200}` is substituted by Logstash from its environment or keystore; the default is
  // the best guess the editor has (a reference without one stays as written and matches no target).
  const hosts = listOption(plugin, "hosts").map((h) => h.replace(/\$\{[A-Za-z_][A-Za-z0-9_.]*:([^}]*)\}/g, "$1"));
  const effective = hosts.length ? hosts : ["127.0.0.1:9200"];
  const ssl = scalarOption(plugin, "ssl_enabled") ?? scalarOption(plugin, "ssl");
  const addresses = effective.map((h) => parseHostAddress(h)).filter((a): a is HostAddress => !!a);
  const target = targets.find(
    (t): t is ElasticsearchTarget => t.kind === "elasticsearch" && t.nodes.some((n) => {
      const node = parseHostAddress(n);
      return !!node && addresses.some((a) => hostsMatch(a, node));
    }),
  );
  const suggestedNodes = effective.map((h) => (/^[a-z]+:\/\//i.test(h) ? h : `${ssl === "true" ? "https" : "http"}://${h}${/:\d+$/.test(h) ? "" : ":9200"}`));
  return { hosts: effective, target, index: resolveOutputIndex(plugin, options), suggestedNodes };
}
