// The preview panel in a real VS Code (code-server + the packed VSIX): a click on the "Preview grok"
// code lens opens the panel beside the editor; typed sample lines show their highlighted captures and
// fields; editing the pattern in the editor updates the panel; a failing line shows its reason and how
// far the pattern got; a long sample list updates in parts and in place; Save as test case writes an
// LFV case. One code-server serves every
// test in this file.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Frame } from "playwright-core";
import YAML from "yaml";
import { CodeServerHarness, waitFor } from "./harness";

// Line 4 holds the pattern; the tests edit `verb` on it (columns are 1-based).
const PIPELINE = `input { stdin {} }
filter {
  grok {
    match => { "message" => "%{IP:client} %{WORD:verb} %{URIPATHPARAM:request}" }
  }
  mutate { add_tag => ["parsed"] }
}
output { stdout {} }
`;
const VERB_END = PIPELINE.split("\n")[3].indexOf("verb}") + "verb".length + 1;

let vscode: CodeServerHarness;
let workspace: string;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), "logsmith-preview-"));
  mkdirSync(join(workspace, "pipeline"));
  writeFileSync(join(workspace, "pipeline/apache.conf"), PIPELINE);
  vscode = await CodeServerHarness.start({ workspace, settings: { "editor.codeLens": true } });
});

