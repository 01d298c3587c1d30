import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { Location } from "vscode-languageserver-protocol";
import { startTestServer, type TestServer } from "../helpers/lspClient";

const ROOT = new URL("../../test-fixtures/multi-pipeline/", import.meta.url);
const uriOf = (rel: string) => pathToFileURL(new URL(rel, ROOT).pathname).toString();
const textOf = (rel: string) => readFileSync(new URL(rel, ROOT), "utf8");

const YML = uriOf("config/pipelines.yml");
const ROUTE = uriOf("conf.d/indexer/20-route.conf");
const APACHE = uriOf("conf.d/apache-es.conf");

let server: TestServer;
before(async () => {
  server = await startTestServer({ workspaceFolders: [ROOT.href.replace(/\/$/, "")] });
});
after(async () => {
  await server.stop();
});

function openYml(text: string, version = 1): void {
  void server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: YML, languageId: "yaml", version, text } });
}

test("pipelines.yml: the fixture is clean, then a typo, a bad value and an unmatched path are reported", async () => {
  const text = textOf("config/pipelines.yml");
  openYml(text);
  const clean = await server.diagnostics(YML, (p) => p.version === 1);
  assert.deepEqual(clean.diagnostics, []);
  const broken = text.replace("pipeline.workers: 1", "pipeline.worker: 1").replace("queue.type: persisted", "queue.type: disk").replace("conf.d/tomcat-es.conf", "conf.d/catalina/*.conf");
  server.change(YML, broken, 2);
  const found = await server.diagnostics(YML, (p) => p.version === 2);
  const codes = found.diagnostics.map((d) => d.code).sort();
  assert.deepEqual(codes, ["pipelines-invalid-value", "pipelines-path-no-match", "pipelines-unknown-setting"]);
  const unknown = found.diagnostics.find((d) => d.code === "pipelines-unknown-setting")!;
  assert.equal(unknown.range.start.line, broken.split("\n").findIndex((l) => l.includes("pipeline.worker:")));
  server.change(YML, text, 3);
  await server.diagnostics(YML, (p) => p.version === 3 && p.diagnostics.length === 0);
  // Hover on a path.config value lists the files it reads, in load order.
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes("conf.d/indexer\""));
  const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri: YML }, position: { line, character: lines[line].indexOf("indexer") } });
  assert.match(hover?.contents.value ?? "", /indexer.*2 file\(s\)[\s\S]*conf\.d\/indexer\/10-input\.conf[\s\S]*conf\.d\/indexer\/20-route\.conf/);
});

test("pipelines.yml: a misspelt setting has a quick fix", async () => {
  const text = "- pipeline.id: solo\n  pipeline.worker: 2\n  path.config: \"/etc/logstash/conf.d/apache-es.conf\"\n";
  openYml(text, 20);
  const found = await server.diagnostics(YML, (p) => p.version === 20);
  const typo = found.diagnostics.find((d) => d.code === "pipelines-unknown-setting");
  assert.ok(typo, JSON.stringify(found.diagnostics));
  const actions = await server.connection.sendRequest<{ title: string; edit: { changes: Record<string, { newText: string }[]> } }[]>("textDocument/codeAction", {
    textDocument: { uri: YML },
    range: typo.range,
    context: { diagnostics: [typo] },
  });
  assert.deepEqual(actions[0]?.edit.changes[YML].map((e) => e.newText), ["pipeline.workers"]);
});

test("pipelines.yml: completion offers settings and hover describes them; no Logstash features leak into YAML", async () => {
  const text = "- pipeline.id: x\n  queue.type: \n";
  openYml(text, 10);
  const list = await server.connection.sendRequest<{ items: { label: string }[] }>("textDocument/completion", { textDocument: { uri: YML }, position: { line: 1, character: 14 } });
  assert.deepEqual(list.items.map((i) => i.label), ["memory", "persisted"]);
  const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri: YML }, position: { line: 1, character: 4 } });
  assert.match(hover?.contents.value ?? "", /queue\.type/);
  const symbols = await server.connection.sendRequest<unknown[]>("textDocument/documentSymbol", { textDocument: { uri: YML } });
  assert.deepEqual(symbols ?? [], []);
  server.change(YML, textOf("config/pipelines.yml"), 11);
});

