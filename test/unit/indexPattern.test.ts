import assert from "node:assert/strict";
import { test } from "node:test";
import type { Plugin } from "../../server/src/core/ast";
import { parseConfig } from "../../server/src/core/parse";
import { forEachPlugin } from "../../server/src/core/walk";
import { listOption, resolveOutputIndex, sprintfToPattern } from "../../server/src/remote/elasticsearch/indexPattern";
import { planOutputQuery } from "../../server/src/remote/elasticsearch/outputTarget";

function output(body: string): Plugin {
  const { config } = parseConfig(`output { elasticsearch { ${body} } }`);
  let found: Plugin | undefined;
  forEachPlugin(config, (p) => (found ??= p));
  assert.ok(found, "no plugin parsed");
  return found;
}

const day = new Date(Date.UTC(2026, 10, 24, 13, 5));

test("sprintf: date parts and field references become wildcards, or the given day", () => {
  assert.equal(sprintfToPattern("logstash-%{+YYYY.MM.dd}"), "logstash-*");
  assert.equal(sprintfToPattern("%{[@metadata][beat]}-%{+xxxx.ww}"), "*-*");
  assert.equal(sprintfToPattern("%{[@metadata][beat]}-%{[@metadata][version]}-%{+YYYY.MM.dd}"), "*-*-*");
  assert.equal(sprintfToPattern("app-%{type}-%{+YYYY.MM}"), "app-*-*");
  assert.equal(sprintfToPattern("logstash-%{+YYYY.MM.dd}", day), "logstash-2026.11.24");
  assert.equal(sprintfToPattern("%{[@metadata][beat]}-%{+YYYY.MM.dd}", day), "*-2026.11.24");
  assert.equal(sprintfToPattern("weekly-%{+xxxx.ww}", day), "weekly-2026.48");
  assert.equal(sprintfToPattern("plain"), "plain");
});

test("an explicit index is used as written (data streams refuse `index`)", () => {
  const r = resolveOutputIndex(output(`hosts => ["es:9200"] index => "logstash-%{+YYYY.MM.dd}"`));
  assert.deepEqual([r.pattern, r.kind], ["logstash-*", "index"]);
  assert.match(r.notes.join(" "), /index/);
  const beats = resolveOutputIndex(output(`index => "%{[@metadata][beat]}-%{[@metadata][version]}-%{+xxxx.ww}"`), { date: day });
  assert.equal(beats.pattern, "*-*-2026.48");
});

test("no index on Logstash 8 (ECS v8 by default): data stream logs-generic-default", () => {
  const r = resolveOutputIndex(output(`hosts => "http://es:9200"`));
  assert.deepEqual([r.pattern, r.kind], ["logs-generic-default", "dataStream"]);
  assert.match(r.notes.join(" "), /auto_routing/);
});

test("data_stream settings name the stream", () => {
  const r = resolveOutputIndex(output(`data_stream => true data_stream_type => "metrics" data_stream_dataset => "nginx" data_stream_namespace => "prod" data_stream_auto_routing => false`));
  assert.equal(r.pattern, "metrics-nginx-prod");
  assert.deepEqual(r.notes.filter((n) => /auto_routing/.test(n)), []);
});

test("no index with ECS off (Logstash 7 or ecs_compatibility => disabled): logstash daily or ILM alias", () => {
  assert.equal(resolveOutputIndex(output(``), { logstashMajor: 7 }).pattern, "logstash-*");
  assert.equal(resolveOutputIndex(output(`ecs_compatibility => disabled`)).pattern, "logstash-*");
  assert.equal(resolveOutputIndex(output(`ecs_compatibility => disabled`), { date: day }).pattern, "logstash-2026.11.24*");
  assert.equal(resolveOutputIndex(output(`data_stream => false`)).pattern, "ecs-logstash-*");
  assert.equal(resolveOutputIndex(output(`ilm_enabled => false data_stream => false`), { date: day }).pattern, "ecs-logstash-2026.11.24");
});

test("data_stream => auto with a refused option falls back to the index and says why", () => {
  const r = resolveOutputIndex(output(`document_id => "%{id}"`));
  assert.equal(r.kind, "ilmAlias");
  assert.equal(r.pattern, "ecs-logstash-*");
  assert.match(r.notes.join(" "), /document_id/);
  assert.equal(resolveOutputIndex(output(`action => "create"`)).kind, "dataStream");
  assert.equal(resolveOutputIndex(output(`action => "update"`)).kind, "ilmAlias");
});

test("a custom rollover alias and an index: both searched", () => {
  const r = resolveOutputIndex(output(`ilm_rollover_alias => "app" index => "app-%{+YYYY}"`));
  assert.equal(r.pattern, "app*,app-*");
});

test("hosts as a string or a list", () => {
  assert.deepEqual(listOption(output(`hosts => ["a:9200", "https://b:9243"]`), "hosts"), ["a:9200", "https://b:9243"]);
  assert.deepEqual(listOption(output(`hosts => "a:9200"`), "hosts"), ["a:9200"]);
});

test("hosts match a target by host and port; an environment reference's default is used", () => {
  const targets = [{ name: "prod", kind: "elasticsearch" as const, nodes: ["https://es1.example:9200"] }];
  assert.equal(planOutputQuery(output(`hosts => ["es1.example"]`), targets).target?.name, "prod");
  assert.equal(planOutputQuery(output(`hosts => ["es1.example:9201"]`), targets).target, undefined);
  const env = planOutputQuery(output(`hosts => ["\${ES_HOST:es1.example:9200}"]`), targets);
  assert.deepEqual([env.hosts, env.target?.name], [["es1.example:9200"], "prod"]);
  assert.deepEqual(planOutputQuery(output(``), []).suggestedNodes, ["http://127.0.0.1:9200"]);
  assert.deepEqual(planOutputQuery(output(`hosts => "es2" ssl_enabled => true`), []).suggestedNodes, ["https://es2:9200"]);
});
