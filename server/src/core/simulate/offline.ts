/**
 * Filters the simulator does not run, with the reason it gives for each. They are reported as skipped
 * and the event passes through them unchanged.
 */

const REASONS: Record<string, string> = {
  ruby: "runs Ruby code, which the simulator does not execute",
  elasticsearch: "queries an Elasticsearch cluster",
  elastic_integration: "runs Elasticsearch ingest pipelines fetched from a cluster",
  jdbc_streaming: "queries a database over JDBC",
  jdbc_static: "loads lookup tables from a database over JDBC",
  http: "calls an HTTP endpoint",
  dns: "resolves names through DNS",
  memcached: "reads and writes a memcached server",
  aggregate: "keeps state across events and emits events on timeouts",
  throttle: "counts events over wall-clock time",
  metrics: "emits metric events on a timer",
  sleep: "only waits",
  useragent: "needs the ua-parser regexes bundled with the plugin",
  cipher: "encrypts with keys the simulator does not handle",
  anonymize: "is deprecated (use fingerprint)",
  uuid: "writes a random UUID",
  java_uuid: "writes a random UUID",
  xml: "parses XML, which the simulator does not do yet",
  cidr: "is not simulated yet",
  syslog_pri: "is not simulated yet",
  useragent_ng: "needs the ua-parser regexes bundled with the plugin",
};

/** Why `name` is skipped: a specific reason for the known offline or stateful filters, else a generic one. */
export function skipReason(name: string): string {
  const reason = REASONS[name];
  return reason
    ? `the \`${name}\` filter ${reason}; the event passes through unchanged`
    : `the simulator does not run the \`${name}\` filter; the event passes through unchanged`;
}
