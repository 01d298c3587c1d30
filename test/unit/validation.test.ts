import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { validateText, type ValidationOptions } from "../../server/src/core/validate";

interface Case {
  code: string;
  /** Must produce `code`; the caret-free text between `«` and `»` is where it must point. */
  bad: string;
  /** The corrected pipeline: must not produce `code`. */
  good: string;
  options?: ValidationOptions;
  /** Options for the corrected pipeline, when the fix is a different Logstash version. */
  goodOptions?: ValidationOptions;
}

const cases: Case[] = [
  { code: "plugin-misspelled", bad: "filter { «grokk» {} }", good: "filter { grok {} }" },
  { code: "plugin-unknown", bad: "filter { «my_company_enricher» {} }", good: "filter { mutate {} }" },
  { code: "plugin-wrong-section", bad: "input { «grok» {} }", good: "filter { grok {} }" },
  { code: "option-unknown", bad: 'input { file { path => "/x" «pathh» => "/y" } }', good: 'input { file { path => "/x" } }' },
  { code: "option-required", bad: "input { «file» { } }", good: 'input { file { path => "/x" } }' },
  { code: "option-required", bad: "filter { «clone» { } }", good: "filter { clone { } }", goodOptions: { logstashVersion: "6.5" } },
  { code: "option-type", bad: 'filter { drop { percentage => «"abc"» } }', good: 'filter { drop { percentage => "50" } }' },
  { code: "option-type", bad: "filter { mutate { add_field => «[\"a\"]» } }", good: 'filter { mutate { add_field => ["a", "b"] } }' },
  { code: "option-type", bad: 'filter { grok { break_on_match => «"yes"» } }', good: "filter { grok { break_on_match => false } }" },
  { code: "option-type", bad: 'filter { mutate { id => «["a", "b"]» } }', good: 'filter { mutate { id => ["a"] } }' },
  { code: "option-value", bad: 'input { redis { key => "k" data_type => «"lists"» } }', good: 'input { redis { key => "k" data_type => "list" } }' },
  { code: "option-duplicate", bad: 'filter { mutate { id => "a" «id» => "b" } }', good: 'filter { mutate { add_tag => ["a"] } }' },
  {
    code: "option-obsolete",
    bad: 'output { elasticsearch { «ssl» => true } }',
    good: "output { elasticsearch { ssl_enabled => true } }",
  },
  {
    code: "option-deprecated",
    bad: 'output { elasticsearch { «ssl» => true } }',
    good: "output { elasticsearch { ssl_enabled => true } }",
    options: { logstashVersion: "8.19" },
  },
  {
    code: "option-removed",
    bad: "output { elasticsearch { «flush_size» => 500 } }",
    good: "output { elasticsearch { flush_size => 500 } }",
    goodOptions: { logstashVersion: "6.5" },
  },
  {
    code: "option-unavailable",
    bad: 'filter { grok { «target» => "t" } }',
    good: 'filter { grok { target => "t" } }',
    options: { logstashVersion: "6.5" },
    goodOptions: { logstashVersion: "9.0" },
  },
  { code: "codec-unknown", bad: "input { stdin { codec => «jsonn» } }", good: "input { stdin { codec => json } }" },
  { code: "field-reference-invalid", bad: 'filter { json { source => "m" target => «"[a]b"» } }', good: 'filter { json { source => "m" target => "[a][b]" } }' },
  { code: "field-reference-sprintf", bad: 'filter { mutate { add_tag => ["«%{[a]b}»"] } }', good: 'filter { mutate { add_tag => ["%{[a][b]}"] } }' },
  { code: "env-no-default", bad: 'output { elasticsearch { hosts => ["«${ES_HOST}»"] } }', good: 'output { elasticsearch { hosts => ["${ES_HOST:localhost}"] } }' },
  { code: "option-uri", bad: 'output { elasticsearch { hosts => [«"http://es:92x0"»] } }', good: 'output { elasticsearch { hosts => ["ELASTICSEARCH_IP:9200"] } }' },
  { code: "es-index-invalid", bad: 'output { elasticsearch { index => «"Logs-%{+YYYY.MM.dd}"» } }', good: 'output { elasticsearch { index => "logs-%{+YYYY.MM.dd}" } }' },
  { code: "date-pattern-invalid", bad: 'filter { date { match => ["ts", «"yyyy-MM-ddTHH:mm"»] } }', good: "filter { date { match => [\"ts\", \"yyyy-MM-dd'T'HH:mm\", \"ISO8601\"] } }" },
  { code: "mutate-shape", bad: 'filter { mutate { gsub => «["a", "b"]» } }', good: 'filter { mutate { gsub => ["a", "b", "c"] } }' },
  { code: "mutate-convert-type", bad: 'filter { mutate { convert => { "a" => «"int"» } } }', good: 'filter { mutate { convert => { "a" => "integer" } } }' },
  {
    code: "grok-unknown-pattern",
    bad: 'filter { grok { match => { "message" => "%{«COMBINEDAPACHLOG»}" } } }',
    good: 'filter { grok { match => { "message" => "%{COMBINEDAPACHELOG}" } } }',
  },
  {
    code: "grok-unknown-pattern",
    bad: 'filter { grok { match => { "message" => "%{«MYNUM»:n}" } } }',
    good: 'filter { grok { pattern_definitions => { "MYNUM" => "\\d+" } match => { "message" => "%{MYNUM:n}" } } }',
  },
  { code: "grok-invalid-regex", bad: 'filter { grok { match => ["message", "%{WORD:w} «(»unclosed"] } }', good: 'filter { grok { match => ["message", "%{WORD:w} \\(unclosed"] } }' },
  { code: "condition-regex-invalid", bad: "filter { if [a] =~ «/a(b/» { drop {} } }", good: "filter { if [a] =~ /a\\(b/ { drop {} } }" },
];

