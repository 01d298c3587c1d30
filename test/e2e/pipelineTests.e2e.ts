// Pipeline tests in a real VS Code (code-server, Logsmith loaded in development mode from dist/):
// the Test Explorer discovers the LFV test files beside their pipelines, Run All Tests runs them,
// a passing and a failing case show as such, and the failure's peek shows the expected/actual diff
// with the filter where they diverged. The workspace is a scratch copy of test-fixtures/pipeline-tests.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CodeServerHarness, ROOT, waitFor } from "./harness";

let vscode: CodeServerHarness;
let workspace: string;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), "logsmith-pipeline-tests-"));
  for (const name of ["broken.conf", "broken.test.json", "syslog.conf", "syslog.test.yaml"]) cpSync(join(ROOT, "test-fixtures/pipeline-tests", name), join(workspace, name));
  vscode = await CodeServerHarness.start({
    workspace,
    vsix: null,
    extensionDevelopmentPath: ROOT,
    settings: { "testing.automaticallyOpenPeekView": "failureAnywhere", "testing.openTesting": "neverOpen" },
  });
});

after(async () => {
  await vscode?.close();
  rmSync(workspace, { recursive: true, force: true });
});

async function testRows(): Promise<string[]> {
  return vscode.page.locator(".test-explorer .monaco-list-row").evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? el.textContent ?? ""));
}

test("Test Explorer lists the test files and their cases", async () => {
  await vscode.page.locator('.activitybar .action-label[aria-label^="Testing"]').first().click();
  const rows = await waitFor("test files in the Test Explorer", async () => {
    const labels = await testRows();
    return labels.some((l) => l.includes("broken.test.json")) && labels.some((l) => l.includes("syslog.test.yaml")) ? labels : undefined;
  }, 60_000);
  assert.ok(rows.length >= 2, rows.join("\n"));
  // Expanding a file shows its cases by description.
  await vscode.page.locator(".test-explorer .monaco-list-row", { hasText: "broken.test.json" }).first().click();
  await vscode.page.keyboard.press("ArrowRight");
  const cases = await waitFor("cases of broken.test.json", async () => {
    const labels = await testRows();
    return labels.some((l) => l.includes("verb is lowercased")) ? labels : undefined;
  });
  assert.ok(cases.some((l) => l.includes("expects the verb upper case")), cases.join("\n"));
});

test("Run All Tests: a passing and a failing case, the failure's diff and the diverging filter", async () => {
  await vscode.openFile("broken.test.json");
  await vscode.runCommand("Test: Run All Tests");
  const rows = await waitFor("results in the Test Explorer", async () => {
    const labels = await testRows();
    const passed = labels.find((l) => l.includes("verb is lowercased") && /passed/i.test(l));
    const failed = labels.find((l) => l.includes("expects the verb upper case") && /failed/i.test(l));
    return passed && failed ? labels : undefined;
  }, 60_000);
  assert.ok(rows.some((l) => l.includes("syslog.test.yaml")));
  // The peek opens at a failure with the expected and actual events side by side.
  const peek = vscode.page.locator(".peekview-widget").first();
  await peek.waitFor({ state: "visible", timeout: 30_000 });
  await waitFor("a failure's diff in the peek", async () => {
    const t = await peek.innerText();
    return /Expected/.test(t) && /Actual/.test(t) && /"message"/.test(t);
  });
  // Running one case from its row: the peek shows that case's diff and the filter where it diverged.
  const row = vscode.page.locator(".test-explorer .monaco-list-row", { hasText: "expects the verb upper case" }).first();
  await row.hover();
  await row.locator('.action-label[aria-label="Run Test"]').click();
  const text = await waitFor("the verb case's diff in the peek", async () => {
    // Monaco renders spaces as no-break spaces.
    const t = (await vscode.page.locator(".peekview-widget").allInnerTexts()).join("\n").replace(/\u00a0/g, " ");
    return /Event 1 differs/.test(t) && /"verb": "post"/.test(t) ? t : undefined;
  });
  assert.match(text, /last written by `mutate` at line 6/);
  assert.match(text, /"verb": "POST"/);
  await vscode.screenshot("pipeline-tests-failure-diff");
});