test("send_to to an unknown address is an error in the sending file, and goes away when fixed", async () => {
  const text = textOf("conf.d/indexer/20-route.conf");
  server.open(ROUTE, text.replace('send_to => ["tomcat"]', 'send_to => ["catalina"]'));
  const found = await server.diagnostics(ROUTE, (p) => p.diagnostics.some((d) => d.code === "pipeline-address-unknown"), 10000);
  const d = found.diagnostics.find((x) => x.code === "pipeline-address-unknown")!;
  assert.match(String(d.message), /catalina/);
  server.change(ROUTE, text, 2);
  await server.diagnostics(ROUTE, (p) => p.version === 2 && !p.diagnostics.some((x) => x.code === "pipeline-address-unknown"));
});

test("definition jumps from a send_to address to the listening input; references list the senders", async () => {
  const text = textOf("conf.d/indexer/20-route.conf");
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes('send_to => ["apache"]'));
  const character = lines[line].indexOf('"apache"') + 2;
  const defs = await server.connection.sendRequest<Location[]>("textDocument/definition", { textDocument: { uri: ROUTE }, position: { line, character } });
  assert.equal(defs.length, 1);
  assert.equal(defs[0].uri, APACHE);
  const apacheLines = textOf("conf.d/apache-es.conf").split("\n");
  assert.equal(defs[0].range.start.line, apacheLines.findIndex((l) => l.includes('address => "apache"')));

  server.open(APACHE, textOf("conf.d/apache-es.conf"));
  await server.diagnostics(APACHE);
  const addrLine = apacheLines.findIndex((l) => l.includes('address => "apache"'));
  const refs = await server.connection.sendRequest<Location[]>("textDocument/references", {
    textDocument: { uri: APACHE },
    position: { line: addrLine, character: apacheLines[addrLine].indexOf('"apache"') + 3 },
    context: { includeDeclaration: false },
  });
  assert.deepEqual(refs.map((r) => [r.uri, r.range.start.line]), [[ROUTE, line]]);
});

test("logsmith/pipelineMap: the workspace, one file's pipeline and a conf.d folder", async () => {
  type MapResult = { title: string; nodes: { id: string; label: string; kind: string; location?: { uri: string; range: { start: { line: number } } } }[]; edges: { from: string; to: string }[]; groups: { id: string }[] };
  const all = await server.connection.sendRequest<MapResult>("logsmith/pipelineMap", { scope: { kind: "workspace" } });
  assert.deepEqual(all.groups.map((g) => g.id), ["collector-apache", "collector-tomcat", "indexer", "apache-es", "tomcat-es"]);
  const byLabel = (m: MapResult, label: string) => m.nodes.find((n) => n.label === label);
  const redis = byLabel(all, "logstash")!;
  assert.equal(redis.kind, "endpoint");
  assert.equal(all.edges.filter((e) => e.to === redis.id).length, 2, "both collectors write the Redis key");
  // httpd.conf's CustomLog writes the file the apache collector reads: the log format feeds that file.
  const writer = byLabel(all, "jsonaccess");
  assert.equal(writer?.kind, "logformat");
  const accessLog = byLabel(all, "/etc/httpd/logs/jsonaccess_log")!;
  assert.ok(all.edges.some((e) => e.from === writer!.id && e.to === accessLog.id));
  assert.equal(writer?.location?.uri, uriOf("httpd/conf/httpd.conf"));
  const route = byLabel(all, "route_apache")!;
  assert.equal(route.location?.uri, ROUTE);
  assert.equal(route.location?.range.start.line, textOf("conf.d/indexer/20-route.conf").split("\n").findIndex((l) => l.trim() === "pipeline {"));

  const one = await server.connection.sendRequest<MapResult>("logsmith/pipelineMap", { scope: { kind: "file", uri: ROUTE } });
  assert.deepEqual(one.groups.map((g) => g.id), ["indexer"]);
  assert.ok(byLabel(one, "from_redis") && byLabel(one, "mark_indexed"));

  const folder = await server.connection.sendRequest<MapResult>("logsmith/pipelineMap", { scope: { kind: "folder", uri: uriOf("conf.d/indexer") } });
  assert.deepEqual(folder.groups.map((g) => g.id), ["indexer"]);
  assert.ok(byLabel(folder, "from_redis") && byLabel(folder, "route_tomcat"));
});

