// The pipeline map in a real VS Code (code-server + the packed VSIX), on the multi-pipeline fixture
// (collectors → Redis → indexer → per-type pipelines, grouped by config/pipelines.yml): the command
// draws every pipeline with its nodes, a click on a node opens its plugin, and an edit shows up in the
// map without reopening it. The workspace is a scratch copy, so edits never touch the repository.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Frame } from "playwright-core";
import { CodeServerHarness, ROOT, waitFor } from "./harness";

let vscode: CodeServerHarness;
let workspace: string;
let frame: Frame;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), "logsmith-map-"));
  cpSync(join(ROOT, "test-fixtures/multi-pipeline"), workspace, { recursive: true });
  vscode = await CodeServerHarness.start({ workspace });
});

after(async () => {
  await vscode?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

/** The map page: the webview's inner frame holding the drawn SVG. */
async function mapFrame(): Promise<Frame> {
  return waitFor(
    "pipeline map frame with a drawn map",
    async () => {
      for (const f of vscode.page.frames()) {
        if (f.isDetached()) continue;
        if ((await f.locator("svg#map g.node").count().catch(() => 0)) > 0) return f;
      }
      return undefined;
    },
    60_000,
  );
}

const labels = () => frame.locator("svg#map g.node").evaluateAll((els) => els.map((el) => el.getAttribute("data-label") ?? ""));

test("pipelines.yml is checked by Logsmith in the editor: a misspelt setting is in the Problems panel", async () => {
  await vscode.openFile("config/pipelines.yml");
  // Line 5 is `  pipeline.workers: 1`; the cursor goes before the colon and drops the final `s`.
  await vscode.goTo(5, 19);
  await vscode.page.keyboard.press("Backspace");
  const problems = await waitFor("pipelines.yml problem", async () => {
    const entries = await vscode.problems();
    return entries.some((p) => /Unknown pipeline setting `pipeline\.worker`/.test(p.message)) ? entries : undefined;
  }, 30_000);
  assert.ok(problems.some((p) => p.severity === "error"));
  await vscode.screenshot("pipelines-yml-problem");
  await vscode.page.keyboard.press("Control+Z");
});

test("Show Pipeline Map draws every pipeline of pipelines.yml with its plugins and the links between them", async () => {
  await vscode.openFile("conf.d/apache-es.conf");
  await vscode.waitForLanguageMode("Logstash", 60_000);
  await vscode.runCommand("Logsmith: Show Pipeline Map");
  frame = await mapFrame();
  const groups = await frame.locator("svg#map g.group").evaluateAll((els) => els.map((el) => el.getAttribute("data-group")));
  assert.deepEqual(groups, ["collector-apache", "collector-tomcat", "indexer", "apache-es", "tomcat-es"]);
  const drawn = await labels();
  for (const label of ["jsonaccess", "/etc/httpd/logs/jsonaccess_log", "apache_access", "client_geo", "to_redis", "logstash", "from_redis", "mark_indexed", "route_apache", "route_tomcat", "apache", "apache_in", "apache_es", "apache-%{+YYYY.MM.dd}"]) {
    assert.ok(drawn.includes(label), `node ${label} in ${drawn.join(", ")}`);
  }
  // Edges are drawn, and the branch's clauses are labelled.
  assert.ok((await frame.locator("svg#map g.edge path").count()) >= 20);
  const edgeLabels = await frame.locator("svg#map g.edge text").allTextContents();
  assert.ok(edgeLabels.some((t) => t.includes('[type] == "apache"')), edgeLabels.join(" | "));
  // Theme colours reach the page: node boxes are filled, not transparent.
  const fill = await frame.locator("svg#map g.node rect").first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(el).fill);
  assert.notEqual(fill, "none");
  await vscode.screenshot("pipeline-map");
});

test("clicking a node opens its plugin in the editor", async () => {
  await frame.locator('svg#map g.node[data-label="route_apache"]').click();
  // The code opens in the other editor group, beside the map.
  await waitFor("20-route.conf opened", async () => {
    const active = await vscode.page.locator(".tabs-container .tab.active").evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? ""));
    return active.some((label) => label.startsWith("20-route.conf"));
  }, 30_000);
  // The selection is the plugin name on line 11 of the file.
  await waitFor("cursor on the route_apache plugin", async () => /Ln 11,/.test(await vscode.statusBarText("status.editor.selection").catch(() => "")), 15_000);
});

test("an edit in a pipeline file shows up in the open map", async () => {
  // 20-route.conf has the focus; line 3 is `  mutate {` in its filter section.
  await vscode.waitForLanguageMode("Logstash", 60_000);
  await vscode.goTo(3, 1);
  // An option json does not have: the node gets an error badge.
  await vscode.page.keyboard.type('  json { id => "live_json" source => "message" sorce => "x" }\n');
  await waitFor("live_json node drawn", async () => (await labels()).includes("live_json"), 30_000);
  const badge = frame.locator('svg#map g.node[data-label="live_json"] g.badge circle.error');
  await waitFor("error badge on live_json", async () => (await badge.count()) === 1, 30_000);
  assert.equal(await frame.locator('svg#map g.node[data-label="live_json"] g.badge text').textContent(), "1");
  await vscode.screenshot("pipeline-map-live");
});

test("Export SVG saves a standalone SVG with the theme's colours resolved", async () => {
  await frame.locator("#export").click();
  // code-server's save dialog is VS Code's simple file dialog: a quick input holding the default path.
  const input = vscode.page.locator(".quick-input-widget .quick-input-box input");
  await input.waitFor({ state: "visible", timeout: 15_000 });
  await waitFor("default path in the save dialog", async () => (await input.inputValue()).endsWith("pipeline-map.svg"), 15_000);
  await vscode.page.keyboard.press("Enter");
  const saved = join(workspace, "pipeline-map.svg");
  await waitFor("pipeline-map.svg written", async () => existsSync(saved), 30_000);
  const svg = readFileSync(saved, "utf8");
  assert.match(svg, /^<\?xml/);
  assert.match(svg, /<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(svg.includes('data-label="route_apache"'));
  assert.ok(!svg.includes("var(--vscode"), "theme variables are resolved");
});
