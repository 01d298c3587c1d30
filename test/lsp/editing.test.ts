import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { CodeAction, CompletionList, Hover, Location } from "vscode-languageserver-protocol";
import { applyLspEdits, startTestServer, type TestServer } from "../helpers/lspClient";

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.stop();
});

function position(text: string, marker: string, delta = 0) {
  const offset = text.indexOf(marker) + delta;
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test("completion inside a plugin block offers its options, required first", async () => {
  const uri = "file:///tmp/complete.conf";
  const text = "input {\n  file {\n    \n  }\n}\n";
  server.open(uri, text);
  const list = await server.connection.sendRequest<CompletionList>("textDocument/completion", {
    textDocument: { uri },
    position: { line: 2, character: 4 },
  });
  const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.equal(sorted[0].label, "path");
  assert.ok(list.items.some((i) => i.label === "start_position"));
  assert.equal(sorted[0].insertTextFormat, 2, "a snippet");
});

test("hover on an option shows its documentation", async () => {
  const uri = "file:///tmp/hover.conf";
  const text = 'input {\n  file {\n    path => "/x"\n    start_position => "end"\n  }\n}\n';
  server.open(uri, text);
  const hover = await server.connection.sendRequest<Hover>("textDocument/hover", { textDocument: { uri }, position: position(text, "start_position", 3) });
  const value = (hover.contents as { value: string }).value;
  assert.match(value, /\*\*start_position\*\*/);
  assert.match(value, /`beginning`/);
  assert.match(value, /default: `"end"`/);
});

test("a quick fix replaces a misspelled option and the diagnostic goes away", async () => {
  const uri = "file:///tmp/fix.conf";
  const text = 'input {\n  file {\n    path => "/x"\n    start_positon => "end"\n  }\n}\n';
  server.open(uri, text);
  const published = await server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === "option-unknown"));
  const diagnostic = published.diagnostics.find((d) => d.code === "option-unknown")!;
  assert.match(String(diagnostic.message), /Did you mean `start_position`\?/);
  const actions = await server.connection.sendRequest<CodeAction[]>("textDocument/codeAction", {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  const fix = actions.find((a) => a.isPreferred)!;
  assert.ok(fix, JSON.stringify(actions));
  const fixed = applyLspEdits(text, fix.edit!.changes![uri]);
  assert.match(fixed, /start_position => "end"/);
  server.change(uri, fixed, 2);
  const after = await server.diagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(after.diagnostics.filter((d) => d.code === "option-unknown"), []);
});

test("a quick fix adds a missing required option", async () => {
  const uri = "file:///tmp/required.conf";
  const text = "filter {\n  clone {\n  }\n}\n";
  server.open(uri, text);
  const published = await server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === "option-required"));
  const diagnostic = published.diagnostics.find((d) => d.code === "option-required")!;
  const actions = await server.connection.sendRequest<CodeAction[]>("textDocument/codeAction", {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  const fixed = applyLspEdits(text, actions[0].edit!.changes![uri]);
  assert.match(fixed, /clone \{\n    clones => \[\]\n  \}/);
  server.change(uri, fixed, 2);
  const after = await server.diagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(after.diagnostics.filter((d) => d.code === "option-required"), []);
});

test("settings are honoured: logstashVersion 6.5 accepts what 9.x rejects", async () => {
  const uri = "file:///tmp/version.conf";
  const text = "filter {\n  clone {\n  }\n}\n";
  server.settings = { logstashVersion: "6.5" };
  await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
  server.open(uri, text);
  const published = await server.diagnostics(uri);
  assert.deepEqual(published.diagnostics, []);
  server.settings = {};
  await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
});

test("go to definition jumps from a field to the grok capture that sets it", async () => {
  const uri = "file:///tmp/definition.conf";
  const text = 'filter {\n  grok { match => { "message" => "%{IP:client}" } }\n  if [client] { drop {} }\n}\n';
  server.open(uri, text);
  const locations = await server.connection.sendRequest<Location[]>("textDocument/definition", {
    textDocument: { uri },
    position: position(text, "[client]", 2),
  });
  assert.equal(locations.length, 1);
  assert.equal(locations[0].range.start.line, 1);
});
