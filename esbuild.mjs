// Bundles the extension client, the language server and the CLI. `--production` minifies; `--watch` rebuilds.
import * as esbuild from "esbuild";
import { chmod } from "node:fs/promises";

const production = process.argv.includes("--production");
const watch = process.argv.includes("--watch");

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
};

const entries = [
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client.cjs", external: ["vscode"] },
  { entryPoints: ["server/src/server.ts"], outfile: "dist/server.cjs" },
  { entryPoints: ["server/src/cli.ts"], outfile: "dist/cli.cjs", banner: { js: "#!/usr/bin/env node" } },
];

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  await chmod("dist/cli.cjs", 0o755);
}
