// Smoke test in a real VS Code (code-server): the packed VSIX installs, the sample workspace
// opens, and a pipeline file is recognised as Logstash. Needs scripts/setup-code-server.sh
// and `npm run package` (`npm run test:e2e` does both checks' prerequisites but the setup).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { CodeServerHarness, ROOT, waitFor } from "./harness";

const PIPELINE = "pipelines/shipper.conf";

let vscode: CodeServerHarness;

before(async () => {
  vscode = await CodeServerHarness.start({ workspace: "test-fixtures" });
});

after(async () => {
  await vscode?.close();
});

test("the sample workspace opens with the pipeline folder in the explorer", async () => {
  const entries = await waitFor("explorer rows", async () => {
    const rows = await vscode.explorerEntries();
    return rows.length > 0 ? rows : undefined;
  });
  assert.ok(entries.includes("pipelines"), `explorer rows: ${JSON.stringify(entries)}`);
  assert.ok(entries.includes("broken"), `explorer rows: ${JSON.stringify(entries)}`);
});

test("a .conf pipeline opens in language mode Logstash", async () => {
  const manifest = JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8"));
  const aliases: string[] = manifest.contributes?.languages?.find((l: { id: string }) => l.id === "logstash")?.aliases ?? [];
  assert.ok(aliases.includes("Logstash"), "package.json contributes the logstash language with alias Logstash");

  await vscode.openFile(PIPELINE);
  try {
    assert.equal(await vscode.waitForLanguageMode("Logstash"), "Logstash");
    // The grammar is applied: once tokenised, `input` gets a token class other than `{`.
    const line = vscode.page.locator(".editor-group-container.active .view-line", { hasText: "input {" }).first();
    await waitFor("`input {` tokenised by the Logstash grammar", async () => {
      const tokens = await line.locator("span span").evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent?.trim(), cls: el.className })),
      );
      const keyword = tokens.find((t) => t.text === "input");
      const brace = tokens.find((t) => t.text === "{");
      return keyword && brace && keyword.cls !== brace.cls;
    });
  } finally {
    await vscode.screenshot("smoke-logstash-mode");
  }
});
