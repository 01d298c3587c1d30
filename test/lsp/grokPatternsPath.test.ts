import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { CompletionList, Hover } from "vscode-languageserver-protocol";
import { RunPipelineTestsRequest } from "../../server/src/protocol";
import { startTestServer, type TestServer } from "../helpers/lspClient";

// Needs dist/server.cjs (`npm run build`; npm test builds first).
const TEXT = `filter {
  grok { match => { "message" => "%{TICKET:ticket} %{TIC" } }
}
`;
let dir: string;
let server: TestServer;
let uri: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "logsmith-lsp-patterns-"));
  mkdirSync(join(dir, "grok"));
  writeFileSync(join(dir, "grok", "tickets"), "TICKET TK-%{INT}\n");
  // Relative to the workspace folder, as the preview resolves the setting.
  server = await startTestServer({ workspaceFolders: [pathToFileURL(dir).href] });
  server.settings = { grok: { patternsPath: "grok" } };
  uri = pathToFileURL(join(dir, "tickets.conf")).href;
});
after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("diagnostics: a pattern of logsmith.grok.patternsPath is not unknown (an unset one still is)", async () => {
  server.open(uri, TEXT.replace(" %{TIC", " %{NOSUCH}"));
  const d = await server.diagnostics(uri);
  const unknown = d.diagnostics.filter((x) => x.code === "grok-unknown-pattern").map((x) => String(x.message));
  assert.equal(unknown.length, 1, JSON.stringify(unknown));
  assert.match(unknown[0], /NOSUCH/);
  server.change(uri, TEXT.replace(" %{TIC", ""), 2);
  const clean = await server.diagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(clean.diagnostics.filter((x) => String(x.code).startsWith("grok-")), []);
});

test("completion offers the patternsPath pattern; hover shows its definition", async () => {
  server.change(uri, TEXT, 3);
  const line = TEXT.split("\n")[1];
  const list = await server.connection.sendRequest<CompletionList>("textDocument/completion", { textDocument: { uri }, position: { line: 1, character: line.indexOf("%{TIC\"") + 5 } });
  const labels = list.items.map((i) => i.label);
  assert.ok(labels.includes("TICKET"), labels.slice(0, 20).join(","));
  const hover = await server.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: line.indexOf("TICKET") + 2 } });
  const value = hover && typeof hover.contents === "object" && "value" in hover.contents ? String(hover.contents.value) : "";
  assert.match(value, /TK-/);
});

test("pipeline tests run through the simulator with the patternsPath patterns", async () => {
  writeFileSync(join(dir, "tickets.conf"), TEXT.replace(" %{TIC", ""));
  server.change(uri, TEXT.replace(" %{TIC", ""), 4);
  writeFileSync(join(dir, "tickets.test.yaml"), `ignore: ["@timestamp"]\ntestcases:\n  - input: ["TK-5"]\n    expected:\n      - { message: TK-5, ticket: TK-5 }\n`);
  const run = await server.connection.sendRequest(RunPipelineTestsRequest, { uri: pathToFileURL(join(dir, "tickets.test.yaml")).href });
  assert.equal(run.error, undefined);
  assert.deepEqual(run.cases.map((c) => c.status), ["passed"], run.cases[0]?.actualText);
});

test("untrusted workspace: pipeline tests read a patterns_dir inside the workspace, never one outside", async () => {
  const outside = mkdtempSync(join(tmpdir(), "logsmith-lsp-outside-"));
  const ws = mkdtempSync(join(tmpdir(), "logsmith-lsp-untrusted-"));
  const untrusted = await startTestServer({ workspaceFolders: [pathToFileURL(ws).href], initializationOptions: { workspaceTrusted: false } });
  try {
    for (const d of [outside, join(ws, "patterns")]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, "orders"), "ORDER ORD-%{INT}\n");
    }
    const testFile = `ignore: ["@timestamp"]\ntestcases:\n  - input: ["ORD-1"]\n    expected:\n      - { message: ORD-1, order: ORD-1 }\n`;
    const pipeline = (dirs: string) => `filter {\n  grok { patterns_dir => ${dirs} match => { "message" => "^%{ORDER:order}$" } }\n}\n`;
    writeFileSync(join(ws, "inside.conf"), pipeline('["patterns"]'));
    writeFileSync(join(ws, "inside.test.yaml"), testFile);
    writeFileSync(join(ws, "outside.conf"), pipeline(JSON.stringify([outside])));
    writeFileSync(join(ws, "outside.test.yaml"), testFile);
    const inside = await untrusted.connection.sendRequest(RunPipelineTestsRequest, { uri: pathToFileURL(join(ws, "inside.test.yaml")).href });
    assert.deepEqual(inside.cases.map((c) => c.status), ["passed"], inside.cases[0]?.message);
    const out = await untrusted.connection.sendRequest(RunPipelineTestsRequest, { uri: pathToFileURL(join(ws, "outside.test.yaml")).href });
    assert.deepEqual(out.cases.map((c) => c.status), ["skipped"]);
    assert.match(out.cases[0].message ?? "", /outside the workspace/);
  } finally {
    await untrusted.stop();
    rmSync(outside, { recursive: true, force: true });
    rmSync(ws, { recursive: true, force: true });
  }
});
