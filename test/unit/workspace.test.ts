import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { parseConfig, type ParseResult } from "../../server/src/core/parse";
import { analyzePipelinesYml } from "../../server/src/core/pipelinesYml";
import { groupPipelines, looksLikePipeline, PipelineIndex, simulateFlow } from "../../server/src/core/workspace";

const ROOT = fileURLToPath(new URL("../../test-fixtures/multi-pipeline", import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Builds the index as the server does, with `overrides` replacing file contents (absolute paths). */
function fixtureIndex(overrides: Record<string, string> = {}, ymlText?: string): PipelineIndex {
  const files = listFiles(ROOT);
  const read = (p: string) => overrides[p] ?? readFileSync(p, "utf8");
  const ymlPath = join(ROOT, "config/pipelines.yml");
  const analysis = analyzePipelinesYml(ymlText ?? read(ymlPath), { path: ymlPath, roots: [ROOT], files });
  const parses = new Map<string, ParseResult>();
  return new PipelineIndex(
    groupPipelines({
      ymls: [{ path: ymlPath, analysis }],
      configFiles: files.filter((f) => f.endsWith(".conf") && looksLikePipeline(read(f))),
      parse: (p) => {
        if (!parses.has(p)) parses.set(p, parseConfig(read(p)));
        return parses.get(p);
      },
    }),
  );
}

test("the fixture's pipelines.yml groups the indexer directory into one pipeline and links cleanly", () => {
  const index = fixtureIndex();
  assert.deepEqual(index.pipelines.map((p) => p.id), ["collector-apache", "collector-tomcat", "indexer", "apache-es", "tomcat-es"]);
  assert.deepEqual(index.pipeline("indexer")?.files.map((f) => f.path.slice(ROOT.length)), ["/conf.d/indexer/10-input.conf", "/conf.d/indexer/20-route.conf"]);
  for (const p of index.pipelines) for (const f of p.files) assert.deepEqual(index.issuesFor(f.path), [], f.path);
  assert.deepEqual(index.listenersOf("apache").map((l) => l.pipeline), ["apache-es"]);
  assert.deepEqual(index.sendersTo("tomcat").map((s) => s.pipeline), ["indexer"]);
});

test("send_to an address nobody listens on is an error at the address", () => {
  const route = join(ROOT, "conf.d/indexer/20-route.conf");
  const text = readFileSync(route, "utf8").replace('send_to => ["tomcat"]', 'send_to => ["tomcat", "catalina"]');
  const issues = fixtureIndex({ [route]: text }).issuesFor(route);
  assert.deepEqual(issues.map((i) => [i.code, text.slice(i.range.start, i.range.end)]), [["pipeline-address-unknown", '"catalina"']]);
});

test("an address claimed by two pipelines is an error in both", () => {
  const tomcat = join(ROOT, "conf.d/tomcat-es.conf");
  const apache = join(ROOT, "conf.d/apache-es.conf");
  const index = fixtureIndex({ [tomcat]: readFileSync(tomcat, "utf8").replace('address => "tomcat"', 'address => "apache"') });
  assert.deepEqual(index.issuesFor(tomcat).map((i) => i.code), ["pipeline-address-duplicate"]);
  assert.match(index.issuesFor(apache)[0]?.message ?? "", /tomcat-es/);
  // …and the indexer's tomcat route now goes nowhere.
  assert.deepEqual(index.issuesFor(join(ROOT, "conf.d/indexer/20-route.conf")).map((i) => i.code), ["pipeline-address-unknown"]);
});

test("linkAt finds the address under the cursor on both ends", () => {
  const index = fixtureIndex();
  const route = join(ROOT, "conf.d/indexer/20-route.conf");
  const text = readFileSync(route, "utf8");
  const at = index.linkAt(route, text.indexOf('"apache"]') + 2);
  assert.equal(at?.kind, "send");
  assert.equal(at?.ref.address, "apache");
  const apache = join(ROOT, "conf.d/apache-es.conf");
  const listen = index.linkAt(apache, readFileSync(apache, "utf8").indexOf('"apache"') + 1);
  assert.equal(listen?.kind, "listen");
  assert.equal(index.linkAt(apache, 0), undefined);
});

test("config.string pipelines take part, their ranges pointing into pipelines.yml", () => {
  const yml = `- pipeline.id: inline
  config.string: "input { pipeline { address => 'side' } } output { pipeline { send_to => ['apache', 'void'] } }"
- pipeline.id: apache-es
  path.config: "/etc/logstash/conf.d/apache-es.conf"
`;
  const index = fixtureIndex({}, yml);
  const ymlPath = join(ROOT, "config/pipelines.yml");
  const issues = index.issuesFor(ymlPath);
  assert.deepEqual(issues.map((i) => [i.code, yml.slice(i.range.start, i.range.end)]), [["pipeline-address-unknown", "'void'"]]);
  assert.equal(index.sendersTo("apache")[0]?.path, ymlPath);
});

test("events flow from the indexer through its routes into the per-type pipelines, @metadata included", async () => {
  const index = fixtureIndex();
  const flow = await simulateFlow(index, "indexer", [{ type: "apache", message: "a" }, { type: "tomcat", message: "t" }], { now: new Date("2026-01-01T00:00:00Z") });
  assert.deepEqual(flow.stages.map((s) => [s.pipeline, s.from?.address, s.input.length]), [
    ["indexer", undefined, 2],
    ["apache-es", "apache", 1],
    ["tomcat-es", "tomcat", 1],
  ]);
  const apache = flow.stages[1].output[0];
  assert.equal(apache.message, "a");
  assert.deepEqual(apache.tags, ["web"]);
  // Set in the indexer's @metadata, read by apache-es's filter.
  assert.equal(apache.route, "apache");
  assert.deepEqual(flow.undelivered, []);
  assert.equal(flow.truncated, false);
});

test("flow reports addresses with no listener and stops on cycles", async () => {
  const route = join(ROOT, "conf.d/indexer/20-route.conf");
  const text = readFileSync(route, "utf8").replace('send_to => ["tomcat"]', 'send_to => ["nowhere"]');
  const flow = await simulateFlow(fixtureIndex({ [route]: text }), "indexer", [{ type: "tomcat" }]);
  assert.deepEqual(flow.undelivered, [{ pipeline: "indexer", address: "nowhere", events: 1 }]);
  const apache = join(ROOT, "conf.d/apache-es.conf");
  const loop = readFileSync(apache, "utf8").replace(/output \{[\s\S]*$/, 'output { pipeline { send_to => ["apache"] } }\n');
  const cyclic = await simulateFlow(fixtureIndex({ [apache]: loop }), "apache-es", [{ message: "x" }], { maxStages: 3 });
  assert.equal(cyclic.stages.length, 3);
  assert.equal(cyclic.truncated, true);
});

test("each pipeline runs with its own pipeline.ecs_compatibility from pipelines.yml", async () => {
  const apache = join(ROOT, "conf.d/apache-es.conf");
  const tomcat = join(ROOT, "conf.d/tomcat-es.conf");
  const grok = 'filter { grok { match => { "message" => "%{COMMONAPACHELOG}" } } }\n';
  const index = fixtureIndex({ [apache]: readFileSync(apache, "utf8") + grok, [tomcat]: readFileSync(tomcat, "utf8") + grok });
  assert.equal(index.pipeline("apache-es")?.ecsCompatibility, "disabled");
  assert.equal(index.pipeline("tomcat-es")?.ecsCompatibility, undefined);
  const line = '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a.gif HTTP/1.0" 200 2326';
  const flow = await simulateFlow(index, "indexer", [{ type: "apache", message: line }, { type: "tomcat", message: line }], { ecsCompatibility: "v8" });
  const out = (id: string) => flow.stages.find((s) => s.pipeline === id)!.output[0];
  // Legacy field names where pipelines.yml turns ECS off, ECS names elsewhere.
  assert.equal(out("apache-es").clientip, "127.0.0.1");
  assert.equal((out("tomcat-es").source as { address?: string } | undefined)?.address, "127.0.0.1");
});
