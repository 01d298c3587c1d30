/**
 * Where grok's runtime files live: `onig.wasm` and the match worker. The esbuild bundles sit in
 * `dist/` with both copied beside them; from sources (tests, scripts run with tsx from the
 * repository root) they are found in node_modules and server/src.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

declare const __dirname: string | undefined;

let overrides: { wasm?: string; worker?: string } = {};

/** Lets a host (extension, tests) say where the files are. */
export function configureGrokAssets(paths: { wasm?: string; worker?: string }): void {
  overrides = { ...overrides, ...paths };
}

export function grokAssetPath(kind: "onig.wasm" | "worker"): string {
  if (kind === "onig.wasm" && overrides.wasm) return overrides.wasm;
  if (kind === "worker" && overrides.worker) return overrides.worker;
  const bundled = kind === "onig.wasm" ? "onig.wasm" : "grok-worker.cjs";
  // In a CommonJS bundle __dirname is dist/; in ES modules it does not exist.
  if (typeof __dirname === "string" && existsSync(join(__dirname, bundled))) return join(__dirname, bundled);
  const root = process.cwd();
  return kind === "onig.wasm"
    ? resolve(root, "node_modules/vscode-oniguruma/release/onig.wasm")
    : resolve(root, "server/src/core/grok/worker.ts");
}
