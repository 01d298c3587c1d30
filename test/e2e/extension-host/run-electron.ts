// The same extension-host suite under @vscode/test-electron, for machines that can download a
// VS Code build (this one cannot: CI runs the suite through code-server, extension-host.e2e.ts).
//   node --import tsx test/e2e/extension-host/run-electron.ts [vscode-version]
// Needs `npm run build` first: Logsmith is loaded in development mode from dist/.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTests } from "@vscode/test-electron";
import { ROOT } from "../harness";
import { bundleHostSuite } from "./bundle";
import type { HostRunReport } from "./runner";
import { makeHostWorkspace } from "./workspace";

const scratch = mkdtempSync(join(tmpdir(), "logsmith-host-electron-"));
const workspace = makeHostWorkspace();
const resultsPath = join(scratch, "results.json");
try {
  const extensionTestsPath = await bundleHostSuite(scratch);
  const exitCode = await runTests({
    version: process.argv[2] ?? "stable",
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    extensionTestsEnv: { LOGSMITH_HOST_RESULTS: resultsPath },
    // A throw-away profile, no other extensions, and the test workspace.
    launchArgs: [workspace, "--disable-extensions", "--user-data-dir", join(scratch, "user-data"), "--skip-welcome", "--skip-release-notes"],
  });
  const report: HostRunReport = JSON.parse(readFileSync(resultsPath, "utf8"));
  for (const r of report.results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.ms} ms)${r.ok ? "" : `\n${r.error}`}`);
  const failed = report.results.filter((r) => !r.ok).length;
  console.log(`VS Code ${report.environment.vscodeVersion}: ${report.results.length - failed} passed, ${failed} failed`);
  process.exitCode = exitCode || (failed ? 1 : 0);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(workspace, { recursive: true, force: true });
}
