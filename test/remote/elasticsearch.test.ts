/**
 * Query, mapping comparison, auth and centralized-management messages against a real Elasticsearch
 * (started once for this file, see elasticsearchServer.ts), and TLS against an HTTPS stand-in.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import type { Plugin } from "../../server/src/core/ast";
import { parseConfig } from "../../server/src/core/parse";
import { forEachPlugin } from "../../server/src/core/walk";
import {
  EsError,
  checkElasticsearch,
  compareFieldsWithMapping,
  connectElasticsearch,
  deployCentralPipeline,
  fetchMapping,
  planOutputQuery,
  queryIndex,
  staticFieldsOf,
  type EsConnection,
} from "../../server/src/remote/elasticsearch";
import { environmentSecrets } from "../../server/src/remote/secrets";
import type { ElasticsearchTarget } from "../../server/src/remote/targets";
import { ES_NOBODY, ES_PASSWORD, ES_USER, freePort, startElasticsearch, type RunningElasticsearch } from "./elasticsearchServer";
import { startTlsStandIn } from "./tlsStandIn";

const repo = resolve(import.meta.dirname, "../..");
let es: RunningElasticsearch;
let conn: EsConnection;
const secrets = environmentSecrets({ ES_PASSWORD, WRONG: "not-the-password" });
const target = (): ElasticsearchTarget => ({ name: "lab-es", kind: "elasticsearch", nodes: [es.url], auth: { type: "basic", username: ES_USER, passwordEnv: "ES_PASSWORD" } });
const auth = () => ({ authorization: `Basic ${Buffer.from(`${ES_USER}:${ES_PASSWORD}`).toString("base64")}`, "content-type": "application/json" });

/** Test data goes in through the REST API directly: Logsmith's own code never writes documents. */
async function rest(method: string, path: string, body?: unknown, ndjson = false): Promise<unknown> {
  const r = await fetch(`${es.url}${path}`, {
    method,
    headers: { ...auth(), ...(ndjson ? { "content-type": "application/x-ndjson" } : {}) },
    body: body === undefined ? undefined : ndjson ? (body as string) : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

function firstOutput(text: string): Plugin {
  let found: Plugin | undefined;
  forEachPlugin(parseConfig(text).config, (p, ctx) => {
    if (ctx.section === "output" && p.name === "elasticsearch") found ??= p;
  });
  assert.ok(found);
  return found;
}

const docs = [
  { day: "2026.11.24", "@timestamp": "2026-11-24T08:00:00Z", message: "GET /a 200", verb: "GET", status: 200 },
  { day: "2026.11.24", "@timestamp": "2026-11-24T09:30:00Z", message: "POST /b 500", verb: "POST", status: 500 },
  { day: "2026.11.24", "@timestamp": "2026-11-24T10:15:00Z", message: "GET /c 404", verb: "GET", status: 404 },
  { day: "2026.11.25", "@timestamp": "2026-11-25T01:00:00Z", message: "GET /d 200", verb: "GET", status: 200 },
  { day: "2026.11.25", "@timestamp": "2026-11-25T02:45:00Z", message: "DELETE /e 204", verb: "DELETE", status: 204 },
];

before(async () => {
  const started = Date.now();
  es = await startElasticsearch();
  console.log(`Elasticsearch ${es.version} ready at ${es.url} in ${Date.now() - started} ms`);
  const lines = docs.flatMap(({ day, ...doc }) => [JSON.stringify({ index: { _index: `logstash-${day}` } }), JSON.stringify(doc)]).join("\n") + "\n";
  await rest("POST", "/_bulk?refresh=true", lines, true);
  await rest("PUT", "/web-mapped", {
    mappings: { properties: { "@timestamp": { type: "date" }, verb: { type: "keyword" }, bytes: { type: "long" }, user: { properties: { name: { type: "keyword" } } }, flag: { type: "boolean" }, status: { type: "integer" } } },
  });
  conn = await connectElasticsearch(target(), secrets);
});

after(async () => {
  await conn?.close();
  await es?.stop();
});

test("test connection names the cluster and version; wrong or missing credentials are a plain 401", async () => {
  const ok = await checkElasticsearch(target(), secrets);
  assert.equal(ok.ok, true, ok.message);
  assert.match(ok.message, new RegExp(`Elasticsearch ${es.version.replace(/\./g, "\\.")}`));
  const wrong = await checkElasticsearch({ ...target(), auth: { type: "basic", username: ES_USER, passwordEnv: "WRONG" } }, secrets);
  assert.equal(wrong.ok, false);
  assert.match(wrong.message, /401 authentication failed/);
  assert.ok(!wrong.message.includes("not-the-password"), "the secret must not appear in the message");
  const none = await checkElasticsearch({ ...target(), auth: { type: "none" } }, secrets);
  assert.match(none.message, /requires authentication \(401\)/);
  const unset = await checkElasticsearch({ ...target(), auth: { type: "basic", username: ES_USER, passwordEnv: "UNSET_VARIABLE" } }, secrets);
  assert.match(unset.message, /No password for target `lab-es`/);
});

test("an API key goes to the cluster as the ApiKey header, and a wrong one is a plain 401 without the key", async () => {
  // A valid key cannot be minted on the integ-test zip (the .security index needs analysis-common,
  // which that zip lacks), so this checks that the key is sent and refused, and never echoed.
  const bogus = Buffer.from("logsmith-id:logsmith-not-a-key").toString("base64");
  const check = await checkElasticsearch({ ...target(), auth: { type: "apiKey", apiKeyEnv: "KEY" } }, environmentSecrets({ KEY: bogus }));
  assert.equal(check.ok, false);
  assert.match(check.message, /rejected the credentials of target `lab-es` \(401/);
  assert.ok(!check.message.includes(bogus));
});

test("an authenticated user without privileges gets a plain 403 naming what was refused", async () => {
  const nobody = await connectElasticsearch({ ...target(), auth: { type: "basic", username: ES_NOBODY, passwordEnv: "ES_PASSWORD" } }, secrets);
  try {
    await assert.rejects(queryIndex(nobody, { index: "logstash-*" }), (e: unknown) => e instanceof EsError && e.kind === "forbidden" && /denied the request for target `lab-es` \(403 forbidden\): .*unauthorized/.test(e.message));
  } finally {
    await nobody.close();
  }
});

test("an unreachable node is reported as such", async () => {
  const port = await freePort();
  const check = await checkElasticsearch({ ...target(), nodes: [`http://127.0.0.1:${port}`] }, secrets);
  assert.equal(check.ok, false);
  assert.match(check.message, new RegExp(`Cannot reach Elasticsearch at http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
});

test("the output's sprintf index resolves to a pattern that finds the documents the test indexed", async () => {
  const output = firstOutput(`output { elasticsearch { hosts => ["${es.url.replace("http://", "")}"] index => "logstash-%{+YYYY.MM.dd}" } }`);
  const plan = planOutputQuery(output, [{ name: "other", kind: "elasticsearch", nodes: ["http://10.0.0.1:9200"] }, target()]);
  assert.equal(plan.target?.name, "lab-es");
  assert.equal(plan.index.pattern, "logstash-*");
  const all = await queryIndex(conn, { index: plan.index.pattern, size: 3 });
  assert.equal(all.total, docs.length);
  assert.deepEqual(all.hits.map((h) => h.source["@timestamp"]), ["2026-11-25T02:45:00Z", "2026-11-25T01:00:00Z", "2026-11-24T10:15:00Z"]);
  assert.equal(all.hits[0].index, "logstash-2026.11.25");
  assert.equal(all.histogram.reduce((n, b) => n + b.count, 0), docs.length);
  assert.ok(all.histogram.length > 1 && all.interval, "a histogram with several buckets");

  const oneDay = planOutputQuery(output, [target()], { date: new Date("2026-11-24T12:00:00Z") });
  assert.equal(oneDay.index.pattern, "logstash-2026.11.24");
  assert.equal((await queryIndex(conn, { index: oneDay.index.pattern, size: 0 })).total, 3);
});

test("query string and Query DSL narrow the search", async () => {
  const gets = await queryIndex(conn, { index: "logstash-*", query: "verb:GET AND status:200", size: 10 });
  assert.equal(gets.total, 2);
  assert.ok(gets.hits.every((h) => h.source.verb === "GET" && h.source.status === 200));
  const dsl = await queryIndex(conn, { index: "logstash-*", mode: "dsl", query: JSON.stringify({ query: { range: { status: { gte: 400 } } } }) });
  assert.deepEqual(dsl.hits.map((h) => h.source.status).sort(), [404, 500]);
  await assert.rejects(queryIndex(conn, { index: "logstash-*", mode: "dsl", query: "{ not json" }), /not valid JSON/);
});

test("a concrete index that does not exist is a plain 'index not found'", async () => {
  await assert.rejects(queryIndex(conn, { index: "logstash-1999.01.01" }), (e: unknown) => e instanceof EsError && e.kind === "notFound" && /No index matches logstash-1999\.01\.01/.test(e.message));
});

test("ES|QL on a cluster without it says so plainly", async () => {
  await assert.rejects(queryIndex(conn, { index: "logstash-*", mode: "esql" }), (e: unknown) => e instanceof EsError && e.kind === "unsupported" && /ES\|QL is not available/.test(e.message));
});

test("the pipeline's fields against the mapping: type conflicts, lossy numbers and fields that never arrived", async () => {
  const { config } = parseConfig(`filter {
  grok { match => { "message" => "%{WORD:verb} %{NUMBER:bytes:float} %{USERNAME:user}" } }
  mutate { add_field => { "flag" => "yes" "[extra][note]" => "x" } convert => { "status" => "integer" } }
}`);
  const { fields } = await fetchMapping(conn, "web-mapped");
  assert.deepEqual([...fields.get("bytes")!], ["long"]);
  const findings = compareFieldsWithMapping(staticFieldsOf(config), fields);
  const by = (path: string) => findings.filter((f) => f.path === path).map((f) => f.kind);
  assert.deepEqual(by("verb"), []);
  assert.deepEqual(by("status"), []);
  assert.deepEqual(by("bytes"), ["lossy"]);
  assert.deepEqual(by("user"), ["typeConflict"]);
  assert.deepEqual(by("flag"), ["typeConflict"]);
  assert.deepEqual(by("extra.note"), ["neverArrived"]);
  assert.deepEqual(by("@timestamp"), []);
});

test("centralized pipeline management on a cluster without it: a clear message, nothing written", async () => {
  await assert.rejects(
    deployCentralPipeline(conn, { id: "main", pipeline: "input { stdin {} } output { stdout {} }" }),
    (e: unknown) => e instanceof EsError && e.kind === "unsupported" && /does not support centralized pipeline management/.test(e.message),
  );
  await assert.rejects(deployCentralPipeline(conn, { id: "bad id!", pipeline: "" }), /not a valid pipeline id/);
});

test("logsmith query --format json prints the count and the newest documents", () => {
  const dir = mkdtempSync(join(tmpdir(), "logsmith-cli-query-"));
  try {
    const file = join(dir, "targets.json");
    writeFileSync(file, JSON.stringify({ targets: [target()] }));
    const run = (args: string[], env: Record<string, string>) =>
      spawnSync(process.execPath, ["--import", "tsx", join(repo, "server/src/cli.ts"), ...args], { cwd: repo, env: { ...process.env, ...env }, encoding: "utf8" });
    const ok = run(["query", "--targets", file, "--target", "lab-es", "--index", "logstash-*", "--query", "verb:GET", "--size", "2", "--format", "json"], { ES_PASSWORD });
    assert.equal(ok.status, 0, ok.stderr);
    const out = JSON.parse(ok.stdout);
    assert.equal(out.total, 3);
    assert.equal(out.hits.length, 2);
    assert.equal(out.hits[0]._source["@timestamp"], "2026-11-25T01:00:00Z");
    const denied = run(["query", "--targets", file, "--target", "lab-es", "--index", "logstash-*"], { ES_PASSWORD: "wrong-one" });
    assert.equal(denied.status, 1);
    assert.match(denied.stderr, /401 authentication failed/);
    assert.ok(!denied.stderr.includes("wrong-one"));
    const usage = run(["query", "--targets", file, "--target", "lab-es"], {});
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--index is required/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("TLS (HTTPS stand-in with a self-signed certificate; the integ-test zip serves plain HTTP): verification names the certificate, tlsVerify false or its CA works", async () => {
  const standIn = await startTlsStandIn("logsmith-standin");
  try {
    const tls: ElasticsearchTarget = { name: "tls-es", kind: "elasticsearch", nodes: [standIn.url] };
    const refused = await checkElasticsearch(tls, secrets);
    assert.equal(refused.ok, false);
    assert.match(refused.message, /TLS verification failed for https:\/\/127\.0\.0\.1:\d+: DEPTH_ZERO_SELF_SIGNED_CERT/);
    assert.match(refused.message, /CN=logsmith-standin/);
    assert.match(refused.message, /tlsVerify off for this target only/);
    const trusted = await checkElasticsearch({ ...tls, caCertPath: standIn.certPath }, secrets);
    assert.equal(trusted.ok, true, trusted.message);
    const unverified = await checkElasticsearch({ ...tls, tlsVerify: false }, secrets);
    assert.equal(unverified.ok, true, unverified.message);
    assert.match(unverified.message, /Elasticsearch 8\.19\.0/);
  } finally {
    await standIn.stop();
  }
});

test("clusters too old for ES|QL or centralized management are told so (stand-in reporting old versions)", async () => {
  for (const [version, run, expected] of [
    ["8.5.3", (c: EsConnection) => queryIndex(c, { index: "x", mode: "esql" }), /ES\|QL needs Elasticsearch 8\.11 or newer; .* runs 8\.5\.3/],
    ["7.10.2", (c: EsConnection) => deployCentralPipeline(c, { id: "main", pipeline: "" }), /\(Elasticsearch 7\.10\.2\) does not support centralized pipeline management/],
  ] as const) {
    const standIn = await startTlsStandIn("old-cluster", version);
    const old = await connectElasticsearch({ name: "old", kind: "elasticsearch", nodes: [standIn.url], tlsVerify: false }, secrets);
    try {
      await assert.rejects(run(old), (e: unknown) => e instanceof EsError && e.kind === "unsupported" && expected.test(e.message));
    } finally {
      await old.close();
      await standIn.stop();
    }
  }
});
