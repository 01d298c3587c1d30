import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { DocumentHighlight, DocumentSymbol, FoldingRange, SelectionRange, SemanticTokens, TextEdit } from "vscode-languageserver-protocol";
import { formatConfig } from "../../server/src/core/format";
import { applyLspEdits, startTestServer, type TestServer } from "../helpers/lspClient";

const URI = "file:///tmp/features.conf";
const TEXT = `# Apache access logs
# parsed and enriched
input {
  beats { port => 5044 }
}
filter {
  grok {
    id => "parse_apache"
    match => { "message" => "%{IPORHOST:clientip} %{WORD:verb}" }
  }
  if [clientip] =~ /^10\\./ {
    mutate { add_tag => ["internal"] }
  } else {
    geoip { source => "clientip" }
  }
}
output {
stdout { codec => rubydebug }
}
`;

let server: TestServer;
before(async () => {
  server = await startTestServer();
  server.open(URI, TEXT);
  await server.diagnostics(URI);
});
after(async () => {
  await server.stop();
});

const doc = { textDocument: { uri: URI } };

test("documentSymbol: sections, plugins with ids, branches", async () => {
  const symbols = await server.connection.sendRequest<DocumentSymbol[]>("textDocument/documentSymbol", doc);
  assert.deepEqual(symbols.map((s) => s.name), ["input", "filter", "output"]);
  const filter = symbols[1];
  assert.deepEqual(filter.children!.map((s) => s.name), ["grok (parse_apache)", "if [clientip] =~ /^10\\./", "else"]);
  assert.deepEqual(filter.range, { start: { line: 5, character: 0 }, end: { line: 15, character: 1 } });
  assert.deepEqual(filter.selectionRange, { start: { line: 5, character: 0 }, end: { line: 5, character: 6 } });
  assert.equal(filter.children![1].children![0].name, "mutate");
});

test("foldingRange: comment block and bracketed regions", async () => {
  const ranges = await server.connection.sendRequest<FoldingRange[]>("textDocument/foldingRange", doc);
  const simple = ranges.map((r) => `${r.startLine}-${r.endLine}${r.kind ? " " + r.kind : ""}`);
  assert.deepEqual(simple, ["0-1 comment", "2-3", "5-14", "6-8", "10-11", "12-13", "16-17"]);
});

test("selectionRange: from the caret on a field outwards", async () => {
  const [range] = await server.connection.sendRequest<SelectionRange[]>("textDocument/selectionRange", {
    ...doc,
    positions: [{ line: 10, character: 8 }],
  });
  assert.deepEqual(range.range, { start: { line: 10, character: 5 }, end: { line: 10, character: 15 } });
  let depth = 0;
  for (let r: SelectionRange | undefined = range; r; r = r.parent) depth++;
  assert.ok(depth >= 6);
});

test("semanticTokens/full: decoded tokens match the source text", async () => {
  const legend = server.initializeResult.capabilities.semanticTokensProvider!.legend.tokenTypes;
  const { data } = await server.connection.sendRequest<SemanticTokens>("textDocument/semanticTokens/full", doc);
  assert.equal(data.length % 5, 0);
  const lines = TEXT.split("\n");
  const decoded: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    decoded.push(`${legend[data[i + 3]]}:${lines[line].slice(char, char + data[i + 2])}`);
  }
  assert.deepEqual(decoded.slice(0, 8), [
    "comment:# Apache access logs",
    "comment:# parsed and enriched",
    "keyword:input",
    "class:beats",
    "property:port",
    "operator:=>",
    "number:5044",
    "keyword:filter",
  ]);
  assert.ok(decoded.includes("variable:[clientip]"));
  assert.ok(decoded.includes("regexp:/^10\\./"));
  assert.ok(decoded.includes("variable:clientip"), "grok capture inside the pattern string");
});

test("formatting: the edits turn the document into the formatter's output", async () => {
  const options = { tabSize: 2, insertSpaces: true };
  const edits = await server.connection.sendRequest<TextEdit[]>("textDocument/formatting", { ...doc, options });
  assert.equal(applyLspEdits(TEXT, edits), formatConfig(TEXT, options));
});

test("rangeFormatting: only lines inside the range change", async () => {
  const options = { tabSize: 4, insertSpaces: true };
  const range = { start: { line: 17, character: 0 }, end: { line: 17, character: 5 } };
  const edits = await server.connection.sendRequest<TextEdit[]>("textDocument/rangeFormatting", { ...doc, range, options });
  assert.ok(edits.length > 0);
  // An edit may end at the start of line 18: that only replaces line 17's line break.
  for (const e of edits) {
    assert.equal(e.range.start.line, 17);
    assert.ok(e.range.end.line === 17 || (e.range.end.line === 18 && e.range.end.character === 0), JSON.stringify(e.range));
  }
  const before = TEXT.split("\n");
  const result = applyLspEdits(TEXT, edits).split("\n");
  assert.deepEqual(result.slice(0, 17), before.slice(0, 17), "lines above the range");
  assert.deepEqual(result.slice(-2), before.slice(-2), "lines below the range");
  // What replaced line 17 is what the formatter makes of it.
  const full = formatConfig(TEXT, options);
  assert.ok(full.includes(result.slice(17, -2).join("\n")));
});

test("formatting is off when logsmith.format.enable is false", async () => {
  const other = await startTestServer();
  try {
    other.settings = { format: { enable: false } };
    other.open(URI, TEXT);
    const edits = await other.connection.sendRequest("textDocument/formatting", { ...doc, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits, null);
  } finally {
    await other.stop();
  }
});

test("documentHighlight: a field in a condition, the grok capture and the option value", async () => {
  const highlights = await server.connection.sendRequest<DocumentHighlight[]>("textDocument/documentHighlight", {
    ...doc,
    position: { line: 10, character: 8 },
  });
  const lines = TEXT.split("\n");
  const found = highlights.map((h) => `${h.kind}:${lines[h.range.start.line].slice(h.range.start.character, h.range.end.character)}@${h.range.start.line}`);
  assert.deepEqual(found, ["3:clientip@8", "2:[clientip]@10", "2:clientip@13"]);
});
