/**
 * Read-only queries for the results panel and `logsmith query`: document count, a histogram over
 * `@timestamp`, the newest documents, ES|QL where the cluster has it, and the index mapping. Only
 * search, count, mapping, info and ES|QL requests are sent (ES|QL queries are read-only by design).
 */
import { errors } from "@elastic/elasticsearch";
import { t } from "../../core/l10n";
import { PLAIN_JSON, EsError, clusterInfo, describeEsError, type EsConnection } from "./client";

export type QueryMode = "querystring" | "dsl" | "esql";

export interface QueryRequest {
  index: string;
  mode?: QueryMode;
  /** Query string, Query DSL JSON (a query, or a body with a `query` key), or an ES|QL statement. */
  query?: string;
  size?: number;
  timeField?: string;
  histogram?: boolean;
}

export interface Hit {
  index: string;
  id: string;
  source: Record<string, unknown>;
}

export interface HistogramBucket {
  /** Start of the bucket, epoch milliseconds. */
  key: number;
  count: number;
}

export interface QueryResult {
  index: string;
  total: number;
  /** "gte" when Elasticsearch stopped counting (never, since the count is tracked exactly). */
  totalRelation: "eq" | "gte";
  hits: Hit[];
  histogram: HistogramBucket[];
  /** The bucket width, an Elasticsearch fixed interval such as `1h`. */
  interval?: string;
  esql?: { columns: { name: string; type: string }[]; values: unknown[][] };
}

/** The query object of a DSL text: a bare query (`{"match": …}`) or a search body (`{"query": …}`). */
export function parseDsl(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EsError(t("The Query DSL is not valid JSON: {0}", (error as Error).message), "config");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new EsError(t("The Query DSL must be a JSON object."), "config");
  const body = parsed as Record<string, unknown>;
  return body.query && typeof body.query === "object" ? (body.query as Record<string, unknown>) : body;
}

function buildQuery(req: QueryRequest): Record<string, unknown> {
  const text = req.query?.trim() ?? "";
  if (!text) return { match_all: {} };
  if (req.mode === "dsl") return parseDsl(text);
  return { query_string: { query: text } };
}

const INTERVALS: [string, number][] = [
  ["1s", 1e3], ["5s", 5e3], ["30s", 3e4], ["1m", 6e4], ["5m", 3e5], ["15m", 9e5], ["30m", 1.8e6],
  ["1h", 3.6e6], ["3h", 1.08e7], ["12h", 4.32e7], ["1d", 8.64e7], ["7d", 6.048e8], ["30d", 2.592e9],
];

/** The smallest fixed interval that splits the span into at most `maxBuckets` buckets. */
export function chooseInterval(spanMs: number, maxBuckets = 60): string {
  for (const [name, ms] of INTERVALS) if (spanMs / ms <= maxBuckets) return name;
  return "365d";
}

/** Count, newest documents and a histogram; `mode: "esql"` runs ES|QL instead. */
export async function queryIndex(conn: EsConnection, req: QueryRequest): Promise<QueryResult> {
  if (req.mode === "esql") return runEsql(conn, req);
  const timeField = req.timeField ?? "@timestamp";
  const query = buildQuery(req);
  try {
    const search = await conn.client.search(
      {
        index: req.index,
        size: req.size ?? 20,
        query,
        track_total_hits: true,
        sort: [{ [timeField]: { order: "desc", unmapped_type: "date" } }],
        aggs: { first: { min: { field: timeField } }, last: { max: { field: timeField } } },
      },
      PLAIN_JSON,
    );
    const total = search.hits.total;
    const result: QueryResult = {
      index: req.index,
      total: typeof total === "number" ? total : total?.value ?? 0,
      totalRelation: typeof total === "object" && total?.relation === "gte" ? "gte" : "eq",
      hits: search.hits.hits.map((h) => ({ index: h._index, id: h._id ?? "", source: (h._source ?? {}) as Record<string, unknown> })),
      histogram: [],
    };
    const aggs = search.aggregations as Record<string, { value: number | null }> | undefined;
    const first = aggs?.first?.value;
    const last = aggs?.last?.value;
    if (req.histogram !== false && typeof first === "number" && typeof last === "number") {
      const interval = chooseInterval(Math.max(last - first, 1000));
      const hist = await conn.client.search(
        {
          index: req.index,
          size: 0,
          query,
          aggs: { over_time: { date_histogram: { field: timeField, fixed_interval: interval, min_doc_count: 0 } } },
        },
        PLAIN_JSON,
      );
      const buckets = (hist.aggregations?.over_time as { buckets?: { key: number; doc_count: number }[] } | undefined)?.buckets ?? [];
      result.histogram = buckets.map((b) => ({ key: b.key, count: b.doc_count }));
      result.interval = interval;
    }
    return result;
  } catch (error) {
    throw await describeEsError(error, conn);
  }
}

