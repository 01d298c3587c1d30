// Behaviour pinned against logstash-filter-dissect's spec/filters/dissect_spec.rb and its compatibility
// suite (spec/fixtures/dissect_tests.json); inputs are our own, shaped like the named cases.
import assert from "node:assert/strict";
import { test } from "node:test";
import { firstStep, one, runFilters } from "./simulate-helpers";

const dissect = async (mapping: string, message: string, extra = "") => one(`dissect { mapping => { "message" => ${JSON.stringify(mapping)} } ${extra} }`, { message });

test("compatibility-suite shapes: plain, delimiters around, append order, indirect, skip, empty fields, padding", async () => {
  const cases: [string, string, string, Record<string, string>][] = [
    ["simple dissect", "%{key}", "value", { key: "value" }],
    ["one level dissect not end of string", "/srv/%{key}/data", "/srv/app/data", { key: "app" }],
    ["one level dissect", "/srv/%{key}", "/srv/app/data", { key: "app/data" }],
    ["multiple keys not end of string", "/srv/%{key}/x/%{key1}.txt", "/srv/app/x/notes.txt", { key: "app", key1: "notes" }],
    ["simple ordered", "%{+k/3} %{+k/1} %{+k/2}", "a b c", { k: "b c a" }],
    ["simple append", "%{k}-%{+k}-%{+k}", "x-y-z", { k: "x-y-z" }],
    ["indirect field", "%{key} %{&key}", "color blue", { key: "color", color: "blue" }],
    ["skip field", "%{} %{key}", "ignored kept", { key: "kept" }],
    ["named skiped field with indirect", "%{?key} %{&key}", "size 10", { size: "10" }],
    ["missing fields", "%{a},%{b},%{c},%{d}", "one,,,four", { a: "one", b: "", c: "", d: "four" }],
    ["ignore right padding", "%{id} %{fn->} %{srv}", "0042 Recv      host-1", { id: "0042", fn: "Recv", srv: "host-1" }],
    ["ignore left padding", "%{id->} %{fn} %{srv}", "0042     Recv host-1", { id: "0042", fn: "Recv", srv: "host-1" }],
  ];
  for (const [name, mapping, message, expected] of cases) {
    const e = await dissect(mapping, message);
    for (const [k, v] of Object.entries(expected)) assert.equal(e[k], v, `${name}: ${k}`);
    assert.equal(e.tags, undefined, name);
  }
});

test("'Basic dissection': bracketed prefix, greedy padding, the last field takes the rest", async () => {
  const e = await dissect("[%{when}] %{code} %{svc->} %{ic} %{rest}", "[01/02/24 10:00:00 UTC] 0007 Worker      I starting up, pid=12");
  assert.deepEqual([e.when, e.code, e.svc, e.ic, e.rest], ["01/02/24 10:00:00 UTC", "0007", "Worker", "I", "starting up, pid=12"]);
});

test("'dissect with skip and append': append joins with the delimiter before it; `{`/`}` as delimiters", async () => {
  const e = await dissect("%{ts} %{+ts} %{+ts} %{host} %{} %{prog}[%{pid}]: %{msg}", "Jan 02 03:04:05 web1 junk sshd[77]: accepted key");
  assert.deepEqual([e.ts, e.host, e.prog, e.pid, e.msg], ["Jan 02 03:04:05", "web1", "sshd", "77", "accepted key"]);
  const braces = await dissect("{%{a}}{%{b}}%{rest}", "{left}{right}");
  assert.deepEqual([braces.a, braces.b, braces.rest, braces.tags], ["left", "right", "", undefined]);
});

test("multibyte delimiters are matched as UTF-8 bytes ('Basic dissection with multibyte Unicode characters')", async () => {
  const e = await dissect("%{a}྿྿%{b}྿%{c}", "첫째྿྿둘째྿셋째");
  assert.deepEqual([e.a, e.b, e.c], ["첫째", "둘째", "셋째"]);
});

test("convert_datatype int/float; failures tag per field and type ('datatype conversion', 'failing datatype conversion')", async () => {
  const e = await dissect("%{code} %{?k}=%{&k}%", "00000001 cpu=95.43%", 'convert_datatype => { "code" => "int" "cpu" => "float" }');
  assert.deepEqual([e.code, e.cpu], [1, 95.43]);
  const r = await one('dissect { mapping => { "message" => "%{code} %{rest}" } convert_datatype => { "code" => "int" "ccu" => "float" "other" => "int" } }', { message: "abc x", other: {} });
  assert.equal(r.code, "abc");
  assert.deepEqual(r.tags, ["_dataconversionuncoercible_code_int", "_dataconversionnullvalue_ccu_float", "_dataconversionuncoercible_other_int"]);
  // 'Invalid datatype conversion specified integer instead of int': Logstash refuses to start.
  const bad = await firstStep('dissect { mapping => { "message" => "%{a}" } convert_datatype => { "a" => "integer" } }', { message: "1" });
  assert.equal(bad.status, "skipped");
  assert.match(bad.detail ?? "", /datatype not supported: integer/);
});

test("failures: no match and empty value tag _dissectfailure; a missing field does not tag; decorations only on success", async () => {
  const miss = await dissect("%{a} - %{b}", "no dash here", 'add_tag => ["ok"]');
  assert.deepEqual(miss.tags, ["_dissectfailure"]);
  assert.equal(miss.a, undefined);
  assert.deepEqual((await dissect("%{a} %{b}", "")).tags, ["_dissectfailure"]);
  const absent = await one('dissect { mapping => { "message" => "%{a} %{b}" } }', {});
  assert.equal(absent.tags, undefined);
  assert.deepEqual((await dissect("%{a} %{b}", "1 2", 'add_tag => ["ok"] tag_on_failure => ["bad"]')).tags, ["ok"]);
  // A mapping whose leading delimiter is absent bails out.
  assert.deepEqual((await dissect("[%{a}]", "x]")).tags, ["_dissectfailure"]);
});

test("invalid field formats are refused at startup ('invalid field format handling')", async () => {
  for (const mapping of ["%{+&ts}", "%{&+ts}"]) {
    const step = await firstStep(`dissect { mapping => { "message" => "${mapping}" } }`, { message: "x" });
    assert.equal(step.status, "skipped");
    assert.match(step.detail ?? "", /both Append and Indirect/);
  }
  const r = await runFilters('dissect { mapping => { "message" => "%{a} %{b}" "other" => "%{c}-%{d}" } }', [{ message: "1 2", other: "3-4" }]);
  assert.deepEqual([r.events[0].a, r.events[0].b, r.events[0].c, r.events[0].d], ["1", "2", "3", "4"]);
});
