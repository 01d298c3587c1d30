import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig } from "../../server/src/core/parse";
import { formatJodaUtc, get, remove, set, simulatePipeline, sprintf, type JsonObject } from "../../server/src/core/simulate";

const NOW = new Date("2024-03-05T07:08:09.123Z");

async function run(filter: string, events: JsonObject[]) {
  const parsed = parseConfig(`filter {\n${filter}\n}\n`);
  assert.deepEqual(parsed.issues.filter((i) => i.severity === "error"), [], "fixture must parse");
  return simulatePipeline(parsed, events, { now: NOW });
}

/** True when `condition` sends the event into the `if` branch. */
async function holds(condition: string, event: JsonObject): Promise<boolean> {
  const r = await run(`if ${condition} { mutate { add_field => { "verdict" => "yes" } } } else { mutate { add_field => { "verdict" => "no" } } }`, [event]);
  const verdict = r.events[0].verdict;
  assert.ok(verdict === "yes" || verdict === "no", condition);
  return verdict === "yes";
}

test("field references get, set (creating parents) and remove; arrays by index", () => {
  const e: JsonObject = { a: { b: [1, 2, 3] } };
  assert.equal(get(e, "[a][b][0]"), 1);
  assert.equal(get(e, "[a][b][-1]"), 3);
  assert.equal(get(e, "[a][x]"), undefined);
  set(e, "[c][d]", "v");
  assert.deepEqual(e.c, { d: "v" });
  assert.equal(remove(e, "[c][d]"), "v");
  assert.deepEqual(e.c, {});
  assert.throws(() => get(e, "a[b]"), /Invalid FieldReference/);
});

test("sprintf: fields, nested refs, arrays, missing fields kept, Joda dates in UTC", () => {
  const e: JsonObject = { "@timestamp": NOW.toISOString(), host: "web1", a: { b: "x" }, list: ["p", "q"] };
  assert.equal(sprintf(e, "%{host}-%{[a][b]}"), "web1-x");
  assert.equal(sprintf(e, "%{list}"), "p,q");
  assert.equal(sprintf(e, "logs-%{missing}-%{[a][none]}"), "logs-%{missing}-%{[a][none]}");
  assert.equal(sprintf(e, "idx-%{+YYYY.MM.dd}"), "idx-2024.03.05");
  assert.equal(sprintf(e, "%{+HH:mm:ss.SSS}"), "07:08:09.123");
  assert.equal(sprintf(e, "%{+%s}"), String(Math.floor(NOW.getTime() / 1000)));
  assert.equal(formatJodaUtc(new Date("2021-01-03T00:00:00Z"), "xxxx-'W'ww"), "2020-W53");
});

test("conditionals: truth table of in / not in / missing fields / comparisons / regex", async () => {
  const ev: JsonObject = { message: "GET /index.html 200", tags: ["web", "prod"], status: 200, name: "beta", empty: "", f: false, fs: "false", zero: 0 };
  const cases: [string, boolean][] = [
    ['"web" in [tags]', true],
    ['"we" in [tags]', false],
    ['"index" in [message]', true],
    ['"web" not in [tags]', false],
    ['"x" in [missing]', false],
    ['"x" not in [missing]', true],
    ['[name] in ["alpha", "beta"]', true],
    ["[missing]", false],
    ["![missing]", true],
    ["[empty]", false],
    ["[f]", false],
    ["[fs]", false],
    ["[zero]", true],
    ["[tags]", true],
    ['[status] in ["200", "404"]', true],
    ["[status] in [404, 500]", false],
    ['[status] in "x200y"', false],
    ['[name] in "alphabetagamma"', true],
    ["[status] == 200", true],
    ['[status] == "200"', false],
    ["[status] >= 200 and [status] < 300", true],
    ['[name] < "gamma"', true],
    ['[name] > "alpha"', true],
    ['[name] < "Zeta"', false],
    ["[message] =~ /index/", true],
    ["[message] =~ /^index/", false],
    ["[message] !~ /POST/", true],
    ["[missing] =~ /./", false],
    ["[status] == 200 xor [name] == \"beta\"", false],
    ["[status] == 200 nand [name] == \"nope\"", true],
    ['!([name] == "beta" or [missing])', false],
    ['([missing] or [name] == "beta") and "prod" in [tags]', true],
  ];
  for (const [cond, expected] of cases) assert.equal(await holds(cond, ev), expected, cond);
});

