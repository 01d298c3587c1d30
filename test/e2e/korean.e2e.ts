// The packed VSIX in a Korean VS Code (harness locale "ko"): diagnostics come from the Korean
// message bundle and command titles from package.nls.ko.json. VS Code's own UI stays English (no
// language pack is reachable here), so anything Korean on screen is Logsmith's.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CodeServerHarness, ROOT, waitFor } from "./harness";

const HANGUL = /[\uac00-\ud7a3]/;
const koBundle: Record<string, string> = JSON.parse(readFileSync(join(ROOT, "l10n/bundle.l10n.ko.json"), "utf8"));
const koNls: Record<string, string> = JSON.parse(readFileSync(join(ROOT, "package.nls.ko.json"), "utf8"));

let vscode: CodeServerHarness;

before(async () => {
  vscode = await CodeServerHarness.start({ workspace: "test-fixtures", locale: "ko" });
});

after(async () => {
  await vscode?.close();
});

test("the Problems panel shows Korean diagnostic messages", async () => {
  const expected = koBundle["Logstash separates options with whitespace, not commas: remove this `,`"];
  assert.match(expected, HANGUL, "the Korean bundle translates the comma message");
  await vscode.openFile("broken/commas-between-options.conf");
  try {
    await vscode.waitForLanguageMode("Logstash");
    const problems = await vscode.waitForProblems(3, 60_000);
    // The row's label reads "Error: <message> at line N ...", VS Code's English around our Korean.
    const korean = problems.filter((p) => p.ariaLabel.startsWith(`Error: ${expected} at line `));
    assert.equal(korean.length, 3, JSON.stringify(problems, null, 2));
  } finally {
    await vscode.screenshot("e2e-ko-problems");
  }
});

test("the Command Palette shows Logsmith's commands with Korean titles", async () => {
  const title = koNls["command.setLanguage.title"];
  assert.match(title, HANGUL);
  const input = vscode.page.locator(".quick-input-widget .quick-input-box input");
  await vscode.page.keyboard.press("Control+Shift+P");
  await input.waitFor({ state: "visible", timeout: 15_000 });
  // The list is virtualised and Logsmith has more commands than fit: filter down to the one checked.
  await input.fill(`>${title}`);
  try {
    const labels = await waitFor("Logsmith commands in the palette", async () => {
      const rows = await vscode.page
        .locator(".quick-input-widget .quick-input-list .monaco-list-row")
        .evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? ""));
      return rows.some((r) => r.includes(title)) ? rows : undefined;
    });
    assert.ok(labels.some((l) => l.startsWith(`${koNls["command.category"]}: ${title}`)), JSON.stringify(labels));
    await vscode.screenshot("e2e-ko-command-palette");
  } finally {
    await vscode.page.keyboard.press("Escape");
  }
});
