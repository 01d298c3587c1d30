// "Query index" and the Redis lens in a real VS Code (code-server + the packed VSIX) against a real
// Elasticsearch and redis-server on 127.0.0.1: the Redis lens shows the live list length, the query
// panel shows the documents the test indexed, a query narrows them, ES|QL on a cluster without it says
// so, and the Redis peek opens the newest items as JSON. Elasticsearch runs without security here:
// the editor keeps secrets in SecretStorage, which a test cannot fill without driving the UI
// (test/remote/elasticsearch.test.ts covers authentication).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Frame } from "playwright-core";
import { RespConnection } from "../../server/src/remote/redis/resp";
import { startElasticsearch, type RunningElasticsearch } from "../remote/elasticsearchServer";
import { startRedis, type RunningRedis } from "../remote/redisServer";
import { CodeServerHarness, waitFor } from "./harness";

let es: RunningElasticsearch;
let redis: RunningRedis;
let vscode: CodeServerHarness;
let workspace: string;

before(async () => {
  [es, redis] = await Promise.all([startElasticsearch({ security: false }), startRedis()]);
  const bulk = [
    { "@timestamp": "2026-11-24T08:00:00Z", verb: "GET", status: 200 },
    { "@timestamp": "2026-11-24T09:00:00Z", verb: "POST", status: 500 },
    { "@timestamp": "2026-11-24T10:00:00Z", verb: "GET", status: 404 },
  ].flatMap((doc) => [JSON.stringify({ index: { _index: "weblogs-2026.11.24" } }), JSON.stringify(doc)]).join("\n") + "\n";
  const r = await fetch(`${es.url}/_bulk?refresh=true`, { method: "POST", headers: { "content-type": "application/x-ndjson" }, body: bulk });
  assert.ok(r.ok, await r.text());
  const c = await RespConnection.open("127.0.0.1", redis.port);
  await c.command("RPUSH", "logstash", ...[0, 1, 2].map((seq) => JSON.stringify({ message: `line ${seq}`, seq })));
  c.close();

  workspace = mkdtempSync(join(tmpdir(), "logsmith-query-e2e-"));
  mkdirSync(join(workspace, "pipeline"));
  mkdirSync(join(workspace, ".vscode"));
  const esHost = es.url.replace("http://", "");
  writeFileSync(
    join(workspace, "pipeline/indexer.conf"),
    `input {\n  redis { host => "127.0.0.1" port => ${redis.port} data_type => "list" key => "logstash" }\n}\nfilter {\n  grok { match => { "message" => "%{WORD:verb} %{NUMBER:status:int} %{NUMBER:bytes:int}" } }\n}\noutput {\n  elasticsearch { hosts => ["${esHost}"] index => "weblogs-%{+YYYY.MM.dd}" }\n}\n`,
  );
  writeFileSync(
    join(workspace, ".vscode/settings.json"),
    JSON.stringify({ "logsmith.targets": [{ name: "lab-es", kind: "elasticsearch", nodes: [es.url] }, { name: "broker", kind: "redis", host: "127.0.0.1", port: redis.port }] }, null, 2),
  );
  vscode = await CodeServerHarness.start({ workspace, settings: { "editor.codeLens": true } });
});

after(async () => {
  await vscode?.close();
  await Promise.all([es?.stop(), redis?.stop()]);
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

function lens(title: RegExp | string) {
  return vscode.page.locator(".editor-group-container .monaco-editor .codelens-decoration a", { hasText: title });
}

async function queryFrame(): Promise<Frame> {
  return waitFor(
    "query webview frame",
    async () => {
      for (const frame of vscode.page.frames()) {
        if (frame.isDetached()) continue;
        if ((await frame.locator("#summary").count().catch(() => 0)) > 0) return frame;
      }
      return undefined;
    },
    60_000,
  );
}

test("the Redis lens shows the list length; Query index opens the documents, a query narrows them, ES|QL says it is unavailable", async () => {
  await vscode.openFile("pipeline/indexer.conf");
  await vscode.waitForLanguageMode("Logstash");
  await waitFor("Redis lens with the live length", async () => (await lens("Redis: 3 items · peek").count()) > 0, 60_000);

  await waitFor("Query index lens", async () => (await lens("Query index weblogs-*").count()) > 0, 30_000);
  await lens("Query index weblogs-*").first().click();
  const frame = await queryFrame();
  await waitFor("3 documents", async () => /^3 documents$/.test((await frame.locator("#summary").textContent())?.trim() ?? ""), 30_000);
  assert.equal(await frame.locator("#docs tr").count(), 4, "a header row and three documents");
  assert.ok((await frame.locator("#histogram svg rect").count()) >= 2, "histogram bars");
  // `bytes` is captured by grok but no document has it.
  assert.match((await frame.locator("#findings").textContent()) ?? "", /`bytes` \(grok match\) is not in the mapping/);

  await frame.locator("#query textarea").fill("verb:POST");
  await frame.locator("#run").click();
  await waitFor("1 document", async () => /^1 documents$/.test((await frame.locator("#summary").textContent())?.trim() ?? ""), 30_000);

  await frame.locator("#mode").selectOption("esql");
  await frame.locator("#run").click();
  await waitFor("ES|QL message", async () => /ES\|QL is not available/.test((await frame.locator("#error").textContent()) ?? ""), 30_000);
});

test("the Redis lens opens the newest items, newest first, as JSON", async () => {
  await vscode.openFile("pipeline/indexer.conf");
  await lens(/Redis: \d+ items · peek/).first().click();
  const text = await waitFor(
    "peek editor",
    async () => {
      // Monaco renders spaces as no-break spaces.
      const all = (await vscode.page.locator(".editor-group-container .monaco-editor .view-lines").allTextContents()).map((t) => t.replace(/\u00a0/g, " "));
      return all.find((t) => t.includes("items waiting in list logstash"));
    },
    30_000,
  );
  assert.ok(text.includes('"seq": 2') && text.indexOf('"seq": 2') < text.indexOf('"seq": 1'), text);
});