test("a pipeline file created on disk is picked up from the watched-files notification", async () => {
  const { cpSync, mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "logsmith-p2p-"));
  cpSync(new URL(ROOT).pathname, dir, { recursive: true });
  const scratch = await startTestServer({ workspaceFolders: [pathToFileURL(dir).toString()] });
  try {
    const route = pathToFileURL(join(dir, "conf.d/indexer/20-route.conf")).toString();
    scratch.open(route, textOf("conf.d/indexer/20-route.conf").replace('send_to => ["tomcat"]', 'send_to => ["catalina"]'));
    await scratch.diagnostics(route, (p) => p.diagnostics.some((d) => d.code === "pipeline-address-unknown"), 10000);
    const created = join(dir, "conf.d/catalina.conf");
    writeFileSync(created, 'input { pipeline { address => "catalina" } }\noutput { stdout {} }\n');
    await scratch.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(created).toString(), type: 1 }] });
    await scratch.diagnostics(route, (p) => !p.diagnostics.some((d) => d.code === "pipeline-address-unknown"), 10000);
  } finally {
    await scratch.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("outside the workspace folders a send_to with no listener in sight is not reported", async () => {
  const uri = "file:///tmp/elsewhere/lonely.conf";
  server.open(uri, 'input { stdin {} }\noutput { pipeline { send_to => ["somewhere"] } }\n');
  const found = await server.diagnostics(uri);
  assert.deepEqual(found.diagnostics.filter((d) => String(d.code).startsWith("pipeline-address")), []);
});

test("Restricted Mode: no workspace file is read until the client reports the workspace trusted", async () => {
  const restricted = await startTestServer({ workspaceFolders: [ROOT.href.replace(/\/$/, "")], initializationOptions: { workspaceTrusted: false } });
  try {
    restricted.open(ROUTE, textOf("conf.d/indexer/20-route.conf"));
    const before = await restricted.diagnostics(ROUTE);
    assert.deepEqual(before.diagnostics.filter((d) => String(d.code).startsWith("pipeline-address")), []);
    void restricted.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: YML, languageId: "yaml", version: 1, text: textOf("config/pipelines.yml") } });
    const yml = await restricted.diagnostics(YML);
    assert.deepEqual(yml.diagnostics, [], "no path.config is reported unmatched while files are not read");
    // The indexer's routes need apache-es.conf and tomcat-es.conf, which are not open: only once
    // trusted does the server read them and find their listeners (and the map sees every pipeline).
    const labels = async () => (await restricted.connection.sendRequest<{ nodes: { label: string }[] }>("logsmith/pipelineMap", { scope: { kind: "workspace" } })).nodes.map((n) => n.label);
    const mapBefore = await labels();
    assert.ok(mapBefore.includes("route_apache") && !mapBefore.includes("apache_in"), mapBefore.join(", "));
    await restricted.connection.sendNotification("logsmith/workspaceTrusted");
    await waitUntil(async () => (await labels()).includes("apache_in"));
  } finally {
    await restricted.stop();
  }
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
