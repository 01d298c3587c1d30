// Runs the extension-host suite (test/e2e/extension-host/suite.ts) inside code-server's
// extension host, with Logsmith loaded in development mode from the repository (dist/ must be
// built). code-server drops the host's exit code, so the suite writes its results to a file that
// this side polls; each host test is then reported as its own node:test subtest.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { bundleHostSuite } from "./extension-host/bundle";
import type { HostRunReport } from "./extension-host/runner";
import { makeHostWorkspace } from "./extension-host/workspace";
import { CodeServerHarness, ROOT, waitFor } from "./harness";

const EXPECTED_TESTS = 10;

test("extension-host suite in code-server", async (t) => {
  const scratch = mkdtempSync(join(tmpdir(), "logsmith-host-"));
  const workspace = makeHostWorkspace();
  const resultsPath = join(scratch, "results.json");
  let vscode: CodeServerHarness | undefined;
  try {
    const suite = await bundleHostSuite(scratch);
    vscode = await CodeServerHarness.start({
      workspace,
      vsix: null,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      extensionEnvironment: { LOGSMITH_HOST_RESULTS: resultsPath },
    });
    await waitFor("the extension-host results file", () => existsSync(resultsPath), 180_000, 250);
    const report: HostRunReport = JSON.parse(readFileSync(resultsPath, "utf8"));
    t.diagnostic(`VS Code ${report.environment.vscodeVersion} (${report.environment.appName})`);
    assert.equal(report.results.length, EXPECTED_TESTS, "every host test ran");
    for (const result of report.results) {
      await t.test(result.name, (sub) => {
        sub.diagnostic(`${result.ms} ms in the extension host`);
        assert.ok(result.ok, result.error);
      });
    }
  } finally {
    await vscode?.close();
    rmSync(scratch, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  }
});