after(async () => {
  await vscode?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

/** The preview page: the webview's inner frame that holds the samples box. */
async function previewFrame(): Promise<Frame> {
  return waitFor(
    "preview webview frame",
    async () => {
      for (const frame of vscode.page.frames()) {
        if (frame.isDetached()) continue;
        if ((await frame.locator("#samples").count().catch(() => 0)) > 0) return frame;
      }
      return undefined;
    },
    60_000,
  );
}

async function clickLens(title: string): Promise<void> {
  const lens = vscode.page.locator(".editor-group-container .monaco-editor .codelens-decoration a", { hasText: title });
  await waitFor(`code lens "${title}"`, async () => (await lens.count()) > 0, 60_000);
  await lens.first().click();
}

/** The whole-pipeline preview page: the webview frame that shows events. */
function pipelineFrame(timeoutMs: number): Promise<Frame> {
  return waitFor(
    "pipeline preview frame",
    async () => {
      for (const f of vscode.page.frames()) {
        if (!f.isDetached() && (await f.locator("[data-testid=event]").count().catch(() => 0)) > 0) return f;
      }
      return undefined;
    },
    timeoutMs,
  );
}

let frame: Frame;

test("grok preview opens from its code lens; typed samples show highlighted captures and fields", async () => {
  await vscode.openFile("pipeline/apache.conf");
  await vscode.waitForLanguageMode("Logstash");
  await clickLens("Preview grok");
  frame = await previewFrame();
  // Beside the editor: a second editor group whose tab is the panel.
  const tabs = await vscode.page.locator(".editor-group-container").nth(1).locator(".tabs-container .tab").evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? ""));
  assert.ok(tabs.some((label) => /Grok #1 preview · apache\.conf/.test(label)), `panel tab in the second group: ${tabs.join(", ")}`);

  const box = frame.locator("#samples textarea");
  await box.click();
  await box.fill("10.0.0.1 GET /index.html?q=1\nnot a log line");
  // The fill fires one input event; the page debounces and the extension asks the server.
  await waitFor("summary of 2 lines", async () => /1 of 2 lines matched/.test((await frame.locator("[data-testid=summary]").textContent()) ?? ""), 30_000);

  const first = frame.locator("[data-testid=line]").nth(0);
  assert.equal(await first.getAttribute("data-matched"), "true");
  const marks = await first.locator("[data-testid=sample] mark").evaluateAll((els) => els.map((el) => [el.getAttribute("data-field"), el.textContent, (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor]));
  assert.deepEqual(marks.map(([field, text]) => [field, text]), [["client", "10.0.0.1"], ["verb", "GET"], ["request", "/index.html?q=1"]]);
  // One colour per field, and a visible one.
  assert.equal(new Set(marks.map((m) => m[2])).size, 3);
  assert.ok(marks.every((m) => m[2] !== "rgba(0, 0, 0, 0)"));
  const rows = await first.locator("[data-testid=fields] tbody tr").evaluateAll((els) => els.map((el) => el.getAttribute("data-field")));
  assert.deepEqual(rows.sort(), ["[client]", "[request]", "[verb]"]);
  await vscode.screenshot("preview-grok-matched");
});

test("a failing line shows its reason and how far the pattern got", async () => {
  const failing = frame.locator("[data-testid=line]").nth(1);
  assert.equal(await failing.getAttribute("data-matched"), "false");
  assert.match((await failing.locator("[data-testid=reason]").textContent()) ?? "", /did not match/);
  const progress = failing.locator("[data-testid=progress]");
  assert.equal(await progress.getAttribute("data-matched-elements"), "0");
  assert.match((await progress.textContent()) ?? "", /Not even the first element matched/);
});

test("editing the pattern in the editor updates the panel", async () => {
  // Back in the pipeline's editor (the left group), rename the `verb` capture to `method`.
  await vscode.page.locator(".editor-group-container").first().locator(".monaco-editor .view-lines").click();
  await vscode.goTo(4, VERB_END);
  for (let i = 0; i < 4; i++) await vscode.page.keyboard.press("Backspace");
  await vscode.page.keyboard.type("method");
  await waitFor(
    "panel shows the renamed capture",
    async () => (await frame.locator("[data-testid=line]").nth(0).locator("mark[data-field=method]").count()) > 0,
    30_000,
  );
  assert.equal(await frame.locator("[data-testid=line]").nth(0).locator("mark[data-field=verb]").count(), 0);
  // A pattern that now fails on the first line too: the panel says how far it got.
  await vscode.page.keyboard.press("ArrowRight");
  await vscode.page.keyboard.type(" %{NUMBER:n}");
  await waitFor("first line fails after the edit", async () => (await frame.locator("[data-testid=line]").nth(0).getAttribute("data-matched")) === "false", 30_000);
  const progress = frame.locator("[data-testid=line]").nth(0).locator("[data-testid=progress]");
  // IP, space, WORD, space: 4 elements, then NUMBER cannot match "/index.html".
  assert.equal(await progress.getAttribute("data-matched-elements"), "4");
  assert.equal(await progress.getAttribute("data-stopped-at"), String("10.0.0.1 GET ".length));
  assert.match((await vscode.page.locator(".editor-group-container").first().locator(".view-lines").textContent())?.replace(/\u00a0/g, " ") ?? "", /%\{WORD:method\} %\{NUMBER:n\}/);
  await vscode.screenshot("preview-grok-updated");
});

test("the whole-pipeline preview shows each filter step and its changes", async () => {
  await clickLens("Preview pipeline");
  const pipeline = await pipelineFrame(60_000);
  // Samples are remembered per pipeline, so the new panel starts with the two lines typed above.
  const steps = pipeline.locator("[data-testid=event]").nth(0).locator("[data-testid=step]");
  await waitFor("two filter steps", async () => (await steps.count()) === 2, 30_000);
  // The pattern as the previous test left it fails: grok tags the event, mutate adds its tag after.
  assert.deepEqual(await steps.evaluateAll((els) => els.map((el) => `${el.getAttribute("data-filter")} ${el.getAttribute("data-status")}`)), ["grok failed", "mutate applied"]);
  const changes = (n: number) => steps.nth(n).locator("tbody tr").evaluateAll((els) => els.map((el) => `${el.className} ${el.getAttribute("data-field")}`));
  assert.deepEqual(await changes(0), ["added [tags]"]);
  assert.deepEqual(await changes(1), ["changed [tags]"]);
  await vscode.screenshot("preview-pipeline");
});

test("a long sample list arrives in parts and updates in place; a shorter one leaves no old blocks behind", async () => {
  const pipeline = await pipelineFrame(30_000);
  const box = pipeline.locator("#samples textarea");
  const events = pipeline.locator("[data-testid=event]");
  const many = Array.from({ length: 300 }, (_, i) => `10.0.${Math.floor(i / 250)}.${i % 250} GET /item/${i}`);
  await box.fill(many.join("\n"));
  // The first screenful comes first, the rest in parts: all 300 end up in order, none left dimmed.
  await waitFor("300 events", async () => /300 events in/.test((await pipeline.locator("[data-testid=summary]").textContent()) ?? "") && (await events.count()) === 300 && (await pipeline.locator(".stale").count()) === 0, 30_000);
  assert.deepEqual(await events.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-index")))), many.map((_, i) => i));
  assert.match((await events.nth(299).locator("pre.sample").textContent()) ?? "", /GET \/item\/299$/);
  await box.fill("1.2.3.4 GET /a\n5.6.7.8 GET /b");
  await waitFor("2 events", async () => (await events.count()) === 2 && /2 events in/.test((await pipeline.locator("[data-testid=summary]").textContent()) ?? ""), 30_000);
  assert.equal(await pipeline.locator(".stale").count(), 0);
  assert.match((await events.nth(1).locator("pre.sample").textContent()) ?? "", /5\.6\.7\.8 GET \/b/);
});

test("Save as test case writes the samples and the pipeline's current output as an LFV case beside the pipeline", async () => {
  const pipeline = await pipelineFrame(30_000);
  await pipeline.locator("#save-test").click();
  const file = join(workspace, "pipeline/apache.test.yaml");
  const saved = await waitFor("the saved test file", async () => (existsSync(file) ? (YAML.parse(readFileSync(file, "utf8")) as { testcases?: { input: string[]; expected: Record<string, unknown>[] }[] }) : undefined), 30_000);
  const last = saved.testcases?.at(-1);
  assert.deepEqual(last?.input, ["1.2.3.4 GET /a", "5.6.7.8 GET /b"]);
  assert.equal(last?.expected.length, 2);
  assert.equal(last?.expected[1].message, "5.6.7.8 GET /b");
  // The pattern as the earlier test left it fails, so the expected events carry what the pipeline really did.
  assert.deepEqual(last?.expected[1].tags, ["_grokparsefailure", "parsed"]);
});
