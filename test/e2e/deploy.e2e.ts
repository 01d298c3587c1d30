// The Targets view and one-click deploy in a real VS Code (code-server + the packed VSIX) against a
// real sshd on 127.0.0.1 (test/remote/sshd.ts): the view lists the target, "Test Connection" reports
// the host, "Deploy Pipeline" opens the diff and a modal that the test answers, the host gets the file;
// a pipeline the host's config test rejects lands in the Problems panel on the line Logstash names.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startSshd, type TestHost } from "../remote/sshd";
import { CodeServerHarness, waitFor } from "./harness";

const OLD = "input { beats { port => 5044 } }\noutput { stdout {} }\n";
const NEW = "input { beats { port => 5044 } }\nfilter { mutate { add_tag => [\"from-editor\"] } }\noutput { stdout {} }\n";
const BROKEN = "input { beats { port => 5044 } }\nfilter {\n  mutate { add_tag [\"x\"] }\n}\noutput { stdout {} }\n";

let host: TestHost;
let vscode: CodeServerHarness;
let workspace: string;

before(async () => {
  host = await startSshd();
  writeFileSync(join(host.pipelineDir, "main.conf"), OLD);
  workspace = mkdtempSync(join(tmpdir(), "logsmith-deploy-e2e-"));
  mkdirSync(join(workspace, "pipeline"));
  mkdirSync(join(workspace, ".vscode"));
  writeFileSync(join(workspace, "pipeline/main.conf"), NEW);
  writeFileSync(join(workspace, "pipeline/broken.conf"), BROKEN);
  writeFileSync(
    join(workspace, ".vscode/settings.json"),
    JSON.stringify({ "logsmith.targets": [host.target({ name: "lab" }), host.target({ name: "fresh", knownHostsPath: join(host.dir, "fresh_known_hosts") })], "logsmith.deploy.targets": { "pipeline/main.conf": "lab", "pipeline/broken.conf": "lab" } }, null, 2),
  );
  vscode = await CodeServerHarness.start({ workspace });
});

after(async () => {
  await vscode?.close();
  await host?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

/**
 * Runs a command that then asks for a target in a quick pick, and picks `label`. (The harness's
 * runCommand waits for the palette to close, which a follow-up pick never lets happen.)
 */
async function runCommandPicking(command: string, placeholder: string, label: string): Promise<void> {
  const page = vscode.page;
  const input = page.locator(".quick-input-widget .quick-input-box input");
  await page.keyboard.press("Control+Shift+P");
  await input.waitFor({ state: "visible", timeout: 15_000 });
  await input.fill(`>${command}`);
  const rows = page.locator(".quick-input-widget .quick-input-list .monaco-list-row");
  await waitFor(`palette entry ${command}`, async () => (await rows.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? ""))).some((l) => l.startsWith(command)), 15_000);
  await page.keyboard.press("Enter");
  await waitFor(`the "${placeholder}" pick`, async () => (await input.getAttribute("placeholder")) === placeholder, 15_000);
  await input.fill(label);
  await waitFor(`the ${label} row`, async () => (await rows.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? ""))).some((l) => l.startsWith(label)), 15_000);
  await page.keyboard.press("Enter");
  await input.waitFor({ state: "hidden", timeout: 15_000 });
}

async function notificationText(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitFor(`a notification matching ${pattern}`, async () => {
    const texts = await vscode.page.locator(".notifications-toasts .notification-list-item-message").allInnerTexts();
    return texts.find((t) => pattern.test(t));
  }, timeoutMs, 200);
}

