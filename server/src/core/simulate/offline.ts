/**
 * Filters the simulator does not run, with the reason it gives for each. They are reported as skipped
 * and the event passes through them unchanged.
 */
import { localizable, t } from "../l10n";

const REASONS: Record<string, string> = {
  ruby: localizable("the `{0}` filter runs Ruby code, which the simulator does not execute; the event passes through unchanged"),
  elasticsearch: localizable("the `{0}` filter queries an Elasticsearch cluster; the event passes through unchanged"),
  elastic_integration: localizable("the `{0}` filter runs ingest pipelines fetched from an Elasticsearch cluster; the event passes through unchanged"),
  jdbc_streaming: localizable("the `{0}` filter queries a database over JDBC; the event passes through unchanged"),
  jdbc_static: localizable("the `{0}` filter loads lookup tables from a database over JDBC; the event passes through unchanged"),
  http: localizable("the `{0}` filter calls an HTTP endpoint; the event passes through unchanged"),
  dns: localizable("the `{0}` filter resolves names through DNS; the event passes through unchanged"),
  memcached: localizable("the `{0}` filter reads and writes a memcached server; the event passes through unchanged"),
  aggregate: localizable("the `{0}` filter keeps state across events and emits events on timeouts; the event passes through unchanged"),
  throttle: localizable("the `{0}` filter counts events over wall-clock time; the event passes through unchanged"),
  metrics: localizable("the `{0}` filter emits metric events on a timer; the event passes through unchanged"),
  sleep: localizable("the `{0}` filter only waits; the event passes through unchanged"),
  useragent: localizable("the `{0}` filter needs the ua-parser regexes bundled with the plugin; the event passes through unchanged"),
  cipher: localizable("the `{0}` filter encrypts with keys the simulator does not handle; the event passes through unchanged"),
  uuid: localizable("the `{0}` filter writes a random UUID; the event passes through unchanged"),
};

/** Why `name` is skipped: a specific reason for the known offline or stateful filters, else a generic one. */
export function skipReason(name: string): string {
  return t(REASONS[name] ?? localizable("the simulator does not run the `{0}` filter; the event passes through unchanged"), name);
}
