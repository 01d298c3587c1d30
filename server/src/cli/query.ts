/**
 * The CLI's Elasticsearch and Redis commands, for a user's CI and shell:
 *   logsmith query --targets FILE --target NAME --index PATTERN [--query Q] [--mode M] [--size N] [--mapping] [--format text|json]
 *   logsmith redis-peek --targets FILE --target NAME --key K [--type list|channel|pattern_channel] [--count N] [--format text|json]
 *   logsmith central-deploy --targets FILE --target NAME --id ID PIPELINE
 * Secrets come from the environment variables the targets file names. Exit status: 0 success,
 * 1 the server refused or failed (the reason on stderr), 2 bad usage or unreadable files.
 */
import { readFileSync } from "node:fs";
import { t } from "../core/l10n";
import { environmentSecrets } from "../remote/secrets";
import { TargetsError, findTarget, readTargets, type Target } from "../remote/targets";
import { EsError, connectElasticsearch, deployCentralPipeline, fetchMapping, queryIndex, type QueryMode } from "../remote/elasticsearch";
import { RedisError, brokerStatus, connectRedis, formatPeekItem, peekNewest, type RedisDataType } from "../remote/redis";

export const REMOTE_COMMANDS = ["query", "redis-peek", "central-deploy"] as const;

class RemoteUsageError extends Error {}

interface Out {
  out(text: string): void;
  err(text: string): void;
}

const helps: Record<string, () => string> = {
  query: () =>
    t(`Usage: logsmith query --targets FILE --target NAME --index PATTERN [options]

Searches an Elasticsearch target (read-only): document count, the newest documents and,
with --format text, a histogram over @timestamp.

Options:
  --query Q          Query string (default: all documents), Query DSL JSON with
                     --mode dsl, or an ES|QL statement with --mode esql.
  --mode M           querystring (default), dsl or esql.
  --size N           Newest documents to show (default 10).
  --mapping          Print the mapping of the matching indices instead.
  --format F         text (default) or json.
`),
  "redis-peek": () =>
    t(`Usage: logsmith redis-peek --targets FILE --target NAME --key K [options]

Shows how many events wait in a Redis list (LLEN) or how many subscribers a channel has
(PUBSUB NUMSUB), and for a list the newest items (read-only LRANGE on the tail, where the
redis output appends; the redis input takes from the head).

Options:
  --type T           list (default), channel or pattern_channel.
  --count N          Newest items to show (default 5; 0 for the length only).
  --format F         text (default) or json.
`),
  "central-deploy": () =>
    t(`Usage: logsmith central-deploy --targets FILE --target NAME --id ID PIPELINE

Stores PIPELINE in Elasticsearch's centralized pipeline management (PUT _logstash/pipeline/ID)
for Logstash instances that read their pipelines from there.
`),
};

function parseArgs(argv: string[], flags: string[], booleans: string[] = []): { values: Map<string, string>; rest: string[] } {
  const values = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (booleans.includes(name)) values.set(name, "true");
    else if (flags.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new RemoteUsageError(t("{0} needs a value", name));
      values.set(name, value);
    } else if (arg.startsWith("--")) throw new RemoteUsageError(t("unknown option {0}", arg));
    else rest.push(arg);
  }
  return { values, rest };
}

function need(values: Map<string, string>, name: string): string {
  const v = values.get(name);
  if (!v) throw new RemoteUsageError(t("{0} is required", name));
  return v;
}

function count(values: Map<string, string>, name: string, fallback: number): number {
  const raw = values.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10000) throw new RemoteUsageError(t("{0} must be a whole number from 0 to 10000", name));
  return n;
}

function format(values: Map<string, string>): "text" | "json" {
  const f = values.get("--format") ?? "text";
  if (f !== "text" && f !== "json") throw new RemoteUsageError(t("--format must be text or json, not {0}", f));
  return f;
}

function loadTarget(values: Map<string, string>, kind: Target["kind"]): Target {
  const file = need(values, "--targets");
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new RemoteUsageError(t("cannot read the targets file {0}: {1}", file, (error as Error).message));
  }
  try {
    const target = findTarget(readTargets(doc), need(values, "--target"));
    if (target.kind !== kind) throw new RemoteUsageError(t("target `{0}` is a {1} target, not {2}", target.name, target.kind, kind));
    return target;
  } catch (error) {
    if (error instanceof TargetsError) throw new RemoteUsageError(error.message);
    throw error;
  }
}

function bar(n: number, max: number): string {
  return "#".repeat(max ? Math.max(n ? 1 : 0, Math.round((n / max) * 40)) : 0);
}

