import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestServer, type TestServer } from "../helpers/lspClient";

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.stop();
});

test("initialize advertises the features the server implements", () => {
  const { capabilities, serverInfo } = server.initializeResult;
  assert.equal(serverInfo?.name, "logsmith");
  assert.equal(capabilities.textDocumentSync, 2);
  assert.ok(capabilities.documentSymbolProvider);
  assert.equal(capabilities.foldingRangeProvider, true);
  assert.equal(capabilities.selectionRangeProvider, true);
  assert.equal(capabilities.documentFormattingProvider, true);
  assert.equal(capabilities.documentRangeFormattingProvider, true);
  assert.equal(capabilities.documentHighlightProvider, true);
  assert.ok(capabilities.semanticTokensProvider?.legend.tokenTypes.includes("variable"));
});

test("requests for a document that is not open answer null", async () => {
  const symbols = await server.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri: "file:///unknown.conf" } });
  assert.equal(symbols, null);
});

test("a valid pipeline gets an empty diagnostics list when opened", async () => {
  const uri = "file:///tmp/valid.conf";
  server.open(uri, 'input { stdin {} }\nfilter { mutate { add_tag => ["x"] } }\noutput { stdout {} }\n');
  const published = await server.diagnostics(uri);
  assert.deepEqual(published.diagnostics, []);
  assert.equal(published.version, 1);
});

test("a missing `=>` is a syntax error from logsmith, cleared once fixed", async () => {
  const uri = "file:///tmp/broken.conf";
  server.open(uri, 'filter {\n  mutate { add_field { "a" => "b" } }\n}\n');
  const broken = await server.diagnostics(uri);
  assert.equal(broken.diagnostics.length, 1, JSON.stringify(broken.diagnostics));
  const [d] = broken.diagnostics;
  assert.match(String(d.code), /^syntax/);
  assert.equal(d.source, "logsmith");
  assert.equal(d.severity, 1);
  assert.equal(d.range.start.line, 1);

  server.change(uri, 'filter {\n  mutate { add_field => { "a" => "b" } }\n}\n', 2);
  const fixed = await server.diagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(fixed.diagnostics, []);
});

test("typing bursts are debounced: at most the first and the last version are checked", async () => {
  const uri = "file:///tmp/burst.conf";
  server.open(uri, "output { stdout {} }\n");
  await server.diagnostics(uri);
  const before = server.published.filter((p) => p.uri === uri).length;
  // Odd versions miss the closing brace: checking them would publish a syntax error.
  for (let v = 2; v <= 6; v++) server.change(uri, `output { stdout { id => "${"x".repeat(v)}" } ${v % 2 ? "" : "}"}\n`, v);
  const last = await server.diagnostics(uri, (p) => p.version === 6);
  const during = server.published.filter((p) => p.uri === uri).slice(before);
  // A lone edit is answered at once, so the burst's first version may be checked; the ones in between never.
  assert.ok(during.every((p) => p.version === 2 || p.version === 6), JSON.stringify(during.map((p) => p.version)));
  assert.equal(during.at(-1)?.version, 6);
  assert.deepEqual(last.diagnostics, []);
});

test("closing a document clears its diagnostics", async () => {
  const uri = "file:///tmp/closing.conf";
  server.open(uri, "filter { x }\n");
  await server.diagnostics(uri, (p) => p.diagnostics.length > 0);
  void server.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  const cleared = await server.diagnostics(uri, (p) => p.diagnostics.length === 0);
  assert.deepEqual(cleared.diagnostics, []);
});

test("logsmith.plugins.installed is read per document: a listed community plugin is no longer unknown", async () => {
  const other = await startTestServer();
  try {
    const text = "filter { my_custom_thing { a => 1 } }\n";
    other.open("file:///tmp/unknown-plugin.conf", text);
    const before = await other.diagnostics("file:///tmp/unknown-plugin.conf");
    assert.ok(before.diagnostics.some((d) => d.code === "plugin-unknown"), JSON.stringify(before.diagnostics));

    other.settings = { plugins: { installed: ["my_custom_thing"] } };
    void other.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    const after = await other.diagnostics("file:///tmp/unknown-plugin.conf", (p) => !p.diagnostics.some((d) => d.code === "plugin-unknown"));
    assert.ok(!after.diagnostics.some((d) => d.code === "plugin-unknown"));
  } finally {
    await other.stop();
  }
});
