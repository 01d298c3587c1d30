import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig } from "../../server/src/core/parse";
import { buildPipelineMap, layoutPipelineMap, pathsOverlap, type PipelineMap } from "../../server/src/core/pipelineMap";
import type { IndexedPipeline } from "../../server/src/core/workspace";
import type { Issue } from "../../server/src/core/issue";

function pipeline(id: string, ...files: [string, string][]): IndexedPipeline {
  return { id, declaredIn: "/ws/pipelines.yml", files: files.map(([path, text]) => ({ path, parse: parseConfig(text) })) };
}

const COLLECTOR = `input { file { id => "apache_access" path => "/var/log/httpd/access_log" } }
filter { geoip { source => "clientip" } }
output { redis { key => "logstash" data_type => "list" } }`;
const INDEXER = `input { redis { key => "logstash" data_type => "list" } }
filter {
  if [type] == "apache" { mutate { add_tag => ["a"] } }
  else if [type] == "tomcat" { grok { id => "tc" match => { "message" => "%{WORD:w}" } } }
  date { match => ["ts", "ISO8601"] }
}
output {
  if "a" in [tags] { pipeline { send_to => ["web"] } }
  elasticsearch { index => "all-%{+YYYY}" }
}`;
const WEB = `input { pipeline { address => "web" } }
output { stdout {} }`;

function labelOf(map: PipelineMap, id: string): string {
  return map.nodes.find((n) => n.id === id)?.label ?? id;
}
function edgesOf(map: PipelineMap): string[] {
  return map.edges.map((e) => `${labelOf(map, e.from)} -> ${labelOf(map, e.to)}${e.label ? ` [${e.label}]` : ""}`);
}

test("endpoints link pipelines: a Redis key written by one is read by the other; send_to reaches the address", () => {
  const map = buildPipelineMap({ pipelines: [pipeline("collector", ["/ws/c.conf", COLLECTOR]), pipeline("indexer", ["/ws/i.conf", INDEXER]), pipeline("web", ["/ws/w.conf", WEB])] });
  const edges = edgesOf(map);
  for (const e of [
    "/var/log/httpd/access_log -> apache_access",
    "apache_access -> geoip",
    "geoip -> redis",
    "redis -> logstash",
    "logstash -> redis",
    "web -> pipeline",
    "pipeline -> web",
    "all-%{+YYYY} -> elasticsearch".split(" -> ").reverse().join(" -> "),
  ]) {
    assert.ok(edges.includes(e), `missing ${e} in\n${edges.join("\n")}`);
  }
  // The one Redis endpoint node is shared.
  assert.equal(map.nodes.filter((n) => n.kind === "endpoint" && n.label === "logstash").length, 1);
  assert.deepEqual(map.groups.map((g) => g.id), ["collector", "indexer", "web"]);
});

test("conditionals become branch nodes with labelled clauses that join again; plugin ids label nodes", () => {
  const map = buildPipelineMap({ pipelines: [pipeline("indexer", ["/ws/i.conf", INDEXER])] });
  const edges = edgesOf(map);
  assert.ok(edges.includes('[type] == "apache" -> mutate [[type] == "apache"]'), edges.join("\n"));
  assert.ok(edges.includes('[type] == "apache" -> tc [[type] == "tomcat"]'));
  // Both clauses and the implicit else reach the date filter.
  assert.ok(edges.includes("mutate -> date"));
  assert.ok(edges.includes("tc -> date"));
  assert.ok(edges.includes('[type] == "apache" -> date [else]'));
  const tc = map.nodes.find((n) => n.label === "tc")!;
  assert.equal(tc.detail, "grok");
  assert.equal(tc.kind, "filter");
  // Outputs: a conditional output and an unconditional one both hang off the last filter.
  assert.ok(edges.includes('date -> "a" in [tags]'));
  assert.ok(edges.includes("date -> elasticsearch"));
  assert.ok(edges.includes('"a" in [tags] -> pipeline ["a" in [tags]]'));
});

test("filters chain across a pipeline's files in order; ranges point at the plugin name in its file", () => {
  const map = buildPipelineMap({ pipelines: [pipeline("p", ["/ws/10.conf", "input { stdin {} }"], ["/ws/20.conf", "filter { mutate {} }"], ["/ws/30.conf", "filter { json { source => m } } output { stdout {} }"])] });
  assert.deepEqual(edgesOf(map).filter((e) => !e.includes("stdout ->")), ["stdin -> mutate", "mutate -> json", "json -> stdout"]);
  const json = map.nodes.find((n) => n.label === "json")!;
  assert.equal(json.path, "/ws/30.conf");
  assert.equal("filter { json { source => m } } output { stdout {} }".slice(json.range!.start, json.range!.end), "json");
});