async function runQuery(argv: string[], io: Out): Promise<number> {
  const { values, rest } = parseArgs(argv, ["--targets", "--target", "--index", "--query", "--mode", "--size", "--format"], ["--mapping"]);
  if (rest.length) throw new RemoteUsageError(t("unexpected argument {0}", rest[0]));
  const target = loadTarget(values, "elasticsearch");
  if (target.kind !== "elasticsearch") return 2;
  const index = need(values, "--index");
  const mode = (values.get("--mode") ?? "querystring") as QueryMode;
  if (!["querystring", "dsl", "esql"].includes(mode)) throw new RemoteUsageError(t("--mode must be querystring, dsl or esql, not {0}", mode));
  const size = count(values, "--size", 10);
  const fmt = format(values);
  const conn = await connectElasticsearch(target, environmentSecrets());
  try {
    if (values.has("--mapping")) {
      const { raw } = await fetchMapping(conn, index);
      io.out(JSON.stringify(raw, null, 2) + "\n");
      return 0;
    }
    const result = await queryIndex(conn, { index, mode, query: values.get("--query"), size, histogram: fmt === "text" });
    if (fmt === "json") {
      io.out(JSON.stringify({ target: target.name, index, total: result.total, hits: result.hits.map((h) => ({ _index: h.index, _id: h.id, _source: h.source })), ...(result.esql ? { esql: result.esql } : {}) }, null, 2) + "\n");
      return 0;
    }
    if (result.esql) {
      io.out(result.esql.columns.map((c) => c.name).join("\t") + "\n");
      for (const row of result.esql.values) io.out(row.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join("\t") + "\n");
      return 0;
    }
    io.out(t("{0} documents in {1} on {2}", String(result.total), index, conn.where) + "\n");
    const max = Math.max(0, ...result.histogram.map((b) => b.count));
    if (result.histogram.length) io.out(t("per {0}:", result.interval ?? "?") + "\n");
    for (const b of result.histogram) io.out(`  ${new Date(b.key).toISOString()} ${String(b.count).padStart(7)} ${bar(b.count, max)}\n`);
    for (const h of result.hits) io.out(`${h.index} ${h.id} ${JSON.stringify(h.source)}\n`);
    return 0;
  } finally {
    await conn.close();
  }
}

async function runRedisPeek(argv: string[], io: Out): Promise<number> {
  const { values, rest } = parseArgs(argv, ["--targets", "--target", "--key", "--type", "--count", "--format"]);
  if (rest.length) throw new RemoteUsageError(t("unexpected argument {0}", rest[0]));
  const target = loadTarget(values, "redis");
  if (target.kind !== "redis") return 2;
  const key = need(values, "--key");
  const type = (values.get("--type") ?? "list") as RedisDataType;
  if (!["list", "channel", "pattern_channel"].includes(type)) throw new RemoteUsageError(t("--type must be list, channel or pattern_channel, not {0}", type));
  const n = count(values, "--count", 5);
  const fmt = format(values);
  const conn = await connectRedis(target, environmentSecrets());
  try {
    const status = await brokerStatus(conn, type, key);
    const items = type === "list" && n > 0 ? await peekNewest(conn, key, n) : [];
    if (fmt === "json") {
      io.out(JSON.stringify({ target: target.name, key, type, count: status.count, newest: items.map((i) => ({ index: i.index, value: i.json ?? i.raw })) }, null, 2) + "\n");
      return 0;
    }
    io.out((type === "list" ? t("{0}: {1} items waiting in list {2}", conn.where, String(status.count), key) : t("{0}: {1} subscribers of {2}", conn.where, String(status.count), key)) + "\n");
    for (const item of items) io.out(`#${item.index}\n${formatPeekItem(item)}\n`);
    return 0;
  } finally {
    conn.close();
  }
}

async function runCentralDeploy(argv: string[], io: Out): Promise<number> {
  const { values, rest } = parseArgs(argv, ["--targets", "--target", "--id"]);
  if (rest.length !== 1) throw new RemoteUsageError(t("central-deploy needs exactly one pipeline file"));
  const target = loadTarget(values, "elasticsearch");
  if (target.kind !== "elasticsearch") return 2;
  let text: string;
  try {
    text = readFileSync(rest[0], "utf8");
  } catch (error) {
    throw new RemoteUsageError(t("cannot read {0}: {1}", rest[0], (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  const id = need(values, "--id");
  const conn = await connectElasticsearch(target, environmentSecrets());
  try {
    const { created } = await deployCentralPipeline(conn, { id, pipeline: text });
    io.out((created ? t("created pipeline {0} on {1}", id, conn.where) : t("updated pipeline {0} on {1}", id, conn.where)) + "\n");
    return 0;
  } finally {
    await conn.close();
  }
}

/** Runs one of REMOTE_COMMANDS; resolves to the exit status. */
export async function runRemoteCommand(command: string, argv: string[], io: Out): Promise<number> {
  if (argv.includes("-h") || argv.includes("--help")) {
    io.out(helps[command]());
    return 0;
  }
  try {
    if (command === "query") return await runQuery(argv, io);
    if (command === "redis-peek") return await runRedisPeek(argv, io);
    return await runCentralDeploy(argv, io);
  } catch (error) {
    if (error instanceof RemoteUsageError) {
      io.err(`logsmith ${command}: ${error.message}\n${t("Run `logsmith {0} --help` for usage.", command)}\n`);
      return 2;
    }
    if (error instanceof EsError || error instanceof RedisError) {
      io.err(`logsmith ${command}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
