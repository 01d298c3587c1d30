/**
 * The language server over a real stdio connection (issues #2 and #3):
 * - didChange → publishDiagnostics on a 5,000-line pipeline, median after warm-up (target < 50 ms);
 * - completion on the same file, 95th percentile (target < 20 ms);
 * - server memory (RSS) with 50 open 1,000-line documents (target < 150 MB).
 * Needs `npm run build`. Run: node --import tsx bench/lsp.bench.ts
 */
import { readFileSync } from "node:fs";
import type { CompletionList } from "vscode-languageserver-protocol";
import { startTestServer } from "../test/helpers/lspClient";
import { generatePipeline } from "./generate";

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const server = await startTestServer();
try {
  const text = generatePipeline(5_000);
  const uri = "file:///bench/big.conf";
  server.open(uri, text);
  await server.diagnostics(uri, (p) => p.version === 1, 30_000);

  // Lone edits (one keystroke after a pause), as a user makes them.
  const latencies: number[] = [];
  let version = 1;
  for (let i = 0; i < 40; i++) {
    version++;
    const edited = text.replace('id => "grok_apache_0"', `id => "grok_apache_0_${i}"`);
    await sleep(200);
    const t0 = performance.now();
    server.change(uri, edited, version);
    await server.diagnostics(uri, (p) => p.version === version, 10_000);
    if (i >= 10) latencies.push(performance.now() - t0);
  }
  const median = percentile(latencies, 50);
  console.log(`didChange → publishDiagnostics, ${text.split("\n").length} lines: median ${median.toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (target median < 50 ms) -> ${median < 50 ? "OK" : "MISSED"}`);

  // Completion of an option name inside a plugin block near the end of the file.
  const lines = text.split("\n");
  let line = 0;
  lines.forEach((l, i) => {
    if (l.includes("useragent {")) line = i + 1;
  });
  const times: number[] = [];
  for (let i = 0; i < 120; i++) {
    const t0 = performance.now();
    const list = await server.connection.sendRequest<CompletionList>("textDocument/completion", { textDocument: { uri }, position: { line, character: 6 } });
    if (i >= 20) times.push(performance.now() - t0);
    if (!list.items.some((it) => it.label === "source")) throw new Error("completion did not offer useragent options");
  }
  const p95 = percentile(times, 95);
  console.log(`completion on the 5,000-line file: median ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target p95 < 20 ms) -> ${p95 < 20 ? "OK" : "MISSED"}`);

  // Memory with 50 open 1,000-line documents, each validated.
  const small = generatePipeline(1_000);
  for (let i = 0; i < 50; i++) server.open(`file:///bench/doc${i}.conf`, small.replace(/grok_apache_/g, `g${i}_`));
  for (let i = 0; i < 50; i++) await server.diagnostics(`file:///bench/doc${i}.conf`, () => true, 30_000);
  const pid = server.process.pid!;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
  const mb = rssKb / 1024;
  console.log(`server memory with 51 open documents (50 × 1,000 lines + 5,000): RSS ${mb.toFixed(0)} MB (target < 150 MB) -> ${mb < 150 ? "OK" : "MISSED"}`);
} finally {
  await server.stop();
}
