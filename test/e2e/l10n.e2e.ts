// How an extension's own strings get translated in code-server: with --locale ko and the
// harness's empty language pack, the extension host reports language "ko" and vscode.l10n
// reads l10n/bundle.l10n.ko.json. Also exercises development mode (extensionDevelopmentPath
// + extensionTestsPath through the URL payload), which runs code in the extension host.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { CodeServerHarness, waitFor } from "./harness";

async function probe(locale: string | undefined): Promise<{ language: string; translated: string }> {
  const dir = mkdtempSync(join(tmpdir(), "logsmith-l10n-probe-"));
  const out = join(dir, "report.json");
  const vscode = await CodeServerHarness.start({
    workspace: "test-fixtures",
    vsix: null,
    locale,
    extensionDevelopmentPath: "test/e2e/fixtures/l10n-probe",
    extensionTestsPath: "test/e2e/fixtures/l10n-probe/extension-run.cjs",
    extensionEnvironment: { PROBE_OUT: out },
  });
  try {
    await waitFor("the probe's report", () => existsSync(out), 90_000, 250);
    return JSON.parse(readFileSync(out, "utf8"));
  } finally {
    await vscode.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test("with locale ko an extension gets language ko and its Korean l10n bundle", async () => {
  const report = await probe("ko");
  assert.equal(report.language, "ko");
  assert.equal(report.translated, "알 수 없는 옵션 `hots`");
});

test("without a locale the same extension stays English", async () => {
  const report = await probe(undefined);
  assert.equal(report.language, "en");
  assert.equal(report.translated, "Unknown option `hots`");
});
