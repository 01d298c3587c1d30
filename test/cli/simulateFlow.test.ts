import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

// Runs the bundle: `npm run build` first (npm test does).
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist/cli.cjs");
const FIXTURE = join(ROOT, "test-fixtures/multi-pipeline");
const YML = join(FIXTURE, "config/pipelines.yml");
const tmp = mkdtempSync(join(tmpdir(), "logsmith-flow-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const INPUT = '{"type":"apache","message":"GET /"}\n{"type":"tomcat","message":"catalina"}\n';
const run = (args: string[], input = INPUT) => spawnSync(process.execPath, [CLI, "simulate", ...args], { input, encoding: "utf8" });
const records = (stdout: string) => stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { pipeline: string; from?: { pipeline: string; address: string }; event: Record<string, unknown> });

test("--pipelines --pipeline-id: events leave the indexer and reach the pipeline their type routes to", () => {
  const r = run(["--pipelines", YML, "--pipeline-id", "indexer"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, "");
  const out = records(r.stdout);
  assert.deepEqual(out.map((o) => [o.pipeline, o.from?.address ?? null, o.event.type]), [
    ["indexer", null, "apache"],
    ["indexer", null, "tomcat"],
    ["apache-es", "apache", "apache"],
    ["tomcat-es", "tomcat", "tomcat"],
  ]);
  // The indexer's json codec decoded the lines; apache-es's mutate read the carried [@metadata][route].
  const apache = out[2];
  assert.equal(apache.event.message, "GET /");
  assert.equal(apache.event.route, "apache");
  assert.deepEqual(apache.event.tags, ["web"]);
  assert.deepEqual(apache.from, { pipeline: "indexer", address: "apache" });
  // Outputs never see @metadata.
  assert.ok(out.every((o) => !("@metadata" in o.event)));
});

test("a pipelines.yml as the positional argument, --input FILE, and a start further down", () => {
  const input = join(tmp, "in.txt");
  writeFileSync(input, "plain line\n");
  const r = run([YML, "--pipeline-id", "apache-es", "--input", input], "");
  assert.equal(r.status, 0, r.stderr);
  const out = records(r.stdout);
  assert.deepEqual(out.map((o) => o.pipeline), ["apache-es"]);
  assert.equal(out[0].event.message, "plain line");
  assert.deepEqual(out[0].event.tags, ["web"]);
});

test("usage errors: no --pipeline-id lists the ids; an unknown id; --pipeline-id without --pipelines", () => {
  const none = run(["--pipelines", YML]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /collector-apache, collector-tomcat, indexer, apache-es, tomcat-es/);
  const unknown = run(["--pipelines", YML, "--pipeline-id", "nope"]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /nope/);
  assert.equal(run([join(FIXTURE, "conf.d/apache-es.conf"), "--pipeline-id", "x"]).status, 2);
});

test("an address nobody listens on is reported on stderr; the events that got there are printed", () => {
  const copy = join(tmp, "mp");
  cpSync(FIXTURE, copy, { recursive: true });
  const route = join(copy, "conf.d/indexer/20-route.conf");
  writeFileSync(route, readFileSync(route, "utf8").replace('send_to => ["tomcat"]', 'send_to => ["catalina"]'));
  const r = run(["--pipelines", join(copy, "config/pipelines.yml"), "--pipeline-id", "indexer"]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(records(r.stdout).map((o) => o.pipeline), ["indexer", "indexer", "apache-es"]);
  assert.match(r.stderr, /1 event\(s\) of pipeline `indexer` sent to address "catalina"/);
});

test("simulate --help documents --pipelines and the output shape", () => {
  const r = spawnSync(process.execPath, [CLI, "simulate", "--help"], { encoding: "utf8" });
  assert.equal(r.status, 0);
  for (const s of ["--pipelines", "--pipeline-id", "--root", "--patterns-path", '{"pipeline":"ID","event":{...}}', '"from":{"pipeline":"ID","address":"ADDRESS"}']) assert.ok(r.stdout.includes(s), s);
});

test("--root: path.config is matched under the given folder when pipelines.yml lives elsewhere", () => {
  const yml = join(tmp, "elsewhere", "pipelines.yml");
  cpSync(YML, yml, { recursive: true });
  const lost = run(["--pipelines", yml, "--pipeline-id", "indexer"]);
  assert.equal(lost.status, 2);
  assert.match(lost.stderr, /indexer/);
  const found = run(["--pipelines", yml, "--pipeline-id", "indexer", "--root", FIXTURE]);
  assert.equal(found.status, 0, found.stderr);
  assert.deepEqual(records(found.stdout).map((o) => o.pipeline), ["indexer", "indexer", "apache-es", "tomcat-es"]);
});
