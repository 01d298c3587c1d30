import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { formatConfig } from "../../server/src/core/format";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist/cli.cjs");
const tmp = mkdtempSync(join(tmpdir(), "logsmith-cli-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("valid pipelines: exit 0 and no diagnostics", () => {
  const r = run("check", "test-fixtures/pipelines/shipper.conf", "test-fixtures/pipelines/collector-apache.conf");
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, "");
});

test("a syntax error: exit 1 and a path:line:col: severity code message line", () => {
  const r = run("check", "test-fixtures/broken/missing-arrow.conf");
  assert.equal(r.code, 1);
  // Catalog checks may add findings on the broken line; the syntax error is the one asserted.
  const lines = r.stdout.trim().split("\n").filter((l) => / error syntax-/.test(l));
  assert.equal(lines.length, 1, r.stdout);
  assert.match(lines[0], /^test-fixtures\/broken\/missing-arrow\.conf:\d+:\d+: error syntax-[a-z-]+ .+/);
  // The position points at the text the message is about.
  const [, line, col] = /:(\d+):(\d+):/.exec(lines[0])!;
  const source = readFileSync(join(ROOT, "test-fixtures/broken/missing-arrow.conf"), "utf8").split("\n");
  assert.notEqual(source[Number(line) - 1].slice(Number(col) - 1).trim(), "");
});

test("--format json: one array, files in Logstash's order for a directory, 0-based LSP positions", () => {
  const dir = join(tmp, "conf.d");
  mkdirSync(dir);
  writeFileSync(join(dir, "2-filter.conf"), "filter {\n  mutate { add_tag => [\"a\"] }\n}\n");
  writeFileSync(join(dir, "10-input.conf"), "input {\n  stdin {}\n}\n");
  writeFileSync(join(dir, "B-output.conf"), "output {\n  stdout { codec => }\n}\n");
  writeFileSync(join(dir, "notes.txt"), "not a pipeline");
  const r = run("check", "--format", "json", dir);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { file: string; diagnostics: { severity: string; code: string; range: { start: { line: number; character: number } } }[] }[];
  assert.deepEqual(report.map((f) => f.file), [join(dir, "10-input.conf"), join(dir, "2-filter.conf"), join(dir, "B-output.conf")]);
  assert.deepEqual(report[0].diagnostics, []);
  assert.deepEqual(report[1].diagnostics, []);
  const d = report[2].diagnostics.find((x) => x.code.startsWith("syntax"))!;
  assert.ok(d, JSON.stringify(report[2].diagnostics));
  assert.equal(d.severity, "error");
  assert.match(d.code, /^syntax/);
  assert.equal(d.range.start.line, 1);
});

test("json file names are the paths as given", () => {
  const r = run("check", "--format=json", "./test-fixtures/pipelines/shipper.conf");
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), [{ file: "./test-fixtures/pipelines/shipper.conf", diagnostics: [] }]);
});

test("exit 2 with a message for a missing file, bad flags or no command", () => {
  const missing = run("check", join(tmp, "nope.conf"));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read .*nope\.conf/);
  for (const args of [["check", "--frobnicate", "x.conf"], ["check", "--format", "xml", "x.conf"], ["check"], ["lint", "x.conf"], []]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.stderr, /logsmith: .+/);
  }
});

test("--help and --version", () => {
  const help = run("--help");
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: logsmith/);
  const version = run("--version");
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
});

test("fmt --check names files that would change; fmt rewrites them; then --check passes", () => {
  const file = join(tmp, "messy.conf");
  const messy = "input {\nstdin { }\n}\nfilter {\n      mutate { add_tag => [\"a\"] }\n}\n";
  writeFileSync(file, messy);
  const expected = formatConfig(messy, { tabSize: 2, insertSpaces: true });
  assert.notEqual(expected, messy, "the fixture must need formatting");

  const check = run("fmt", "--check", file);
  assert.equal(check.code, 1);
  assert.match(check.stdout, /messy\.conf/);
  assert.equal(readFileSync(file, "utf8"), messy, "--check does not write");

  assert.equal(run("fmt", file).code, 0);
  assert.equal(readFileSync(file, "utf8"), expected);
  const again = run("fmt", "--check", file);
  assert.equal(again.code, 0);
  assert.equal(again.stdout, "");
});

test("fmt leaves files with syntax errors untouched and exits 1", () => {
  const file = join(tmp, "broken.conf");
  const broken = "filter {\n  mutate { add_field { \"a\" => 1 } }\n}\n";
  writeFileSync(file, broken);
  const r = run("fmt", file);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /syntax errors/);
  assert.equal(readFileSync(file, "utf8"), broken);
});
