// The input side: codecs of a file/stdin input, after logstash-codec-json, -json_lines, -plain and
// -multiline (spec/codecs/multiline_spec.rb cases named below).
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig } from "../../server/src/core/parse";
import { simulateInputLines, simulatePipeline } from "../../server/src/core/simulate";
import { NOW } from "./simulate-helpers";

async function lines(input: string, text: string[], filter = "", ecs?: "disabled" | "v8") {
  const parsed = parseConfig(`input { ${input} }\nfilter { ${filter} }\n`);
  assert.deepEqual(parsed.issues.filter((i) => i.severity === "error"), []);
  return simulateInputLines(parsed, text, { now: NOW, timezone: "UTC", ecsCompatibility: ecs });
}

const strip = (e: Record<string, unknown>) => {
  const { "@timestamp": _t, "@version": _v, ...rest } = e;
  return rest;
};

test("json codec: objects become events, arrays several, invalid JSON keeps the line tagged; event.original in ECS only", async () => {
  const r = await lines('file { path => "/x" codec => json }', ['{"a":1}', '[{"b":2},{"c":3}]', "not json", "", "42"]);
  assert.deepEqual(r.events.map(strip), [
    { a: 1, event: { original: '{"a":1}' } },
    { b: 2 },
    { c: 3 },
    { message: "not json", tags: ["_jsonparsefailure"] },
    { message: "", tags: ["_jsonparsefailure"] },
    { message: "42", tags: ["_jsonparsefailure"] },
  ]);
  assert.deepEqual(r.input, { plugin: "file", codec: "json", events: 6 });
  const legacy = await lines('file { path => "/x" codec => json { target => "doc" } }', ['{"a":1}'], "", "disabled");
  assert.deepEqual(legacy.events.map(strip), [{ doc: { a: 1 } }]);
});

test("json_lines keeps no event.original; plain/line keep the line as message (event.original in ECS)", async () => {
  assert.deepEqual((await lines('stdin { codec => json_lines }', ['{"a":1}'])).events.map(strip), [{ a: 1 }]);
  assert.deepEqual((await lines('file { path => "/x" }', ["hello"])).events.map(strip), [{ message: "hello", event: { original: "hello" } }]);
  assert.deepEqual((await lines("stdin { }", ["hello"], "", "disabled")).events.map(strip), [{ message: "hello" }]);
  const none = await lines('beats { port => 5044 }', ["hello"]);
  assert.deepEqual(none.events.map(strip), [{ message: "hello" }]);
  assert.equal(none.input.plugin, undefined);
});

test("input decorations: type unless set, tags, add_field", async () => {
  const r = await lines('file { path => "/x" codec => json type => "apache" tags => ["in"] add_field => { "src" => "%{host}" } }', ['{"host":"web1"}', '{"type":"own"}'], "", "disabled");
  assert.deepEqual(r.events.map(strip), [
    { host: "web1", type: "apache", tags: ["in"], src: "web1" },
    { type: "own", tags: ["in"], src: "%{host}" },
  ]);
});

test("multiline previous: indented lines join the line before; the pending event is flushed at the end ('additional lines space-indented', 'sets event.original in ECS mode')", async () => {
  const r = await lines('file { path => "/x" codec => multiline { pattern => "^\\s" what => "previous" } }', ["first", "  second", "  third", "another"]);
  assert.deepEqual(r.events.map(strip), [
    { message: "first\n  second\n  third", event: { original: "first\n  second\n  third" }, tags: ["multiline"] },
    { message: "another", event: { original: "another" } },
  ]);
});

test("multiline: grok patterns with negate, custom tag, what => next, max_lines ('grok patterns', 'custom tag', 'max_lines')", async () => {
  const grok = await lines('file { path => "/x" codec => multiline { pattern => "^%{NUMBER} %{TIME}" negate => true what => "previous" multiline_tag => "joined" } }', ["120913 12:04:33 first", "second", "third", "120913 12:04:34 next"], "", "disabled");
  assert.deepEqual(grok.events.map(strip), [{ message: "120913 12:04:33 first\nsecond\nthird", tags: ["joined"] }, { message: "120913 12:04:34 next" }]);
  const next = await lines('file { path => "/x" codec => multiline { pattern => "\\\\$" what => "next" } }', ["a \\", "b \\", "c", "d"], "", "disabled");
  assert.deepEqual(next.events.map((e) => e.message), ["a \\\nb \\\nc", "d"]);
  const capped = await lines('file { path => "/x" codec => multiline { pattern => "^x" what => "previous" max_lines => 2 } }', ["h", "x1", "x2", "x3", "x4"], "", "disabled");
  assert.deepEqual(capped.events.map((e) => [e.message, e.tags]), [
    ["h\nx1\nx2", ["multiline", "multiline_codec_max_lines_reached"]],
    ["x3\nx4", ["multiline"]],
  ]);
});

test("a multiline codec without pattern/what falls back to plain lines and says why; the event-array entry still works", async () => {
  const r = await lines('file { path => "/x" codec => multiline { } }', ["a", "b"], "", "disabled");
  assert.equal(r.events.length, 2);
  assert.match(r.input.error ?? "", /needs `pattern` and `what`/);
  const direct = await simulatePipeline(parseConfig('filter { mutate { add_tag => ["t"] } }'), [{ message: "x" }], { now: NOW });
  assert.deepEqual(direct.events.map(strip), [{ message: "x", tags: ["t"] }]);
});

test("decoded events run through the filters", async () => {
  const r = await lines('file { path => "/x" codec => multiline { pattern => "^\\s" what => "previous" } }', ["ERROR boom", "  at a", "INFO ok"], 'grok { match => { "message" => "^%{WORD:level}" } } if [level] == "INFO" { drop { } }', "disabled");
  assert.deepEqual(r.events.map((e) => [e.level, e.tags]), [["ERROR", ["multiline"]]]);
});