test("a condition Logstash cannot evaluate is reported and taken as false", async () => {
  const r = await run('if [status] > "1" { mutate { add_tag => ["yes"] } }', [{ status: 5 }]);
  assert.equal(r.events[0].tags, undefined);
  const step = r.steps[0].steps[0];
  assert.equal(step.kind, "condition");
  assert.match(step.kind === "condition" ? step.error ?? "" : "", /compare/);
});

test("else if / else pick the first true clause", async () => {
  const pipeline = 'if [n] == 1 { mutate { add_field => { "b" => "one" } } } else if [n] == 2 { mutate { add_field => { "b" => "two" } } } else { mutate { add_field => { "b" => "other" } } }';
  const r = await run(pipeline, [{ n: 1 }, { n: 2 }, { n: 3 }]);
  assert.deepEqual(r.events.map((e) => e.b), ["one", "two", "other"]);
});

test("mutate runs its operations in the plugin's fixed order, not the written one", async () => {
  // Written copy-then-rename-then-replace; the plugin renames, then replaces, ..., then copies.
  const r = await run(
    `mutate {
      copy => { "dest" => "copied" }
      lowercase => ["dest"]
      uppercase => ["dest"]
      replace => { "dest" => "%{dest}-x" }
      rename => { "src" => "dest" }
      split => { "csv" => "," }
      join => { "csv" => "|" }
      convert => { "num" => "integer" "flag" => "boolean" }
      gsub => ["path", "/", "_"]
      strip => ["pad"]
      capitalize => ["word"]
    }`,
    [{ src: "Hello", csv: "a,b,c", num: "1,234", flag: "yes", path: "/a/b", pad: "  p  ", word: "hELLO" }],
  );
  const e = r.events[0];
  // rename → replace → uppercase → lowercase → copy
  assert.equal(e.dest, "hello-x");
  assert.equal(e.copied, "hello-x");
  assert.equal(e.src, undefined);
  // split runs before join: the string is split, then joined again
  assert.equal(e.csv, "a|b|c");
  assert.equal(e.num, 1234);
  assert.equal(e.flag, true);
  assert.equal(e.path, "_a_b");
  assert.equal(e.pad, "p");
  assert.equal(e.word, "Hello");
  const step = r.steps[0].steps[0];
  assert.equal(step.kind === "filter" && step.detail, "rename, replace, convert, gsub, uppercase, capitalize, lowercase, strip, split, join, copy");
});

test("mutate merge and coerce follow the plugin", async () => {
  const r = await run('mutate { coerce => { "n" => "0" } merge => { "a" => "b" } }', [{ n: null, a: "x", b: ["y", "z"] }]);
  assert.equal(r.events[0].n, "0");
  assert.deepEqual(r.events[0].a, ["x", "y", "z"]);
});

test("drop removes the event from the output and stops its filters", async () => {
  const r = await run('if [level] == "debug" { drop { } }\nmutate { add_tag => ["kept"] }', [{ level: "debug" }, { level: "info" }]);
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0].level, "info");
  assert.deepEqual(r.events[0].tags, ["kept"]);
  assert.equal(r.steps[0].dropped, true);
  assert.equal(r.steps[0].output, undefined);
  assert.equal(r.steps[0].steps.filter((s) => s.kind === "filter").length, 1);
});

test("json: parses into the event or a target; invalid JSON tags _jsonparsefailure and skips add_field", async () => {
  const f = 'json { source => "message" add_field => { "parsed" => "yes" } }';
  const r = await run(f, [{ message: '{"a":{"b":1},"c":"d"}' }, { message: "{not json" }]);
  assert.deepEqual(r.events[0].a, { b: 1 });
  assert.equal(r.events[0].parsed, "yes");
  assert.deepEqual(r.events[1].tags, ["_jsonparsefailure"]);
  assert.equal(r.events[1].parsed, undefined);
  assert.equal(r.events[1].message, "{not json");
  const t = await run('json { source => "message" target => "doc" }', [{ message: "[1,2]" }]);
  assert.deepEqual(t.events[0].doc, [1, 2]);
});

