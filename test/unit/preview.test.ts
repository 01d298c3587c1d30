import assert from "node:assert/strict";
import { before, test } from "node:test";
import { parseConfig } from "../../server/src/core/parse";
import { initOniguruma } from "../../server/src/core/grok/onig";
import { computePreview, findPreviewTargets, listGrokPatterns, splitElements, targetAt } from "../../server/src/core/preview";
import type { GrokPreview, PipelinePreview, PreviewResult } from "../../server/src/core/preview";

before(async () => {
  await initOniguruma();
});

const env = { ecsDefault: "disabled" as const };

function grokConfig(match: string, extra = ""): string {
  return `filter {\n  grok {\n    match => { "message" => ${JSON.stringify(match)} }\n${extra}  }\n}\n`;
}

async function grok(text: string, lines: string[], index = 0): Promise<GrokPreview> {
  const r = await computePreview(parseConfig(text).config, { kind: "grok", index }, lines, env);
  assert.equal(r.error, undefined, r.error);
  assert.equal(r.kind, "grok");
  return r as GrokPreview;
}

test("splitElements: tokens, groups, classes, escapes and quantifiers are one element each", () => {
  const p = "%{IP:client} \\[(?<t>[^\\]]+)\\] [a-z]+? x{2,3}+%{WORD}";
  const parts = splitElements(p)!.map((s) => p.slice(s.start, s.end));
  assert.deepEqual(parts, ["%{IP:client}", " ", "\\[", "(?<t>[^\\]]+)", "\\]", " ", "[a-z]+?", " ", "x{2,3}+", "%{WORD}"]);
  assert.equal(splitElements("a|b"), null);
  assert.deepEqual(splitElements("(a|b)c")!.length, 2);
});

test("grok preview: matched spans per capture are UTF-16 offsets in the line, with fields and values", async () => {
  const line = "héllo 😀 10.1.2.3 GET 512";
  const r = await grok(grokConfig("%{IP:client} %{WORD:verb} %{NUMBER:bytes:int}"), [line]);
  const l = r.lines[0];
  assert.equal(l.matched, true);
  assert.equal(l.match!.patternIndex, 0);
  const spans = Object.fromEntries(l.captures.map((c) => [c.field, line.slice(c.start, c.end)]));
  assert.deepEqual(spans, { client: "10.1.2.3", verb: "GET", bytes: "512" });
  assert.deepEqual(l.changes.find((c) => c.field === "[bytes]")!.after, 512);
  assert.deepEqual(l.changes.map((c) => `${c.kind} ${c.field}`).sort(), ["added [bytes]", "added [client]", "added [verb]"]);
  assert.equal(line.slice(l.match!.span.start, l.match!.span.end), "10.1.2.3 GET 512");
});

test("grok preview: which of several patterns matched", async () => {
  const text = `filter { grok { match => { "message" => ["^%{NUMBER:n}$", "^%{WORD:w}$"] } } }`;
  const r = await grok(text, ["42", "abc", "a b"]);
  assert.deepEqual(r.lines.map((l) => l.match?.patternIndex ?? null), [0, 1, null]);
  assert.equal(r.patterns.length, 2);
  assert.match(r.lines[2].reason!, /2/);
  assert.equal(r.lines[2].progress!.length, 2);
});

test("grok preview: a failure says how many elements matched and where matching stopped", async () => {
  const line = "10.0.0.1 GET /index.html HTTP/1.1 abc";
  const pattern = "%{IP:client} %{WORD:verb} %{URIPATH:path} HTTP/%{NUMBER:v} %{NUMBER:status}";
  const r = await grok(grokConfig(pattern), [line]);
  const l = r.lines[0];
  assert.equal(l.matched, false);
  assert.deepEqual(l.changes, [{ field: "[tags]", kind: "added", after: ["_grokparsefailure"] }]);
  const p = l.progress![0];
  const elements = r.patterns[0].elements.map((s) => pattern.slice(s.start, s.end));
  // Everything up to the last space matches; `%{NUMBER:status}` cannot match "abc".
  assert.equal(elements[p.matchedElements], "%{NUMBER:status}");
  assert.equal(line.slice(0, p.stoppedAt), "10.0.0.1 GET /index.html HTTP/1.1 ");
  assert.deepEqual(p.captures.map((c) => [c.field, line.slice(c.start, c.end)]), [["client", "10.0.0.1"], ["verb", "GET"], ["path", "/index.html"], ["v", "1.1"]]);
});

test("grok preview: nothing matched at all, and an unsplittable pattern", async () => {
  const r = await grok(grokConfig("%{NUMBER:n} x"), ["abc"]);
  assert.equal(r.lines[0].progress![0].matchedElements, 0);
  assert.equal(r.lines[0].progress![0].stoppedAt, 0);
  const alt = await grok(grokConfig("%{NUMBER:n}|foo"), ["abc"]);
  assert.equal(alt.patterns[0].unsplittable, true);
  assert.equal(alt.lines[0].progress![0].matchedElements, 0);
});

