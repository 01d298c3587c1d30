import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  compilePipeline,
  expandBrackets,
  formatJUnit,
  lineDiff,
  normalizeActual,
  pipelineForTestFile,
  readTestSuite,
  runTestFile,
  runTestSuite,
  saveTestCase,
  type PathKind,
  type TestHost,
} from "../../server/src/core/pipelineTest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = join(ROOT, "test-fixtures/pipeline-tests");
const NOW = new Date("2024-03-05T07:08:09.123Z");

const host: TestHost = {
  readFile: (p) => readFileSync(p, "utf8"),
  kind: (p): PathKind => {
    try {
      return statSync(p).isDirectory() ? "directory" : "file";
    } catch {
      return undefined;
    }
  },
  readDir: (p) => readdirSync(p),
};

async function runInline(pipeline: string, suiteText: string, kind: "json" | "yaml" = "yaml") {
  const read = readTestSuite(suiteText, kind);
  assert.deepEqual(read.problems, []);
  return runTestSuite(read.suite!, compilePipeline("inline.conf", [{ path: "inline.conf", text: pipeline }]), { now: NOW });
}

test("classic YAML: global fields, ignore plus @version, testcases with descriptions and ranges", () => {
  const text = readFileSync(join(FIXTURES, "syslog.test.yaml"), "utf8");
  const { suite, problems } = readTestSuite(text, "yaml");
  assert.deepEqual(problems, []);
  assert.equal(suite!.format, "classic");
  assert.equal(suite!.codec, "line");
  assert.deepEqual(suite!.ignore, ["@timestamp", "@version"]);
  assert.equal(suite!.cases.length, 4);
  assert.equal(suite!.cases[0].name, "program with pid");
  assert.deepEqual(suite!.cases[0].fields, { type: "syslog" });
  // Each case's range covers its own entry in the list.
  const second = text.slice(suite!.cases[1].range.start, suite!.cases[1].range.end);
  assert.match(second, /^description: program without pid/);
  assert.doesNotMatch(second, /cron/);
});

test("daemon JSON: input_plugin, export_metadata, per-case fields override global, bracket keys expand", () => {
  const { suite } = readTestSuite(readFileSync(join(FIXTURES, "app.test.json"), "utf8"), "json");
  assert.equal(suite!.format, "daemon");
  assert.equal(suite!.inputPlugin, "app_json");
  assert.equal(suite!.exportMetadata, true);
  assert.deepEqual(suite!.cases[0].fields, { service: { name: "checkout" }, env: "prod" });
  assert.deepEqual(suite!.cases[1].fields, { service: { name: "cart" }, env: "staging" });
  assert.equal(suite!.cases[2].dummyInput, true);
  assert.deepEqual(suite!.cases[0].expected[0].service, { name: "checkout" });
});

test("oldest format: top-level input and expected form one case; `event` is the early name of per-case fields", () => {
  const { suite } = readTestSuite(JSON.stringify({ input: ["a", "b"], expected: [{ message: "a" }, { message: "b" }] }), "json");
  assert.equal(suite!.cases.length, 1);
  assert.deepEqual(suite!.cases[0].input, ["a", "b"]);
  const old = readTestSuite("testcases:\n  - input: [x]\n    event: { '[a][b]': 1 }\n    expected: [{}]\n", "yaml");
  assert.deepEqual(old.suite!.cases[0].fields, { a: { b: 1 } });
});

test("YAML is read as 1.1 like LFV's go-yaml: yes is a boolean", () => {
  const { suite } = readTestSuite("testcases:\n  - input: [x]\n    expected:\n      - flag: yes\n", "yaml");
  assert.equal(suite!.cases[0].expected[0].flag, true);
});

test("malformed files report problems with positions instead of throwing", () => {
  const bad = readTestSuite('{"testcases": [', "json");
  assert.equal(bad.suite, undefined);
  assert.match(bad.problems[0].message, /Invalid JSON/);
  const wrong = readTestSuite("testcases:\n  - input: x\n    expected: [1]\n", "yaml");
  assert.ok(wrong.problems.length >= 2);
  assert.ok(wrong.problems.every((p) => p.range.end > p.range.start));
  assert.match(readTestSuite("[]", "json").problems[0].message, /one object/);
});