test("add_field/add_tag use sprintf and run only on success; remove_field and remove_tag too", async () => {
  const r = await run(
    'grok { match => { "message" => "%{WORD:verb} %{NOTSPACE:path}" } add_field => { "route" => "%{verb} %{path} on %{+YYYY}" "[meta][where]" => "%{host}" } add_tag => ["got_%{verb}"] remove_field => ["drop_me"] remove_tag => ["old"] }',
    [{ message: "GET /x", host: "h1", drop_me: 1, tags: ["old", "keep"] }, { message: "???", drop_me: 1, tags: ["old"] }],
  );
  const [ok, bad] = r.events;
  assert.equal(ok.route, "GET /x on 2024");
  assert.deepEqual(ok.meta, { where: "h1" });
  assert.deepEqual(ok.tags, ["keep", "got_GET"]);
  assert.equal(ok.drop_me, undefined);
  assert.deepEqual(bad.tags, ["old", "_grokparsefailure"]);
  assert.equal(bad.drop_me, 1);
  assert.equal(bad.route, undefined);
});

test("add_field onto an existing field makes an array", async () => {
  const r = await run('mutate { add_field => { "x" => "new" } }', [{ x: "old" }]);
  assert.deepEqual(r.events[0].x, ["old", "new"]);
});

test("kv: splits pairs, strips quotes and brackets, target and prefix", async () => {
  const r = await run('kv { source => "msg" field_split => "&" value_split => ":" target => "kv" prefix => "p_" }', [{ msg: 'a:1&b:"two words"&c:[3]&a:4&empty:' }]);
  assert.deepEqual(r.events[0].kv, { p_a: ["1", "4"], p_b: "two words", p_c: "3" });
});

test("unsupported filters are reported as skipped, never silently passed", async () => {
  const r = await run('ruby { code => "event.set(\'x\', 1)" }\nmutate { add_tag => ["after"] }', [{ ip: "1.2.3.4" }, { ip: "5.6.7.8" }]);
  assert.equal(r.skipped.length, 1);
  assert.equal(r.skipped[0].filter, "ruby");
  assert.match(r.skipped[0].reason, /Ruby code/);
  const step = r.steps[0].steps[0];
  assert.equal(step.kind === "filter" && step.status, "skipped");
  assert.deepEqual(r.events[0].tags, ["after"]);
});

test("steps record the event after each filter and what changed; @metadata is not output", async () => {
  const r = await run('mutate { add_field => { "[@metadata][idx]" => "i" "a" => "1" } }\nmutate { remove_field => ["b"] }', [{ b: 2 }]);
  const [first, second] = r.steps[0].steps;
  assert.equal(first.kind, "filter");
  if (first.kind !== "filter" || second.kind !== "filter") return;
  assert.deepEqual(first.changes, [
    { field: "[@metadata]", kind: "added", after: { idx: "i" } },
    { field: "[a]", kind: "added", after: "1" },
  ]);
  assert.deepEqual(first.event["@metadata"], { idx: "i" });
  assert.deepEqual(second.changes, [{ field: "[b]", kind: "removed", before: 2 }]);
  assert.equal(r.events[0]["@metadata"], undefined);
  assert.equal(r.events[0]["@timestamp"], NOW.toISOString());
  assert.equal(r.events[0]["@version"], "1");
});

test("grok and the simulator share one accessor set: numeric parts index arrays, a scalar in the way refuses", async () => {
  const { getPath, setPath, removePath } = await import("../../server/src/core/eventFields");
  const grokFields = await import("../../server/src/core/grok/eventFields");
  assert.equal(grokFields.getField, getPath);
  assert.equal(grokFields.setField, setPath);
  const e: JsonObject = { a: [{ b: 1 }, { b: 2 }], s: "text", n: null };
  assert.equal(getPath(e, ["a", "-1", "b"]), 2);
  assert.equal(setPath(e, ["a", "0", "c"], "x"), true);
  assert.deepEqual(e.a, [{ b: 1, c: "x" }, { b: 2 }]);
  assert.equal(setPath(e, ["s", "sub"], 1), false);
  assert.equal(setPath(e, ["n", "sub"], 1), true, "a null is replaced by an object");
  assert.equal(removePath(e, ["a", "1"]) !== undefined, true);
  assert.deepEqual(e.a, [{ b: 1, c: "x" }]);
  assert.throws(() => set(e, "[s][sub]", 1), /Could not set field/);
});
