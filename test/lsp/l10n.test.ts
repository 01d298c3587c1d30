// The server speaks the language of the bundle the client passes in initializationOptions.l10nBundle.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { startTestServer, type TestServer } from "../helpers/lspClient";

const KO_BUNDLE = fileURLToPath(new URL("../../l10n/bundle.l10n.ko.json", import.meta.url));
const ko: Record<string, string> = JSON.parse(readFileSync(KO_BUNDLE, "utf8"));
const BROKEN = 'filter {\n  mutate { add_field { "a" => "b" } }\n}\n';

const servers: TestServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

async function syntaxMessage(initializationOptions: unknown): Promise<string> {
  const server = await startTestServer({ initializationOptions });
  servers.push(server);
  const uri = "file:///tmp/l10n-missing-arrow.conf";
  server.open(uri, BROKEN);
  const { diagnostics } = await server.diagnostics(uri);
  const syntax = diagnostics.find((d) => String(d.code).startsWith("syntax"));
  assert.ok(syntax, JSON.stringify(diagnostics));
  return typeof syntax.message === "string" ? syntax.message : syntax.message.value;
}

test("a server given the Korean bundle publishes Korean diagnostics", async () => {
  const message = await syntaxMessage({ l10nBundle: KO_BUNDLE });
  const expected = ko["Expected `=>` after option name `{0}`"].replace("{0}", "add_field");
  assert.equal(message, expected);
  assert.match(message, /[\uac00-\ud7a3]/);
});

test("without a bundle, and with a bundle that does not exist, diagnostics stay English", async () => {
  assert.equal(await syntaxMessage(undefined), "Expected `=>` after option name `add_field`");
  assert.equal(await syntaxMessage({ l10nBundle: "/nonexistent/bundle.l10n.ko.json" }), "Expected `=>` after option name `add_field`");
});

test("Korean hover text comes from the same bundle", async () => {
  const server = await startTestServer({ initializationOptions: { l10nBundle: KO_BUNDLE } });
  servers.push(server);
  const uri = "file:///tmp/l10n-hover.conf";
  const text = "filter {\n  mutate { }\n}\n";
  server.open(uri, text);
  await server.diagnostics(uri);
  const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>("textDocument/hover", {
    textDocument: { uri },
    position: { line: 1, character: 4 },
  });
  assert.ok(hover, "no hover on the plugin name");
  assert.ok(hover.contents.value.includes(ko["{0} plugin"].replace("{0}", "filter")), hover.contents.value);
});