test("the Targets view lists the target; Test Connection reaches the host", async () => {
  // The view sits in the Explorer, below the folder; opening a pipeline activates Logsmith.
  await vscode.openFile("pipeline/main.conf");
  const header = vscode.page.locator(".pane-header", { hasText: "Logsmith Targets" });
  await header.waitFor({ state: "visible", timeout: 30_000 });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  const row = vscode.page.locator('.pane-body .monaco-list-row[aria-label^="lab,"]');
  await waitFor("the lab row in Logsmith Targets", async () => (await row.count()) > 0, 30_000);
  assert.match((await row.first().getAttribute("aria-label")) ?? "", /connection not tested yet/);
  // With two targets the command asks which one.
  await runCommandPicking("Logsmith: Test Connection", "Choose a target", "lab");
  const message = await notificationText(/connected to lab/);
  assert.match(message, /OpenSSH.*is writable/);
  await waitFor("the row showing the result", async () => /is writable/.test((await row.first().getAttribute("aria-label")) ?? ""), 10_000);
});

test("Deploy Pipeline: diff editor, modal confirmation, the host gets the file", async () => {
  await vscode.openFile("pipeline/main.conf");
  await vscode.runCommand("Logsmith: Deploy Pipeline");
  const dialog = vscode.page.locator(".monaco-dialog-box");
  await dialog.waitFor({ state: "visible", timeout: 30_000 });
  assert.match(await dialog.innerText(), /Deploy main\.conf to lab\?/);
  // The host's file is on the left of a diff editor titled after the file and the target.
  await waitFor("the diff editor tab", async () => (await vscode.page.locator('.tabs-container .tab[aria-label*="main.conf: lab"]').count()) > 0, 10_000);
  assert.equal(readFileSync(join(host.pipelineDir, "main.conf"), "utf8"), OLD, "nothing changes before the answer");
  await dialog.locator(".monaco-button", { hasText: /^Deploy$/ }).click();
  await notificationText(/lab took the new pipeline/);
  assert.equal(readFileSync(join(host.pipelineDir, "main.conf"), "utf8"), NEW);
});

test("a pipeline the host rejects shows Logstash's error on its line", async () => {
  await vscode.openFile("pipeline/broken.conf");
  await vscode.runCommand("Logsmith: Deploy Pipeline");
  const dialog = vscode.page.locator(".monaco-dialog-box");
  await dialog.waitFor({ state: "visible", timeout: 30_000 });
  await dialog.locator(".monaco-button", { hasText: /^Deploy$/ }).click();
  await notificationText(/config test failed on lab/);
  const problems = await waitFor("the deploy problem", async () => (await vscode.problems()).find((p) => /lab: The given configuration is invalid/.test(p.message)), 30_000);
  assert.equal(problems.severity, "error");
  assert.match(problems.ariaLabel, /line 3/i);
});

test("first contact: the host key's SHA256 fingerprint is shown and only trusted on click; then recorded", async () => {
  const known = join(host.dir, "fresh_known_hosts");
  await runCommandPicking("Logsmith: Test Connection", "Choose a target", "fresh");
  const dialog = vscode.page.locator(".monaco-dialog-box");
  await dialog.waitFor({ state: "visible", timeout: 30_000 });
  const text = await dialog.innerText();
  const fingerprint = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", join(host.dir, "host_ed25519.pub")], { encoding: "utf8" }).split(" ")[1];
  assert.ok(text.includes(fingerprint), text);
  assert.ok(!existsSync(known), "nothing recorded before the answer");
  await dialog.locator(".monaco-button", { hasText: /^Trust and Connect$/ }).click();
  await notificationText(/connected to fresh/);
  assert.match(readFileSync(known, "utf8"), /^\[127\.0\.0\.1\]:\d+ ssh-ed25519 /);
});

test("the status bar shows the active target", async () => {
  await runCommandPicking("Logsmith: Set as Active Target", "Choose the active target", "lab");
  const items = vscode.page.locator(".statusbar-item");
  await waitFor("the active target in the status bar", async () => (await items.allInnerTexts()).some((t) => t.trim() === "lab"), 15_000).catch(async (error) => {
    throw new Error(`${(error as Error).message}; status bar: ${JSON.stringify(await items.allInnerTexts())}`);
  });
});
