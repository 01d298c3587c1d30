// A minimal test runner for the extension host. Mocha would do, but the host's exit code never
// reaches code-server's caller, so results travel as a JSON file the node:test side reads; a
// dozen lines keep that format ours and add no dependency to the bundle.
import { writeFileSync } from "node:fs";

export interface HostTestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export interface HostRunReport {
  results: HostTestResult[];
  /** Details the node side may print, e.g. VS Code's version. */
  environment: Record<string, string>;
}

type Body = () => Promise<void> | void;
const tests: { name: string; body: Body }[] = [];

export function hostTest(name: string, body: Body): void {
  tests.push({ name, body });
}

/** Runs every registered test in order, writes the report if `resultsPath` is set, throws if any failed. */
export async function runHostTests(resultsPath: string | undefined, environment: Record<string, string>): Promise<HostRunReport> {
  const results: HostTestResult[] = [];
  for (const { name, body } of tests) {
    const started = Date.now();
    try {
      await body();
      results.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
      const text = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
      results.push({ name, ok: false, ms: Date.now() - started, error: text });
    }
  }
  const report = { results, environment };
  if (resultsPath) writeFileSync(resultsPath, JSON.stringify(report, null, 2));
  const failed = results.filter((r) => !r.ok);
  // test-electron reads the exit code; this also puts the failures in the host's console.
  if (failed.length) throw new Error(`${failed.length} extension-host test(s) failed:\n${failed.map((f) => `${f.name}: ${f.error}`).join("\n")}`);
  return report;
}
