import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { readPatternsPath } from "../../server/src/core/grok/patternFiles";
import { parseConfig } from "../../server/src/core/parse";
import { runTestFile, type TestHost } from "../../server/src/core/pipelineTest";
import { simulatePipeline, type FilterStep, type SimulationResult } from "../../server/src/core/simulate";
import { validateText } from "../../server/src/core/validate";
import { readdirSync, readFileSync, statSync } from "node:fs";

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "logsmith-patterns-"));
  mkdirSync(join(dir, "custom"));
  writeFileSync(join(dir, "custom", "a-ticket"), "# ticket numbers\nTICKET T-%{INT}\n");
  // A later file wins, as the grok filter loads them in name order.
  writeFileSync(join(dir, "custom", "b-override"), "TICKET TK-%{INT}\n");
  writeFileSync(join(dir, "custom", ".hidden"), "HIDDEN x\n");
  mkdirSync(join(dir, "pipe", "patterns"), { recursive: true });
  writeFileSync(join(dir, "pipe", "patterns", "orders.grok"), "ORDER ORD-%{INT}\n");
  writeFileSync(join(dir, "pipe", "patterns", "ignored.txt"), "ORDER NOPE\n");
});
after(() => rmSync(dir, { recursive: true, force: true }));

const GROK_TICKET = `filter { grok { match => { "message" => "%{TICKET:ticket}" } } }`;
const GROK_ORDER = `filter { grok { patterns_dir => ["./patterns"] patterns_files_glob => "*.grok" match => { "message" => "%{ORDER:order}" } } }`;
const grokStep = (r: SimulationResult): FilterStep | undefined => r.steps[0].steps.find((s): s is FilterStep => s.kind === "filter" && s.filter === "grok");

test("readPatternsPath: a directory's files in name order, dotfiles left out; relative to a base", () => {
  assert.deepEqual(readPatternsPath("custom", dir).map((f) => f.file), ["a-ticket", "b-override"]);
  assert.deepEqual(readPatternsPath(join(dir, "custom", "a-ticket")).map((f) => f.file), ["a-ticket"]);
  assert.throws(() => readPatternsPath("missing", dir));
});

test("validation: a patternsPath pattern is not unknown; without it, it is", () => {
  const without = validateText(GROK_TICKET).issues.filter((i) => i.code === "grok-unknown-pattern");
  assert.equal(without.length, 1);
  const grokPatterns = readPatternsPath(join(dir, "custom")).map((f) => f.text);
  assert.deepEqual(validateText(GROK_TICKET, { grokPatterns }).issues.filter((i) => i.code.startsWith("grok-")), []);
});

test("simulator: grok uses the patternsPath texts (the later file wins)", async () => {
  const grokPatterns = readPatternsPath(join(dir, "custom")).map((f) => f.text);
  const parse = parseConfig(GROK_TICKET);
  const r = await simulatePipeline(parse, [{ message: "TK-42" }], { grokPatterns });
  assert.equal(grokStep(r)?.status, "applied");
  assert.equal(r.events[0].ticket, "TK-42");
  // The same parse without the setting: the compiled filter is not reused, TICKET is unknown.
  const bare = await simulatePipeline(parse, [{ message: "TK-42" }]);
  assert.equal(bare.events[0].ticket, undefined);
  assert.notEqual(grokStep(bare)?.status, "applied");
});

test("simulator: patterns_dir resolves against the pipeline's folder and honours patterns_files_glob", async () => {
  const r = await simulatePipeline(parseConfig(GROK_ORDER), [{ message: "ORD-7" }], { baseDir: join(dir, "pipe") });
  const step = grokStep(r);
  assert.equal(step?.status, "applied", JSON.stringify(step));
  assert.equal(r.events[0].order, "ORD-7");
  const refused = await simulatePipeline(parseConfig(GROK_ORDER), [{ message: "ORD-7" }], { baseDir: join(dir, "pipe"), readPatternsDir: false });
  const skipped = grokStep(refused);
  assert.equal(skipped?.status, "skipped");
  assert.equal(refused.events[0].order, undefined);
  const missing = await simulatePipeline(parseConfig(GROK_ORDER), [{ message: "ORD-7" }], { baseDir: dir });
  const m = grokStep(missing);
  assert.match(m?.detail ?? "", /patterns_dir/);
});

test("pipeline tests: patterns_dir is relative to the pipeline's folder, patternsPath comes through the options", async () => {
  const pipeline = `filter {
  grok { patterns_dir => ["patterns"] patterns_files_glob => "*.grok" match => { "message" => "^%{ORDER:order}" } }
  grok { match => { "message" => "%{TICKET:ticket}$" } }
}
`;
  writeFileSync(join(dir, "pipe", "orders.conf"), pipeline);
  writeFileSync(join(dir, "pipe", "orders.test.yaml"), `ignore: ["@timestamp"]\ntestcases:\n  - input: ["ORD-7 TK-9"]\n    expected:\n      - { message: ORD-7 TK-9, order: ORD-7, ticket: TK-9 }\n`);
  const host: TestHost = {
    readFile: (p) => readFileSync(p, "utf8"),
    kind: (p) => {
      try {
        return statSync(p).isDirectory() ? "directory" : "file";
      } catch {
        return undefined;
      }
    },
    readDir: (p) => readdirSync(p),
  };
  const grokPatterns = readPatternsPath(join(dir, "custom")).map((f) => f.text);
  const { result } = await runTestFile(join(dir, "pipe", "orders.test.yaml"), host, { simulate: { grokPatterns } });
  assert.equal(result.error, undefined);
  assert.equal(result.cases[0].status, "passed", result.cases[0].message ?? result.cases[0].actualText);
  const without = await runTestFile(join(dir, "pipe", "orders.test.yaml"), host);
  assert.notEqual(without.result.cases[0].status, "passed");
  assert.doesNotMatch(without.result.cases[0].actualText, /"ticket"/);
});
