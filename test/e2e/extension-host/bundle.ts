// Bundles suite.ts for the extension host (CommonJS, `vscode` left to the host) into `outDir`,
// outside the repository's dist/ so that the VSIX never carries tests.
import { join } from "node:path";
import * as esbuild from "esbuild";
import { ROOT } from "../harness";

/** Returns the path of the bundled `index.cjs`, whose `run()` is the extensionTestsPath entry. */
export async function bundleHostSuite(outDir: string): Promise<string> {
  const outfile = join(outDir, "index.cjs");
  await esbuild.build({
    entryPoints: [join(ROOT, "test/e2e/extension-host/suite.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["vscode"],
    sourcemap: "inline",
    logLevel: "warning",
  });
  return outfile;
}
