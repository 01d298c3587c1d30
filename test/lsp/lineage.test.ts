import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { startTestServer, type TestServer } from "../helpers/lspClient";

const ROOT = new URL("../../test-fixtures/lineage/", import.meta.url);
const uriOf = (rel: string) => pathToFileURL(new URL(rel, ROOT).pathname).toString();
const textOf = (rel: string) => readFileSync(new URL(rel, ROOT), "utf8");

const HTTPD = uriOf("httpd/conf/httpd.conf");
const COLLECTOR = uriOf("logstash/collector.conf");
const TYPO = uriOf("logstash/collector-typo.conf");

let server: TestServer;
before(async () => {
  server = await startTestServer({ workspaceFolders: [ROOT.href.replace(/\/$/, "")] });
});
after(async () => {
  await server.stop();
});

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle));

test("geoip on remoteIP: a warning naming the JSON LogFormat's file and the similar clientip", async () => {
  const text = textOf("logstash/collector.conf");
  server.open(COLLECTOR, text);
  const found = await server.diagnostics(COLLECTOR, (p) => p.diagnostics.some((d) => d.code === "lineage-unknown-field"), 10000);
  const lineage = found.diagnostics.filter((d) => String(d.code).startsWith("lineage-"));
  assert.equal(lineage.length, 1);
  const [d] = lineage;
  assert.equal(d.severity, 2);
  assert.equal(d.range.start.line, lineOf(text, "remoteIP"));
  assert.equal(text.split("\n")[d.range.start.line].slice(d.range.start.character, d.range.end.character), "remoteIP");
  assert.match(String(d.message), /jsonacess_log/);
  assert.match(String(d.message), /`clientip`/);
  const actions = await server.connection.sendRequest<{ title: string; edit?: { changes?: Record<string, { newText: string }[]> } }[] | null>("textDocument/codeAction", {
    textDocument: { uri: COLLECTOR },
    range: d.range,
    context: { diagnostics: [d] },
  });
  const fix = (actions ?? []).find((a) => a.title.includes("clientip"));
  assert.ok(fix, JSON.stringify(actions));
  assert.equal(fix.edit?.changes?.[COLLECTOR]?.[0]?.newText, "clientip");
});

test("an input path no producer writes and a CustomLog no pipeline reads are information", async () => {
  const typo = textOf("logstash/collector-typo.conf");
  server.open(TYPO, typo);
  const t = await server.diagnostics(TYPO, (p) => p.diagnostics.some((d) => d.code === "lineage-input-no-writer"), 10000);
  const info = t.diagnostics.filter((d) => String(d.code).startsWith("lineage-"));
  assert.deepEqual(info.map((d) => [d.code, d.severity]), [["lineage-input-no-writer", 3]]);
  assert.match(String(info[0].message), /jsonacess_log/);
  void server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: HTTPD, languageId: "apacheconf", version: 1, text: textOf("httpd/conf/httpd.conf") } });
  const h = await server.diagnostics(HTTPD, (p) => p.diagnostics.some((d) => d.code === "lineage-writer-unread"), 10000);
  const unread = h.diagnostics.filter((d) => d.code === "lineage-writer-unread");
  assert.equal(unread.length, 1);
  assert.equal(unread[0].severity, 3);
  assert.equal(unread[0].range.start.line, lineOf(textOf("httpd/conf/httpd.conf"), "logs/access_log"));
});

test("hover over a field reference shows its origin chain", async () => {
  const text = textOf("logstash/collector.conf");
  const line = lineOf(text, "[status]");
  const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>("textDocument/hover", {
    textDocument: { uri: COLLECTOR },
    position: { line, character: text.split("\n")[line].indexOf("[status]") + 3 },
  });
  const md = hover?.contents.value ?? "";
  assert.match(md, /Origin of `status`/);
  assert.match(md, /`%>s` written as "status" by LogFormat json_format \(\[httpd\.conf:\d+\]\(file:/);
  assert.match(md, /codec json of the file input/);
});

test("hover over an input path names its writer and format; definition goes to the CustomLog line", async () => {
  const text = textOf("logstash/collector.conf");
  const line = lineOf(text, "jsonacess_log");
  const position = { line, character: text.split("\n")[line].indexOf("jsonacess_log") };
  const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri: COLLECTOR }, position });
  const md = hover?.contents.value ?? "";
  assert.match(md, /is written by/);
  assert.match(md, /LogFormat json_format \(\[httpd\.conf:\d+\]/);
  assert.match(md, /`clientip`/);
  const defs = await server.connection.sendRequest<{ uri: string; range: { start: { line: number } } }[] | null>("textDocument/definition", { textDocument: { uri: COLLECTOR }, position });
  assert.equal(defs?.length, 1);
  assert.equal(defs![0].uri, HTTPD);
  assert.equal(defs![0].range.start.line, lineOf(textOf("httpd/conf/httpd.conf"), "CustomLog \"logs/jsonacess_log\""));
});

test("editing the writer (httpd.conf) re-checks the open pipeline", async () => {
  const host = textOf("httpd/conf/httpd.conf");
  const since = server.published.length;
  const fresh = (p: (typeof server.published)[number]) => server.published.indexOf(p) >= since;
  server.change(HTTPD, host.replace(String.raw`\"clientip\":`, String.raw`\"remoteIP\":`), 2);
  await server.diagnostics(COLLECTOR, (p) => fresh(p) && p.diagnostics.every((d) => d.code !== "lineage-unknown-field"), 10000);
  const again = server.published.length;
  server.change(HTTPD, host, 3);
  await server.diagnostics(COLLECTOR, (p) => server.published.indexOf(p) >= again && p.diagnostics.some((d) => d.code === "lineage-unknown-field"), 10000);
});

test("a writer file changed on disk (watched files) re-checks the open pipeline", async () => {
  const dir = mkdtempSync(join(tmpdir(), "logsmith-lineage-"));
  cpSync(new URL(".", ROOT).pathname, dir, { recursive: true });
  const disk = await startTestServer({ workspaceFolders: [pathToFileURL(dir).toString()] });
  try {
    const collector = pathToFileURL(join(dir, "logstash/collector.conf")).toString();
    disk.open(collector, textOf("logstash/collector.conf"));
    await disk.diagnostics(collector, (p) => p.diagnostics.some((d) => d.code === "lineage-unknown-field"), 10000);
    const httpd = join(dir, "httpd/conf/httpd.conf");
    writeFileSync(httpd, readFileSync(httpd, "utf8").replace(String.raw`\"clientip\":`, String.raw`\"remoteIP\":`));
    const since = disk.published.length;
    void disk.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(httpd).toString(), type: 2 }] });
    await disk.diagnostics(collector, (p) => disk.published.indexOf(p) >= since && p.diagnostics.every((d) => d.code !== "lineage-unknown-field"), 10000);
  } finally {
    await disk.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