function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a, b] = version.split(".").map((x) => Number.parseInt(x, 10));
  return a > major || (a === major && (b ?? 0) >= minor);
}

/** ES|QL arrived in 8.11 (technical preview) and is part of the default distribution's X-Pack. */
async function runEsql(conn: EsConnection, req: QueryRequest): Promise<QueryResult> {
  const info = await clusterInfo(conn);
  if (!versionAtLeast(info.version, 8, 11)) {
    throw new EsError(t("ES|QL needs Elasticsearch 8.11 or newer; {0} runs {1}. Use a query string or Query DSL instead.", conn.where, info.version), "unsupported");
  }
  const statement = req.query?.trim() || `FROM ${req.index} | SORT @timestamp DESC | LIMIT ${req.size ?? 20}`;
  try {
    const answer = (await conn.client.esql.query({ query: statement }, PLAIN_JSON)) as unknown as { columns: { name: string; type: string }[]; values: unknown[][] };
    return { index: req.index, total: answer.values.length, totalRelation: "eq", hits: [], histogram: [], esql: { columns: answer.columns, values: answer.values } };
  } catch (error) {
    if (error instanceof errors.ResponseError && [400, 404, 405].includes(error.statusCode ?? 0) && !/verification_exception|parsing_exception/.test(JSON.stringify(error.body ?? ""))) {
      throw new EsError(t("ES|QL is not available on {0} (Elasticsearch {1} without the ES|QL plugin, as in OSS or integration-test builds). Use a query string or Query DSL instead.", conn.where, info.version), "unsupported");
    }
    throw await describeEsError(error, conn);
  }
}

/** Field path → mapped types (more than one when the indices matching the pattern disagree). */
export type FlatMapping = Map<string, Set<string>>;

function flattenProperties(props: Record<string, unknown> | undefined, prefix: string, out: FlatMapping): void {
  for (const [name, raw] of Object.entries(props ?? {})) {
    const def = raw as { type?: string; properties?: Record<string, unknown> };
    const path = prefix ? `${prefix}.${name}` : name;
    const type = def.type ?? (def.properties ? "object" : "object");
    if (!out.has(path)) out.set(path, new Set());
    out.get(path)!.add(type);
    if (def.properties) flattenProperties(def.properties, path, out);
  }
}

/** The mapping of every index the pattern matches, merged per field (multi-fields such as `.keyword` left out). */
export async function fetchMapping(conn: EsConnection, index: string): Promise<{ raw: Record<string, unknown>; fields: FlatMapping }> {
  try {
    const raw = (await conn.client.indices.getMapping({ index }, PLAIN_JSON)) as Record<string, { mappings?: { properties?: Record<string, unknown> } }>;
    const fields: FlatMapping = new Map();
    for (const entry of Object.values(raw)) flattenProperties(entry.mappings?.properties, "", fields);
    return { raw, fields };
  } catch (error) {
    throw await describeEsError(error, conn);
  }
}
