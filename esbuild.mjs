// Bundles the extension client, the language server and the CLI. `--production` minifies; `--watch` rebuilds.
import * as esbuild from "esbuild";
import { chmod, copyFile, mkdir } from "node:fs/promises";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

/**
 * ssh2 tries its native helpers (`cpu-features`, `sshcrypto.node`) inside try/catch and falls back to
 * pure JS; left external, the `require` fails at run time in the bundle and ssh2 takes the fallback.
 */
function optionalNativeModules() {
  return {
    name: "optional-native-modules",
    setup(build) {
      // Only relative `*.node` paths are binaries: `apache-arrow/Arrow.node` is a JS module.
      build.onResolve({ filter: /^cpu-features$|^\.{1,2}\/.*\.node$/ }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/** @type {import("esbuild").BuildOptions} */
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  minify: production,
  logLevel: "info",
  loader: { ".json": "json" },
  plugins: [optionalNativeModules()],
};

const entries = [
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client.cjs", external: ["vscode"] },
  { entryPoints: ["server/src/server.ts"], outfile: "dist/server.cjs" },
  { entryPoints: ["server/src/cli.ts"], outfile: "dist/cli.cjs", banner: { js: "#!/usr/bin/env node" } },
  // Grok matches in a worker thread so a runaway regex can be terminated (server/src/core/grok/timeout.ts).
  { entryPoints: ["server/src/core/grok/worker.ts"], outfile: "dist/grok-worker.cjs" },
  // The pipeline map page is browser code; it lays the graph out itself (server/src/core/pipelineMap/layout.ts).
  { entryPoints: ["client/webview/pipelineMap/main.ts"], outfile: "dist/webview/pipelineMap.js", platform: "browser", format: "iife", target: "es2022", minify: true, sourcemap: false },
  // The preview runs in its own worker (server/src/core/preview/runner.ts); its page is browser code.
  { entryPoints: ["server/src/core/preview/worker.ts"], outfile: "dist/preview-worker.cjs" },
  { entryPoints: ["client/webview/preview/main.ts"], outfile: "dist/webview/preview.js", platform: "browser", format: "iife", target: "es2022", minify: true, sourcemap: false },
  // The query panel page (client/src/query/QueryPanel.ts hosts it).
  { entryPoints: ["client/webview/query/main.ts"], outfile: "dist/webview/query.js", platform: "browser", format: "iife", target: "es2022", minify: true, sourcemap: false },
];

// Grok's Oniguruma engine loads its WASM from beside the bundles (server/src/core/grok/assets.ts).
await mkdir("dist", { recursive: true });
await copyFile("node_modules/vscode-oniguruma/release/onig.wasm", "dist/onig.wasm");

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  await chmod("dist/cli.cjs", 0o755);
}
