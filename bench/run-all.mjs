// Runs every benchmark in turn and prints their figures (`npm run bench`). The LSP, extension and
// grok benchmarks use the built bundles: run `npm run build` (and `npm run package` for the VSIX) first.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const benches = [
  ["parse and validation", ["--import", "tsx", "bench/parse.bench.ts"]],
  ["language server", ["--import", "tsx", "bench/lsp.bench.ts"]],
  ["grok", ["bench/grok.mjs"]],
  ["preview panel", ["--import", "tsx", "bench/preview.bench.ts"]],
  ["pipeline tests", ["--import", "tsx", "bench/pipelineTests.bench.ts"]],
  ["log formats", ["--import", "tsx", "bench/logformat.bench.ts"]],
  ["multiple pipelines and the pipeline map", ["--import", "tsx", "bench/pipelineMap.bench.ts"]],
  ["field lineage", ["--import", "tsx", "bench/lineage.bench.ts"]],
  ["extension in code-server", ["--import", "tsx", "bench/extension.bench.ts"]],
];
let failed = 0;
for (const [name, args] of benches) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
