/**
 * Log-format hosts over a real stdio connection: httpd.conf and server.xml get diagnostics, hover,
 * completion and the generate-pipeline code action from the same server as the pipelines.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { CodeAction, CompletionList, Diagnostic, Hover, MarkupContent } from "vscode-languageserver-protocol";
import { startTestServer, type TestServer } from "../helpers/lspClient";

const HTTPD = "file:///tmp/logsmith-lsp-logformat/httpd/conf/httpd.conf";
const SERVER_XML = "file:///tmp/logsmith-lsp-logformat/tomcat/conf/server.xml";

// The field notes' httpd.conf: a JSON LogFormat ending in a comma, and a CustomLog naming a nickname no LogFormat defines.
const HTTPD_TEXT = [
  "<IfModule log_config_module>",
  String.raw`LogFormat "{ \"time\":\"%t\", \"remoteIP\":\"%a\", \"status\":\"%>s\" }," combined`,
  String.raw`LogFormat "%h %l %u %t \"%r\" %>s %b %Z" common`,
  String.raw`LogFormat "%h\t%m\t%U\t%>s" tabs`,
  `CustomLog "logs/jsonaccess_log" combined`,
  `CustomLog "logs/other_log" json_fromat`,
  "</IfModule>",
  "",
].join("\n");

const XML_TEXT = [
  "<Server><Service><Engine><Host>",
  `<Valve className="org.apache.catalina.valves.AccessLogValve" directory="logs" prefix="localhost_access_log" suffix=".txt" pattern="%h %{r}L %{c}L &quot;%r&quot; %s"/>`,
  "</Host></Engine></Service></Server>",
  "",
].join("\n");

let server: TestServer;
before(async () => {
  server = await startTestServer();
  for (const [uri, languageId, text] of [[HTTPD, "apacheconf", HTTPD_TEXT], [SERVER_XML, "xml", XML_TEXT]]) {
    void server.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
  }
});
after(async () => {
  await server.stop();
});

const position = (text: string, needle: string, delta = 0) => {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
};
const slice = (text: string, d: Diagnostic) => text.split("\n")[d.range.start.line].slice(d.range.start.character, d.range.end.character);

test("httpd.conf: trailing comma of a JSON LogFormat, unknown directive, undefined nickname", async () => {
  const { diagnostics } = await server.diagnostics(HTTPD, (p) => p.diagnostics.length > 0, 10000);
  const byCode = new Map(diagnostics.map((d) => [String(d.code), d]));
  const comma = byCode.get("logformat-json-trailing-comma");
  assert.ok(comma, JSON.stringify(diagnostics.map((d) => d.code)));
  assert.equal(slice(HTTPD_TEXT, comma), ",");
  assert.equal(comma.range.start.line, 1);
  const unknown = byCode.get("logformat-unknown-directive")!;
  assert.equal(slice(HTTPD_TEXT, unknown), "%Z");
  assert.equal(unknown.severity, 1);
  const nickname = byCode.get("logformat-undefined-nickname")!;
  assert.equal(slice(HTTPD_TEXT, nickname), "json_fromat");
  assert.equal(nickname.severity, 2);
});

test("httpd.conf: hover on a directive, completion after %, generate-pipeline code action", async () => {
  const hover = await server.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri: HTTPD }, position: position(HTTPD_TEXT, "%>s\\\"", 1) });
  const md = (hover?.contents as MarkupContent | undefined)?.value ?? "";
  assert.match(md, /status/i);
  assert.deepEqual(hover?.range?.start, position(HTTPD_TEXT, "%>s\\\""));
  const list = await server.connection.sendRequest<CompletionList | null>("textDocument/completion", { textDocument: { uri: HTTPD }, position: position(HTTPD_TEXT, "%h %l", 1) });
  const labels = (list?.items ?? []).map((i) => i.label);
  assert.ok(labels.some((l) => l.includes("h")) && labels.length > 10, labels.join(" "));
  const range = { start: position(HTTPD_TEXT, "%h %l", 1), end: position(HTTPD_TEXT, "%h %l", 1) };
  const actions = await server.connection.sendRequest<CodeAction[] | null>("textDocument/codeAction", { textDocument: { uri: HTTPD }, range, context: { diagnostics: [] } });
  assert.ok((actions ?? []).length > 0, "a generate-pipeline action on the format");
});

test("a format with fixed delimiters also offers a dissect pipeline; the request returns it", async () => {
  const at = position(HTTPD_TEXT, "%h\\t%m", 1);
  const actions = await server.connection.sendRequest<CodeAction[] | null>("textDocument/codeAction", { textDocument: { uri: HTTPD }, range: { start: at, end: at }, context: { diagnostics: [] } });
  const dissect = (actions ?? []).find((a) => /dissect/.test(a.title));
  assert.ok(dissect?.command, JSON.stringify(actions));
  const args = dissect.command.arguments?.[0] as { uri: string; offset: number; parser: string };
  assert.equal(args.parser, "dissect");
  const result = await server.connection.sendRequest<{ text: string; name: string } | null>("logsmith/generatePipeline", args);
  assert.match(result?.text ?? "", /dissect \{\n    mapping => \{ "message" => "%\{\[source\]\[address\]\}\t%\{/);
  // The JSON format and one with free text before a space get no dissect action.
  const common = position(HTTPD_TEXT, "%h %l", 1);
  const plain = await server.connection.sendRequest<CodeAction[] | null>("textDocument/codeAction", { textDocument: { uri: HTTPD }, range: { start: common, end: common }, context: { diagnostics: [] } });
  assert.deepEqual((plain ?? []).filter((a) => /dissect/.test(a.title)), []);
});

test("server.xml: %{r}L is reported (Tomcat writes ???), hover inside the pattern maps XML entities", async () => {
  const { diagnostics } = await server.diagnostics(SERVER_XML, (p) => p.diagnostics.length > 0, 10000);
  const bad = diagnostics.find((d) => d.code === "logformat-bad-modifier")!;
  assert.ok(bad, JSON.stringify(diagnostics));
  assert.equal(slice(XML_TEXT, bad), "%{r}L");
  assert.match(String(bad.message), /\?\?\?/);
  const hover = await server.connection.sendRequest<Hover | null>("textDocument/hover", { textDocument: { uri: SERVER_XML }, position: position(XML_TEXT, "%s\"/>", 1) });
  assert.match((hover?.contents as MarkupContent | undefined)?.value ?? "", /status/i);
  assert.deepEqual(hover?.range?.start, position(XML_TEXT, "%s\"/>"));
});