test("problem badges count the diagnostics inside each node", () => {
  const text = "filter {\n  mutate { bogus => 1 }\n  json { source => m }\n}";
  const issues: Issue[] = [{ code: "option-unknown", severity: "error", message: "x", range: { start: text.indexOf("bogus"), end: text.indexOf("bogus") + 5 } }];
  const map = buildPipelineMap({ pipelines: [pipeline("p", ["/ws/a.conf", text])], issuesFor: (p) => (p === "/ws/a.conf" ? issues : []) });
  assert.deepEqual(map.nodes.find((n) => n.label === "mutate")?.problems, { errors: 1, warnings: 0 });
  assert.deepEqual(map.nodes.find((n) => n.label === "json")?.problems, { errors: 0, warnings: 0 });
});

test("log writers attach to the file endpoints that read their files", () => {
  const map = buildPipelineMap({
    pipelines: [pipeline("c", ["/ws/c.conf", COLLECTOR])],
    logWriters: [{ path: "/var/log/httpd/access_*", label: "combined", hostPath: "/ws/httpd.conf", range: { start: 3, end: 9 } }, { path: "/elsewhere.log", label: "other", hostPath: "/ws/h2.conf", range: { start: 0, end: 1 } }],
  });
  assert.ok(edgesOf(map).includes("combined -> /var/log/httpd/access_log"));
  assert.ok(!map.nodes.some((n) => n.label === "other"));
});

test("a relative producer path names the tail of the input's path; globs on both sides", () => {
  assert.ok(pathsOverlap("/etc/httpd/logs/jsonaccess_log", "logs/jsonaccess_log"));
  assert.ok(pathsOverlap("/opt/tomcat/logs/localhost_access_log.*.txt", "logs/localhost_access_log.*.txt"));
  assert.ok(pathsOverlap("/var/log/app/*.log", "/var/log/app/server.log"));
  assert.ok(!pathsOverlap("/etc/httpd/logs/jsonaccess_log", "logs/error_log"));
  assert.ok(!pathsOverlap("/var/log/app/*.log", "/var/log/other/server.log"));
});

test("layout: edges go left to right, pipeline frames do not overlap, cycles are tolerated", () => {
  const map = buildPipelineMap({ pipelines: [pipeline("collector", ["/ws/c.conf", COLLECTOR]), pipeline("indexer", ["/ws/i.conf", INDEXER]), pipeline("web", ["/ws/w.conf", WEB])] });
  const laid = layoutPipelineMap(map);
  const box = new Map(laid.nodes.map((n) => [n.id, n]));
  for (const e of laid.edges) assert.ok(box.get(e.from)!.x < box.get(e.to)!.x, `${labelOf(map, e.from)} -> ${labelOf(map, e.to)}`);
  for (let i = 0; i < laid.groups.length; i++) {
    for (let j = i + 1; j < laid.groups.length; j++) {
      const a = laid.groups[i];
      const b = laid.groups[j];
      assert.ok(a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.id} overlaps ${b.id}`);
    }
  }
  for (const g of laid.groups) {
    for (const id of map.groups.find((x) => x.id === g.id)!.nodeIds) {
      const n = box.get(id)!;
      assert.ok(n.x >= g.x && n.x + n.width <= g.x + g.width && n.y >= g.y && n.y + n.height <= g.y + g.height, `${id} outside ${g.id}`);
    }
  }
  const cyclic = buildPipelineMap({ pipelines: [pipeline("loop", ["/ws/l.conf", 'input { pipeline { address => "x" } } output { pipeline { send_to => ["x"] } }'])] });
  const laidCycle = layoutPipelineMap(cyclic);
  assert.equal(laidCycle.nodes.length, cyclic.nodes.length);
  assert.ok(laidCycle.width > 0 && laidCycle.height > 0);
});

test("layout: what feeds a pipeline sits just before its band, what it feeds just after", () => {
  const map = buildPipelineMap({
    pipelines: [pipeline("collector", ["/ws/c.conf", COLLECTOR]), pipeline("indexer", ["/ws/i.conf", INDEXER])],
    logWriters: [{ path: "httpd/access_log", label: "combined", hostPath: "/ws/httpd.conf", range: { start: 0, end: 1 } }],
  });
  const laid = layoutPipelineMap(map);
  const y = (label: string) => laid.nodes.find((n) => labelOf(map, n.id) === label)!.y;
  const group = (id: string) => laid.groups.find((g) => g.id === id)!;
  assert.ok(y("combined") < y("/var/log/httpd/access_log"), "the log format above the file it writes");
  assert.ok(y("/var/log/httpd/access_log") < group("collector").y, "the file above the pipeline reading it");
  assert.ok(group("collector").y + group("collector").height <= y("logstash"), "the Redis key below its writer");
  assert.ok(y("logstash") < group("indexer").y, "…and above its reader");
});