function strip(marked: string): { text: string; start: number; end: number } {
  const start = marked.indexOf("«");
  const end = marked.indexOf("»") - 1;
  return { text: marked.replace("«", "").replace("»", ""), start, end };
}

describe("every diagnostic code fires where it should and not on the fix", () => {
  for (const c of cases) {
    test(`${c.code}: ${c.bad}${c.options ? " " + JSON.stringify(c.options) : ""}`, () => {
      const { text, start, end } = strip(c.bad);
      const { issues } = validateText(text, c.options);
      const hit = issues.find((i) => i.code === c.code);
      assert.ok(hit, `expected ${c.code} in ${JSON.stringify(issues.map((i) => [i.code, i.message]))}`);
      assert.deepEqual([hit.range.start, hit.range.end], [start, end], `range of ${hit.message}`);
      const fixed = validateText(c.good, c.goodOptions ?? c.options).issues.filter((i) => i.code === c.code);
      assert.deepEqual(fixed, [], "the corrected pipeline is clean of this code");
    });
  }
});

test("a community plugin listed in logsmith.plugins.installed is not reported", () => {
  const text = "filter { my_company_enricher { anything => 1 } }";
  assert.ok(validateText(text).issues.some((i) => i.code === "plugin-unknown"));
  assert.deepEqual(validateText(text, { installedPlugins: ["my_company_enricher"] }).issues, []);
});

test("the field notes' pipelines are clean for 6.5 and flag what 9.x refuses", () => {
  const shipper = 'input { redis { host => "REDIS_IP" port => "6379" codec => "json" data_type => "list" key => "logstash" } }\noutput { elasticsearch { hosts => "ELASTICSEARCH_IP:9200" } }';
  assert.deepEqual(validateText(shipper, { logstashVersion: "6.5" }).issues.filter((i) => i.severity === "error"), []);
  assert.deepEqual(validateText(shipper).issues.filter((i) => i.severity === "error"), []);
});

test("Logstash's coercions are accepted: numbers as strings, single values as lists, even arrays as hashes", () => {
  const text = 'input { file { path => "/x" stat_interval => "5" exclude => "*.gz" } }\nfilter { mutate { rename => ["a", "b"] add_tag => "one" } }';
  assert.deepEqual(validateText(text).issues.filter((i) => i.severity === "error"), []);
});

test("deprecated options carry the deprecated tag and a replacement", () => {
  const { issues } = validateText("output { elasticsearch { ssl => true } }", { logstashVersion: "8.19" });
  const dep = issues.find((i) => i.code === "option-deprecated")!;
  assert.deepEqual(dep.tags, ["deprecated"]);
  assert.equal(dep.data?.replacement, "ssl_enabled");
});

test("grok syntax inside strings is not taken for a sprintf reference", () => {
  const text = 'filter { grok { match => { "message" => "%{NUMBER:[oom][pid]:int} %{WORD:[auth][method]} %{IP}" } } }';
  assert.deepEqual(validateText(text).issues.filter((i) => i.code === "field-reference-sprintf"), []);
});

test("inputs built on Threadable accept `threads`", () => {
  const text = 'input { redis { key => "k" data_type => "list" threads => 2 } }';
  assert.deepEqual(validateText(text).issues.filter((i) => i.code === "option-unknown"), []);
});

test("duplicate plugin ids in one document are reported by the editor's entry point too", () => {
  const text = 'filter { mutate { id => "m" } mutate { id => "m" } }';
  const dup = validateText(text).issues.filter((i) => i.code === "option-duplicate-id");
  assert.equal(dup.length, 1);
  assert.equal(text.slice(dup[0].range.start, dup[0].range.end), '"m"');
});
