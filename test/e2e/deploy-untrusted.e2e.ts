// In Restricted Mode (an untrusted folder) Logsmith neither connects nor deploys: the deploy and target
// commands are not offered in the palette, the editor has no Deploy button, and the Targets view says why.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CodeServerHarness, waitFor } from "./harness";

let vscode: CodeServerHarness;
let workspace: string;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), "logsmith-untrusted-"));
  mkdirSync(join(workspace, "pipeline"));
  mkdirSync(join(workspace, ".vscode"));
  writeFileSync(join(workspace, "pipeline/main.conf"), "input { stdin {} }\noutput { stdout {} }\n");
  // A workspace that would send the pipeline somewhere if its settings were obeyed.
  writeFileSync(
    join(workspace, ".vscode/settings.json"),
    JSON.stringify({ "logsmith.targets": [{ name: "lab", kind: "logstash", host: "127.0.0.1", port: 1, user: "x", pipelineDir: "/tmp" }] }),
  );
  vscode = await CodeServerHarness.start({ workspace, settings: { "security.workspace.trust.enabled": true, "security.workspace.trust.startupPrompt": "never" } });
});

after(async () => {
  await vscode?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

test("untrusted workspace: no deploy or target commands, no Deploy button, the view explains", async () => {
  await vscode.openFile("pipeline/main.conf");
  await vscode.waitForLanguageMode("Logstash");
  const page = vscode.page;
  const header = page.locator(".pane-header", { hasText: "Logsmith Targets" });
  await header.waitFor({ state: "visible", timeout: 30_000 });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  await waitFor("the untrusted message in the Targets view", async () => (await page.locator(".pane-body").allInnerTexts()).some((t) => /until you trust this workspace/.test(t)), 15_000);
  assert.equal(await page.locator('.pane-body .monaco-list-row[aria-label^="lab,"]').count(), 0, "no target rows");
  assert.equal(await page.locator('.editor-actions [aria-label^="Deploy Pipeline"]').count(), 0, "no Deploy button");

  const input = page.locator(".quick-input-widget .quick-input-box input");
  await page.keyboard.press("Control+Shift+P");
  await input.waitFor({ state: "visible", timeout: 15_000 });
  await input.fill(">Logsmith:");
  const rows = page.locator(".quick-input-widget .quick-input-list .monaco-list-row");
  const labels = await waitFor("Logsmith commands in the palette", async () => {
    const all = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? ""));
    return all.some((l) => l.startsWith("Logsmith:")) ? all : undefined;
  }, 15_000);
  await page.keyboard.press("Escape");
  for (const hidden of ["Deploy Pipeline", "Roll Back Pipeline", "Test Connection", "Add Target", "Set Password or Passphrase"]) {
    assert.ok(!labels.some((l) => l.startsWith(`Logsmith: ${hidden}`)), `${hidden} is offered: ${labels.join(" | ")}`);
  }
});
