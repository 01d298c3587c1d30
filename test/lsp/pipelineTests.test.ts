import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ListPipelineTestsRequest, RunPipelineTestsRequest, SaveTestCaseRequest } from "../../server/src/protocol";
import { startTestServer, type TestServer } from "../helpers/lspClient";

// Needs dist/server.cjs (`npm run build`; npm test builds first).
const FIXTURES = fileURLToPath(new URL("../../test-fixtures/pipeline-tests", import.meta.url));
let dir: string;
let server: TestServer;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "logsmith-lsp-tests-"));
  for (const name of ["broken.conf", "broken.test.json", "syslog.conf", "syslog.test.yaml"]) cpSync(join(FIXTURES, name), join(dir, name));
  server = await startTestServer();
});

after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("list: a test file's cases with their line ranges", async () => {
  const list = await server.connection.sendRequest(ListPipelineTestsRequest, { uri: uri("syslog.test.yaml") });
  assert.deepEqual(list.problems, []);
  assert.deepEqual(list.cases.map((c) => c.name), ["program with pid", "program without pid", "cron lines are dropped", "sshd needs dns"]);
  assert.equal(list.cases[0].range.start.line, 6); // 0-based: the line of its `description`
  assert.ok(list.cases[1].range.start.line > list.cases[0].range.end.line - 1);
});

test("run: statuses, the diff texts and the diverging filter located in the pipeline file", async () => {
  const run = await server.connection.sendRequest(RunPipelineTestsRequest, { uri: uri("broken.test.json") });
  assert.equal(run.error, undefined);
  assert.equal(run.pipeline, uri("broken.conf"));
  assert.deepEqual(run.cases.map((c) => c.status), ["passed", "failed", "failed", "failed"]);
  const upper = run.cases[1];
  assert.match(upper.expectedText, /"verb": "POST"/);
  assert.match(upper.actualText, /"verb": "post"/);
  assert.equal(upper.divergence?.uri, uri("broken.conf"));
  assert.equal(upper.divergence?.range.start.line, 5);
  assert.equal(upper.divergence?.filter, "mutate");
  const one = await server.connection.sendRequest(RunPipelineTestsRequest, { uri: uri("broken.test.json"), cases: [0] });
  assert.deepEqual(one.cases.map((c) => c.index), [0]);
});

test("run reads an open, unsaved pipeline; save builds a case from the current output", async () => {
  server.open(uri("broken.conf"), 'filter {\n  grok { match => { "message" => "%{WORD:verb} %{NOTSPACE:path}" } }\n}\n');
  const run = await server.connection.sendRequest(RunPipelineTestsRequest, { uri: uri("broken.test.json"), cases: [0, 1] });
  assert.deepEqual(run.cases.map((c) => c.status), ["failed", "passed"]);
  const saved = await server.connection.sendRequest(SaveTestCaseRequest, { pipeline: uri("broken.conf"), lines: ["DELETE /z"], testUri: uri("new.test.yaml") });
  assert.equal(saved.index, 0);
  assert.match(saved.text, /verb: DELETE/);
  assert.match(saved.text, /- "@timestamp"/);
});
