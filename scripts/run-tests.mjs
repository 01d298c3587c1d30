// The single test entry (`npm test` runs typecheck and build first). Runs the suites cheapest first,
// each with node's test runner (spec to the terminal, TAP to a file for the counts), then prints one
// summary line: `N passed, N failed[, N skipped]`. Exits non-zero when any suite fails.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const scratch = mkdtempSync(join(tmpdir(), "logsmith-tests-"));

/** Files of `dir` ending with `suffix`, sorted (node 20's runner takes no globs). */
function files(dir, suffix) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => join(dir, name));
}

/** Counts from a TAP (`# pass 3`) or spec (`ℹ pass 3`) summary; undefined when there is none. */
function counts(text) {
  const read = (name) => {
    const all = [...text.matchAll(new RegExp(`^(?:#|ℹ) ${name} (\\d+)$`, "gm"))];
    return all.length ? all.reduce((n, m) => n + Number(m[1]), 0) : undefined;
  };
  const pass = read("pass");
  const fail = read("fail");
  if (pass === undefined && fail === undefined) return undefined;
  return { pass: pass ?? 0, fail: (fail ?? 0) + (read("cancelled") ?? 0), skipped: (read("skipped") ?? 0) + (read("todo") ?? 0) };
}

function runNodeTests(name, testFiles, extraArgs = []) {
  const tap = join(scratch, `${name}.tap`);
  const args = [
    "--import",
    "tsx",
    "--test",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=tap",
    `--test-reporter-destination=${tap}`,
    ...extraArgs,
    ...testFiles,
  ];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  const c = existsSync(tap) ? counts(readFileSync(tap, "utf8")) : undefined;
  return finish(name, r.status, c);
}

function runNpmScript(name, script) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["run", "--silent", script], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  process.stdout.write(r.stdout ?? "");
  process.stderr.write(r.stderr ?? "");
  return finish(name, r.status, counts(`${r.stdout}\n${r.stderr}`));
}

/** A suite whose output has no counts counts as one test, passed or failed by its exit code. */
function finish(name, status, c) {
  const ok = status === 0;
  const result = c ?? { pass: ok ? 1 : 0, fail: ok ? 0 : 1, skipped: 0 };
  if (!ok && result.fail === 0) result.fail = 1; // A crash before any test reported.
  console.log(`\n[${name}] ${ok ? "ok" : `FAILED (exit ${status})`}: ${result.pass} passed, ${result.fail} failed\n`);
  return { name, ok, ...result };
}

const results = [];
const suites = [
  ["unit", () => files("test/unit", ".test.ts")],
  ["grammar", () => (pkg.scripts?.["test:grammar"] ? "script" : files("test/grammar", ".test.ts"))],
  ["lsp", () => files("test/lsp", ".test.ts")],
  ["cli", () => files("test/cli", ".test.ts")],
  // Real sshd (and other servers) on 127.0.0.1: scripts/setup-sshd.sh.
  ["remote", () => files("test/remote", ".test.ts")],
  ["e2e", () => files("test/e2e", ".e2e.ts")],
];
for (const [name, find] of suites) {
  const found = find();
  console.log(`\n=== ${name} ===`);
  if (found === "script") results.push(runNpmScript(name, "test:grammar"));
  else if (found.length === 0) console.log("(no tests)");
  // Each e2e file starts its own code-server and browser: one at a time on a 2-core machine.
  else results.push(runNodeTests(name, found, name === "e2e" ? ["--test-concurrency=1"] : []));
}
rmSync(scratch, { recursive: true, force: true });

const total = results.reduce((t, r) => ({ pass: t.pass + r.pass, fail: t.fail + r.fail, skipped: t.skipped + r.skipped }), { pass: 0, fail: 0, skipped: 0 });
const failedSuites = results.filter((r) => !r.ok).map((r) => r.name);
if (failedSuites.length) console.log(`Failed suites: ${failedSuites.join(", ")}`);
console.log(`${total.pass} passed, ${total.fail} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exitCode = failedSuites.length || total.fail ? 1 : 0;
