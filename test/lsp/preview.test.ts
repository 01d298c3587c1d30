import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { CodeLens } from "vscode-languageserver-protocol";
import { startTestServer, type TestServer } from "../helpers/lspClient";
import type { GrokPatternsResult, PreviewParams, PreviewResult } from "../../server/src/protocol";

const URI = "file:///tmp/preview.conf";
const TEXT = `input { stdin {} }
filter {
  grok {
    match => { "message" => "%{IP:client} %{WORD:verb} %{MYPATH:path}" }
  }
  geoip { source => "client" target => "geo" }
}
output { stdout {} }
`;

let server: TestServer;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), "logsmith-preview-"));
  writeFileSync(join(dir, "extra"), "MYPATH /[a-z]+\n");
  server = await startTestServer();
  server.settings = { grok: { patternsPath: dir } };
  server.open(URI, TEXT);
  await server.diagnostics(URI);
});
after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const preview = (params: Partial<PreviewParams>) =>
  server.connection.sendRequest<PreviewResult>("logsmith/preview", { uri: URI, target: { kind: "grok", index: 0 }, samples: [], trusted: true, ...params });

test("code lenses: Preview pipeline over the filter section, Preview grok / geoip over each block", async () => {
  assert.ok(server.initializeResult.capabilities.codeLensProvider);
  const lenses = await server.connection.sendRequest<CodeLens[]>("textDocument/codeLens", { textDocument: { uri: URI } });
  const simple = lenses.map((l) => `${l.range.start.line}:${l.range.start.character} ${l.command!.title} ${JSON.stringify(l.command!.arguments)}`);
  assert.deepEqual(simple, [
    `1:0 Preview pipeline ["${URI}",{"kind":"pipeline"}]`,
    `2:2 Preview grok ["${URI}",{"kind":"grok","index":0}]`,
    `5:2 Preview geoip ["${URI}",{"kind":"geoip","index":0}]`,
  ]);
  assert.ok(lenses.every((l) => l.command!.command === "logsmith.openPreview"));
});

test("logsmith/preview: grok spans and fields with the patternsPath setting, a failure with how far it got", async () => {
  const r = await preview({ samples: ["10.0.0.1 GET /index", "10.0.0.1 GET 42"] });
  assert.equal(r.kind, "grok", r.error);
  if (r.kind !== "grok") return;
  const [ok, bad] = r.lines;
  assert.equal(ok.matched, true);
  assert.deepEqual(ok.captures.map((c) => [c.field, ok.input.slice(c.start, c.end)]), [["client", "10.0.0.1"], ["verb", "GET"], ["path", "/index"]]);
  assert.equal(bad.matched, false);
  assert.equal(bad.progress![0].matchedElements, 4);
  assert.equal(bad.progress![0].stoppedAt, "10.0.0.1 GET ".length);
});

test("logsmith/preview: `limit` previews a screenful of the samples first", async () => {
  const r = await preview({ samples: ["10.0.0.1 GET /a", "10.0.0.2 GET /b", "10.0.0.3 GET /c"], limit: 2 });
  assert.equal(r.kind, "grok");
  if (r.kind === "grok") assert.deepEqual(r.lines.map((l) => l.input), ["10.0.0.1 GET /a", "10.0.0.2 GET /b"]);
});

test("logsmith/preview: the panel follows edits of the document", async () => {
  server.change(URI, TEXT.replace("%{WORD:verb}", "%{WORD:method}"), 2);
  const r = await preview({ samples: ["10.0.0.1 GET /index"] });
  assert.equal(r.kind, "grok");
  if (r.kind === "grok") assert.ok(r.lines[0].changes.some((c) => c.field === "[method]" && c.after === "GET"));
  server.change(URI, TEXT, 3);
});

test("logsmith/preview: whole pipeline and geoip", async () => {
  const p = await preview({ target: { kind: "pipeline" }, samples: ["8.8.8.8 GET /x"] });
  assert.equal(p.kind, "pipeline", p.error);
  if (p.kind === "pipeline") {
    const filters = p.events[0].steps.filter((s) => s.kind === "filter").map((s) => s.kind === "filter" && s.filter);
    assert.deepEqual(filters, ["grok", "geoip"]);
  }
  const g = await preview({ target: { kind: "geoip", index: 0 }, samples: ["8.8.8.8", "10.0.0.1"] });
  assert.equal(g.kind, "geoip", g.error);
  assert.equal(g.error, undefined);
  if (g.kind === "geoip") assert.deepEqual(g.lines.map((l) => l.matched), [true, false]);
});

test("logsmith/preview: a catastrophic pattern is cut off and the server keeps answering", async () => {
  const uri = "file:///tmp/slow.conf";
  server.open(uri, `filter { grok { match => { "message" => "(a+)+$" } } }`);
  const line = ("a".repeat(21) + "b").repeat(3000);
  const t0 = Date.now();
  const pending = server.connection.sendRequest<PreviewResult>("logsmith/preview", { uri, target: { kind: "grok", index: 0 }, samples: ["aaa", line], trusted: true });
  // The server's own thread stays free while the worker grinds.
  const lenses = await server.connection.sendRequest<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
  assert.ok(Date.now() - t0 < 500, "code lenses answered while the preview ran");
  assert.equal(lenses.length, 2);
  const r = await pending;
  assert.ok(r.timeout, "the run reports the timeout");
  assert.match(r.timeout!.message, /Line 2 took longer than/);
  assert.equal(r.kind, "grok");
  if (r.kind === "grok") assert.deepEqual(r.lines.map((l) => l.matched), [true, false]);
});

test("logsmith/grokPatterns: the filter's set plus patternsPath files", async () => {
  const r = await server.connection.sendRequest<GrokPatternsResult>("logsmith/grokPatterns", { uri: URI, offset: TEXT.indexOf("%{IP"), trusted: true });
  assert.equal(r.set, "ecs-v1");
  assert.deepEqual(r.patterns.find((p) => p.name === "MYPATH"), { name: "MYPATH", regex: "/[a-z]+", source: "patternsPath", file: "extra" });
  assert.ok(r.patterns.length > 300);
});
