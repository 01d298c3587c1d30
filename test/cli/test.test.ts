import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

// Runs the bundle: `npm run build` first (npm test does).
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist/cli.cjs");
const FIXTURES = "test-fixtures/pipeline-tests";
const tmp = mkdtempSync(join(tmpdir(), "logsmith-test-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "test", ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("text: PASS/FAIL/SKIP lines, a diff of expected and actual, the diverging filter; exit 1 on a failure", () => {
  const r = cli(FIXTURES, "--map", `${FIXTURES}/lfv-suites=${FIXTURES}/pipelines/web.conf`);
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /PASS {2}test-fixtures\/pipeline-tests\/syslog\.test\.yaml › program with pid/);
  assert.match(r.out, /FAIL {2}.*broken\.test\.json › expects the verb upper case/);
  assert.match(r.out, /last written by `mutate` at line 6/);
  assert.match(r.out, /- {5}"verb": "POST"\n\s+\+ {5}"verb": "post"/);
  assert.match(r.out, /SKIP {2}.*sshd needs dns: .*`dns` filter/);
  assert.match(r.out, /PASS {2}.*web-multiline\.yml › continuation lines join the first line/);
  assert.match(r.out, /SKIP {2}.*web-edn\.json › edn input: the `edn` codec is not simulated/);
  assert.match(r.out, /PASS {2}.*web-legacy\.json › #1/);
  assert.match(r.out, /9 passed, 3 failed, 2 skipped, 0 errors \(14 tests in 6 files/);
});

test("exit 0 when every case passes or is skipped; a pipeline path runs the tests beside it", () => {
  const r = cli(`${FIXTURES}/syslog.conf`);
  assert.equal(r.code, 0, r.out + r.err);
  assert.match(r.out, /3 passed, 0 failed, 1 skipped/);
});

test("json: summary and per-case results with divergence", () => {
  const r = cli("--format", "json", `${FIXTURES}/broken.test.json`);
  assert.equal(r.code, 1);
  const data = JSON.parse(r.out);
  assert.deepEqual(data.summary.failed, 3);
  const upper = data.files[0].cases[1];
  assert.equal(upper.status, "failed");
  assert.equal(upper.events[0].divergence.filter, "mutate");
  assert.equal(upper.events[0].actual.verb, "post");
});

test("junit: testsuites/testsuite/testcase with failure and skipped elements", () => {
  const r = cli("--format=junit", `${FIXTURES}/broken.test.json`, `${FIXTURES}/syslog.test.yaml`);
  assert.equal(r.code, 1);
  assert.match(r.out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="logsmith" tests="8" failures="3" errors="0" skipped="1"/);
  assert.equal((r.out.match(/<testsuite /g) ?? []).length, 2);
  assert.equal((r.out.match(/<testcase /g) ?? []).length, 8);
  assert.match(r.out, /<failure message="Expected 1 event\(s\), got 2 instead\." type="mismatch">/);
  assert.match(r.out, /<skipped message="needs the `dns` filter/);
  // Every element opened is closed: a crude well-formedness check without an XML parser.
  for (const tag of ["testsuites", "testsuite"]) assert.equal((r.out.match(new RegExp(`<${tag}[ >]`, "g")) ?? []).length, (r.out.match(new RegExp(`</${tag}>`, "g")) ?? []).length);
});

test("a file with no pipeline is an error, and --pipeline points it at one", () => {
  const file = join(tmp, "suite.json");
  writeFileSync(file, JSON.stringify({ ignore: ["@timestamp"], testcases: [{ input: ["a b"], expected: [{ message: "a b" }] }] }));
  const lost = cli(file);
  assert.equal(lost.code, 1);
  assert.match(lost.out, /ERROR .*No pipeline/);
  const conf = join(tmp, "p.conf");
  writeFileSync(conf, "filter { }\n");
  const found = cli("--pipeline", conf, file);
  assert.equal(found.code, 0, found.out);
});

test("usage errors exit 2", () => {
  assert.equal(cli("--format", "xml").code, 2);
  assert.equal(cli("no/such/dir").code, 2);
  const empty = mkdtempSync(join(tmp, "empty-"));
  const none = cli(empty);
  assert.equal(none.code, 2);
  assert.match(none.err, /no test files/);
});