test("fixtures end to end: passes, failures with the diverging filter, drops, skips for unsimulated filters", async () => {
  const { result } = await runTestFile(join(FIXTURES, "syslog.test.yaml"), host, { now: NOW });
  assert.equal(result.error, undefined);
  assert.deepEqual(result.cases.map((c) => c.status), ["passed", "passed", "passed", "skipped"]);
  assert.match(result.cases[3].message!, /`dns` filter at .*syslog\.conf:21/);

  const broken = (await runTestFile(join(FIXTURES, "broken.test.json"), host, { now: NOW })).result;
  assert.deepEqual(broken.cases.map((c) => c.status), ["passed", "failed", "failed", "failed"]);
  const upper = broken.cases[1];
  assert.equal(upper.events[0].divergence?.field, "[verb]");
  assert.equal(upper.events[0].divergence?.filter, "mutate");
  assert.equal(upper.events[0].divergence?.filterLine, 6);
  assert.match(upper.message!, /`mutate` at line 6/);
  assert.equal(broken.cases[2].events[0].divergence?.filter, "grok");
  assert.match(broken.cases[3].message!, /Expected 1 event\(s\), got 2/);
});

test("a mapped folder sends LFV files of any name to its pipeline", async () => {
  const file = join(FIXTURES, "lfv-suites/web-legacy.json");
  const folders = { "lfv-suites/": "pipelines/web.conf" };
  assert.equal(pipelineForTestFile(file, { folders, root: FIXTURES }, host.kind), join(FIXTURES, "pipelines/web.conf"));
  assert.equal(pipelineForTestFile(file, {}, host.kind), undefined);
  assert.equal(pipelineForTestFile(join(FIXTURES, "app.test.json"), {}, host.kind), join(FIXTURES, "app.conf"));
  const { result } = await runTestFile(file, host, { folders, root: FIXTURES, now: NOW });
  assert.deepEqual(result.cases.map((c) => c.status), ["passed"]);
  const missing = await runTestFile(file, host, { now: NOW });
  assert.match(missing.result.error!, /No pipeline/);
});

test("codecs: json_lines splits lines and expands bracket keys; multiline joins lines across inputs; others are skipped, never passed", async () => {
  const { result } = await runTestFile(join(FIXTURES, "app.test.json"), host, { now: NOW });
  assert.deepEqual(result.cases.map((c) => c.status), ["passed", "passed", "passed"]);
  const folders = { "lfv-suites": "pipelines/web.conf" };
  const multi = await runTestFile(join(FIXTURES, "lfv-suites/web-multiline.yml"), host, { folders, root: FIXTURES, now: NOW });
  assert.equal(multi.result.cases[0].status, "passed", multi.result.cases[0].message);
  const edn = await runTestFile(join(FIXTURES, "lfv-suites/web-edn.json"), host, { folders, root: FIXTURES, now: NOW });
  assert.equal(edn.result.cases[0].status, "skipped");
  assert.match(edn.result.cases[0].message!, /`edn` codec is not simulated/);
  const bad = await runInline("filter {}", 'codec: json_lines\nignore: ["@timestamp"]\ntestcases:\n  - input: ["not json"]\n    expected: [{ message: "not json", tags: [_jsonparsefailure] }]\n');
  assert.equal(bad[0].status, "passed");
});

test("clone: the original first, then each clone with its own trace for the divergence", async () => {
  // ECS mode (Logstash 8 default): a clone is tagged with its name instead of getting it as `type`.
  const pipeline = 'filter { clone { clones => ["copy"] } if "copy" in [tags] { mutate { add_field => { "c" => "1" } } } }';
  const r = await runInline(pipeline, 'ignore: ["@timestamp"]\ntestcases:\n  - input: [x]\n    expected: [{ message: x }, { message: x, tags: [copy], c: "2" }]\n');
  if (r[0].status === "skipped") return; // clone not simulated by this build: nothing to compare
  assert.equal(r[0].status, "failed");
  assert.equal(r[0].events[0].equal, true);
  assert.equal(r[0].events[1].divergence?.field, "[c]");
  assert.equal(r[0].events[1].divergence?.filter, "mutate");
});

test("input_plugin naming no input is skipped with the reason", async () => {
  const r = await runInline("input { stdin { id => in1 } }", "input_plugin: nope\ntestcases:\n  - input: [x]\n    expected: [{ message: x }]\n");
  assert.equal(r[0].status, "skipped");
  assert.match(r[0].message!, /no input with id `nope`/);
});

