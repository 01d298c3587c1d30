// Checks the harness helpers against VS Code's built-in JSON support (a real language server
// in the same extension host Logsmith will use), so a broken selector shows up here rather
// than as a puzzling failure in a Logsmith feature test. Needs no VSIX.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CodeServerHarness } from "./harness";

const workspace = mkdtempSync(join(tmpdir(), "logsmith-e2e-ws-"));
// Line 3 breaks the schema (a string where a number belongs); line 4 is where completion runs.
writeFileSync(join(workspace, "pipeline-meta.json"), '{\n  "name": "shipper",\n  "workers": "four",\n  \n}\n');

const schema = {
  type: "object",
  properties: {
    name: { type: "string", description: "Pipeline id shown in the monitoring UI." },
    workers: { type: "number" },
    queueType: { enum: ["memory", "persisted"] },
  },
};

let vscode: CodeServerHarness;

before(async () => {
  vscode = await CodeServerHarness.start({
    workspace,
    vsix: null,
    settings: { "json.schemas": [{ fileMatch: ["/pipeline-meta.json"], schema }] },
  });
  await vscode.openFile("pipeline-meta.json");
});

after(async () => {
  await vscode?.close();
  rmSync(workspace, { recursive: true, force: true });
});

test("problems() reads the schema violation from the Problems panel", async () => {
  const problems = await vscode.waitForProblems(1);
  const typeError = problems.find((p) => /Incorrect type/.test(p.message));
  assert.ok(typeError, JSON.stringify(problems));
  assert.equal(typeError.severity, "warning");
  assert.match(typeError.ariaLabel, /3/);
});

test("completionLabels() lists the schema's missing properties", async () => {
  const labels = await vscode.completionLabels(4, 3);
  assert.ok(labels.includes("queueType"), JSON.stringify(labels));
});

test("hoverText() shows the schema description", async () => {
  const text = await vscode.hoverText(2, 5);
  assert.match(text, /Pipeline id shown in the monitoring UI\./);
});

test("runCommand() runs a palette command", async () => {
  await vscode.runCommand("View: Close All Editors");
  await vscode.page.locator(".tabs-container .tab").first().waitFor({ state: "detached", timeout: 15_000 });
  await vscode.screenshot("harness-after-close-all");
});
