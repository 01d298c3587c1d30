/**
 * The packaged extension in a real editor (issue #4): VSIX size against the 5 MB target, and
 * activation time in code-server against the 200 ms target, median over a few fresh starts.
 * Run: node --import tsx bench/extension.bench.ts [runs]   (after `npm run package` and
 * scripts/setup-code-server.sh; BENCH_RUNS also sets the count, default 5)
 *
 * Activation is opening a pipeline in a workspace where nothing activated Logsmith yet. Two
 * figures per run, both from the editor itself, not from timers in the extension:
 * - VS Code's own, as "Developer: Show Running Extensions" shows it: loading the bundle plus the
 *   synchronous part of `activate()`;
 * - until the language server is ready: from the extension host's "_doActivateExtension
 *   logsmith.logsmith" log line to the extension's "Logsmith language server started" line in
 *   its LogOutputChannel (both logs carry millisecond timestamps).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CodeServerHarness, DEFAULT_VSIX, waitFor } from "../test/e2e/harness";

const VSIX_TARGET_BYTES = 5 * 1024 * 1024;
const ACTIVATION_TARGET_MS = 200;
const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** `2026-11-24 18:19:07.155 [info] …` → milliseconds since the epoch (local time, same clock for both logs). */
function stamp(line: string): number {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/.exec(line);
  if (!m) throw new Error(`no timestamp in: ${line}`);
  return new Date(`${m[1]}T${m[2]}`).getTime();
}

function findFiles(dir: string, name: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findFiles(path, name));
    else if (entry.name === name) out.push(path);
  }
  return out;
}

function lineIn(files: string[], pattern: RegExp): string | undefined {
  for (const f of files) {
    const line = readFileSync(f, "utf8").split("\n").find((l) => pattern.test(l));
    if (line) return line;
  }
  return undefined;
}

interface Sample {
  vscodeMs: number;
  serverReadyMs: number;
  event: string;
}

async function measureOnce(): Promise<Sample> {
  const vscode = await CodeServerHarness.start({ workspace: "test-fixtures" });
  try {
    const logs = join(vscode.tempDir, "user-data/logs");
    const activated = /ExtensionService#_doActivateExtension logsmith\.logsmith\b/;
    // Nothing in the workspace has activated Logsmith before a file is opened.
    const before = lineIn(findFiles(logs, "remoteexthost.log"), activated);
    if (before) throw new Error(`Logsmith activated before any file was opened: ${before}`);

    await vscode.openFile("pipelines/shipper.conf");
    await vscode.waitForLanguageMode("Logstash");
    const [activation, ready] = await waitFor("activation and server-ready log lines", () => {
      const a = lineIn(findFiles(logs, "remoteexthost.log"), activated);
      const r = lineIn(findFiles(logs, "Logsmith.log"), /Logsmith language server started/);
      return a && r ? [a, r] : undefined;
    }, 60_000, 100);

    await vscode.runCommand("Developer: Show Running Extensions");
    const row = vscode.page.locator(".runtime-extensions-editor .monaco-list-row", { hasText: "Logsmith" }).first();
    const text = await waitFor("Logsmith in Running Extensions", async () => {
      const t = (await row.count()) ? await row.innerText() : "";
      return /Activation: \d+ms/.test(t) ? t : undefined;
    });
    return {
      vscodeMs: Number(/Activation: (\d+)ms/.exec(text)![1]),
      serverReadyMs: stamp(ready) - stamp(activation),
      event: /activationEvent: '([^']*)'/.exec(activation)?.[1] ?? "?",
    };
  } finally {
    await vscode.close();
  }
}

const size = statSync(DEFAULT_VSIX).size;
console.log(`VSIX ${DEFAULT_VSIX}`);
console.log(
  `  size: ${size} bytes = ${(size / 1024 / 1024).toFixed(2)} MB; target < 5 MB: ${((size / VSIX_TARGET_BYTES) * 100).toFixed(0)}% of it (${size < VSIX_TARGET_BYTES ? "ok" : "OVER"})`,
);

const samples: Sample[] = [];
for (let i = 0; i < runs; i++) {
  const s = await measureOnce();
  samples.push(s);
  console.log(`  run ${i + 1}/${runs}: VS Code activation ${s.vscodeMs} ms, language server ready ${s.serverReadyMs} ms after activation began (event ${s.event})`);
}
const vscodeMedian = median(samples.map((s) => s.vscodeMs));
const readyMedian = median(samples.map((s) => s.serverReadyMs));
const verdict = (ms: number) => `${(ms / ACTIVATION_TARGET_MS).toFixed(2)}x the ${ACTIVATION_TARGET_MS} ms target (${ms < ACTIVATION_TARGET_MS ? "ok" : "OVER"})`;
console.log(`Activation in code-server ${runs} run(s), median:`);
console.log(`  VS Code's figure (bundle load + activate() until it returns a promise): ${vscodeMedian} ms = ${verdict(vscodeMedian)}`);
console.log(`  until the language server is ready: ${readyMedian} ms = ${verdict(readyMedian)}`);