test("@timestamp: compared unless ignored; json input's timestamp printed with milliseconds", async () => {
  const notIgnored = await runInline("filter {}", "testcases:\n  - input: [x]\n    expected: [{ message: x }]\n");
  assert.equal(notIgnored[0].status, "failed");
  assert.match(notIgnored[0].message!, /\[@timestamp\]/);
  const fromJson = await runInline("filter {}", 'codec: json_lines\ntestcases:\n  - input: [\'{"@timestamp": "2015-10-06T20:55:29Z", "a": 1}\']\n    expected: [{ "@timestamp": "2015-10-06T20:55:29.000Z", a: 1 }]\n');
  assert.equal(fromJson[0].status, "passed");
});

test("@metadata is compared only when exported; LFV's own __lfv_/__tmp_ keys never", async () => {
  const pipeline = 'filter { mutate { add_field => { "[@metadata][k]" => "v" "[@metadata][__tmp_x]" => "y" } } }';
  const hidden = await runInline(pipeline, 'ignore: ["@timestamp"]\ntestcases:\n  - input: [x]\n    expected: [{ message: x }]\n');
  assert.equal(hidden[0].status, "passed");
  const exported = await runInline(pipeline, 'export_metadata: true\nignore: ["@timestamp"]\ntestcases:\n  - input: [x]\n    expected: [{ message: x }]\n');
  assert.equal(exported[0].status, "failed");
  assert.match(exported[0].actualText, /"k": "v"/);
  assert.doesNotMatch(exported[0].actualText, /__tmp_x/);
});

test("ignore removes nested fields and empty parents from the actual event only", () => {
  const out = normalizeActual({ a: { b: 1 }, c: { d: 1, e: 2 }, "@version": "1" }, { ignore: ["[a][b]", "[c][d]", "@version"], dropEmptyTags: false });
  assert.deepEqual(out, { c: { e: 2 } });
  assert.deepEqual(expandBrackets({ "[x][y]": 1, "[x][z]": { "[p][q]": 2 } }), { x: { y: 1, z: { p: { q: 2 } } } });
});

test("event order and count: a swapped order fails, as LFV compares event i with expected i", async () => {
  const r = await runInline("filter {}", 'ignore: ["@timestamp"]\ntestcases:\n  - input: [a, b]\n    expected: [{ message: b }, { message: a }]\n');
  assert.equal(r[0].status, "failed");
  assert.equal(r[0].events.filter((e) => !e.equal).length, 2);
});

test("line diff marks expected-only and actual-only lines; JUnit escapes and counts", async () => {
  assert.deepEqual(lineDiff("a\nb\nc", "a\nx\nc"), ["  a", "- b", "+ x", "  c"]);
  const { result } = await runTestFile(join(FIXTURES, "broken.test.json"), host, { now: NOW });
  const xml = formatJUnit([result]);
  assert.match(xml, /<testsuites name="logsmith" tests="4" failures="3" errors="0" skipped="0"/);
  assert.match(xml, /<failure message="Event 1 differs[^"]*`mutate` at line 6/);
  assert.doesNotMatch(xml.replace(/<\?xml[^>]*>/, ""), /<(?!\/?(testsuites|testsuite|testcase|failure|skipped|error)\b)/);
});

test("saving sample lines appends a case whose expected is the current output, and it passes", async () => {
  const pipeline = compilePipeline("broken.conf", [{ path: "broken.conf", text: readFileSync(join(FIXTURES, "broken.conf"), "utf8") }]);
  const now = new Date("2024-01-01T00:00:00.000Z");
  const fresh = await saveTestCase({ pipeline, lines: ["GET /x"], kind: "yaml", now });
  const read = readTestSuite(fresh.text, "yaml");
  assert.deepEqual(read.problems, []);
  assert.ok(read.suite!.ignore.includes("@timestamp"), "the run's clock is ignored, not saved");
  assert.deepEqual(read.suite!.cases[0].expected, [{ message: "GET /x", verb: "get", path: "/x" }]);
  const commented = "# my suite\n" + fresh.text;
  const second = await saveTestCase({ pipeline, lines: ["PUT /y"], kind: "yaml", existing: commented, description: "put", now });
  assert.equal(second.index, 1);
  assert.match(second.text, /^# my suite/);
  const again = readTestSuite(second.text, "yaml").suite!;
  assert.deepEqual(again.cases.map((c) => c.name), ["saved sample 1", "put"]);
  const results = await runTestSuite(again, pipeline);
  assert.deepEqual(results.map((r) => r.status), ["passed", "passed"]);
  const json = await saveTestCase({ pipeline, lines: ["GET /z"], kind: "json", existing: readFileSync(join(FIXTURES, "broken.test.json"), "utf8"), now });
  assert.equal(JSON.parse(json.text).testcases.length, 5);
});