test("grok preview: ecs_compatibility picks the set, pattern_definitions and patternsPath texts join it", async () => {
  const text = grokConfig("%{MYNUM:n} %{ZIP:z}", `    ecs_compatibility => "v1"\n    pattern_definitions => { "MYNUM" => "[0-9]+" }\n`);
  const r = await computePreview(parseConfig(text).config, { kind: "grok", index: 0 }, ["12 A-77"], { ...env, patternsPathTexts: ["ZIP [A-Z]-[0-9]+\n"] });
  assert.equal((r as GrokPreview).patternSet, "ecs-v1");
  assert.deepEqual((r as GrokPreview).lines[0].changes.map((c) => [c.field, c.after]), [["[n]", "12"], ["[z]", "A-77"]]);
  const unknown = await computePreview(parseConfig(grokConfig("%{NOPE:x}")).config, { kind: "grok", index: 0 }, ["x"], env);
  assert.equal(unknown.kind, "none");
  assert.match(unknown.error!, /NOPE/);
});

test("grok preview: targets count grok filters in source order; a missing target is an error", async () => {
  const text = `filter {\n grok { match => { "message" => "%{WORD:a}" } }\n geoip { source => "a" }\n if [a] { grok { match => { "message" => "%{NUMBER:b}" } } }\n}\n`;
  const config = parseConfig(text).config;
  const targets = findPreviewTargets(config).map((b) => JSON.stringify(b.target));
  assert.deepEqual(targets, ['{"kind":"pipeline"}', '{"kind":"grok","index":0}', '{"kind":"geoip","index":0}', '{"kind":"grok","index":1}']);
  assert.deepEqual(targetAt(config, text.indexOf("NUMBER")), { kind: "grok", index: 1 });
  const second = await grok(text, ["7"], 1);
  assert.deepEqual(second.lines[0].changes.map((c) => [c.field, c.after]), [["[b]", "7"]]);
  const missing = await computePreview(config, { kind: "grok", index: 5 }, ["x"], env);
  assert.match(missing.error!, /#6/);
});

test("pipeline preview: each step with its changes, skipped filters, dropped events", async () => {
  const text = `filter {
  grok { match => { "message" => "%{WORD:verb} %{NUMBER:n:int}" } }
  if [verb] == "DROP" { drop {} }
  mutate { add_field => { "seen" => "yes" } }
  ruby { code => "event.set('x', 1)" }
}`;
  const r = (await computePreview(parseConfig(text).config, { kind: "pipeline" }, ["GET 5", "DROP 1"], { ...env, now: new Date(0) })) as PipelinePreview;
  assert.equal(r.kind, "pipeline");
  assert.equal(r.events.length, 2);
  const [first, second] = r.events;
  assert.equal(first.dropped, false);
  const grokStep = first.steps.find((s) => s.kind === "filter" && s.filter === "grok");
  assert.ok(grokStep && grokStep.kind === "filter");
  assert.deepEqual(grokStep.changes.map((c) => c.field).sort(), ["[n]", "[verb]"]);
  assert.equal(first.output!.seen, "yes");
  assert.equal(second.dropped, true);
  assert.equal(r.outputs.length, 1);
  assert.deepEqual(r.skipped.map((s) => s.filter), ["ruby"]);
});

test("pattern browser: built-in set by ECS mode, later sources win", () => {
  const legacy = listGrokPatterns({ ecs: "disabled" });
  const ecs = listGrokPatterns({ ecs: "v8" });
  assert.equal(legacy.set, "legacy");
  assert.equal(ecs.set, "ecs-v1");
  assert.notEqual(legacy.patterns.find((p) => p.name === "HTTPD_COMMONLOG")!.regex, ecs.patterns.find((p) => p.name === "HTTPD_COMMONLOG")!.regex);
  const mine = listGrokPatterns({ ecs: "v8", patternsPath: [{ file: "extra", text: "WORD \\w+x\nMINE a+\n" }], patternDefinitions: { MINE: "b+" } });
  assert.deepEqual(mine.patterns.find((p) => p.name === "WORD"), { name: "WORD", regex: "\\w+x", source: "patternsPath", file: "extra" });
  assert.equal(mine.patterns.find((p) => p.name === "MINE")!.source, "pattern_definitions");
});

test("multiline samples: the input's multiline codec groups lines into one event for grok and the pipeline", async () => {
  const text = `input {
  file { path => "/var/log/app.log" codec => multiline { pattern => "^\\s" what => "previous" } }
}
filter {
  grok { match => { "message" => "^%{WORD:level} %{GREEDYDATA:msg}" } }
}`;
  const samples = ["ERROR boom", "  at a.b(C.java:1)", "  at d.e(F.java:2)", "INFO fine"];
  const config = parseConfig(text).config;
  const g = (await computePreview(config, { kind: "grok", index: 0 }, samples, env)) as GrokPreview;
  assert.equal(g.lines.length, 2);
  assert.equal(g.lines[0].input, "ERROR boom\n  at a.b(C.java:1)\n  at d.e(F.java:2)");
  assert.match((g as PreviewResult).notes!.join(" "), /multiline/);
  const p = (await computePreview(config, { kind: "pipeline" }, samples, env)) as PipelinePreview;
  assert.equal(p.events.length, 2);
  assert.match(p.grouping, /multiline/);
  assert.deepEqual(p.outputs.map((e) => e.level), ["ERROR", "INFO"]);
});

test("json input codec: each sample line is decoded before the filters", async () => {
  const text = `input { stdin { codec => json } }\nfilter { mutate { add_field => { "seen" => "%{user}" } } }`;
  const p = (await computePreview(parseConfig(text).config, { kind: "pipeline" }, ['{"user":"kim"}', "not json"], env)) as PipelinePreview;
  assert.equal(p.outputs[0].seen, "kim");
  assert.deepEqual(p.outputs[1].tags, ["_jsonparsefailure"]);
  assert.match(p.grouping, /json/);
});
