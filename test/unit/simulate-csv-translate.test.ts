// csv after logstash-filter-csv's spec/filters/csv_spec.rb; translate after logstash-filter-translate's
// spec/filters/translate_spec.rb (dictionary files are our own, read through SimulateOptions.readFile).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { firstStep, one, runFilters } from "./simulate-helpers";

const csv = (config: string, message: string) => one(`csv { ${config} }`, { message });

test("csv: defaults, separator, quote chars, NUL quote (spec: 'all defaults', 'custom separator', 'quote char')", async () => {
  const d = await csv("", "red,green,light blue");
  assert.deepEqual([d.column1, d.column2, d.column3, d.message], ["red", "green", "light blue", "red,green,light blue"]);
  const sep = await csv('separator => ";"', "a,b;c d");
  assert.deepEqual([sep.column1, sep.column2], ["a,b", "c d"]);
  assert.equal((await csv(`quote_char => "'"`, "a,b,'c d'")).column3, "c d");
  assert.equal((await csv("", 'a,b,"c, d"')).column3, "c, d");
  assert.equal((await csv('quote_char => "\\x00"', 'a,b,"c" d')).column3, '"c" d');
});

test("csv: columns, autogenerate off, more values than columns, skip empty columns, nested names and target (spec: 'given column names', 'givin target')", async () => {
  const named = await csv('columns => ["first", "last", "address"]', "x,y,z");
  assert.deepEqual([named.first, named.last, named.address], ["x", "y", "z"]);
  const noAuto = await csv('autogenerate_column_names => false columns => ["c1", "c2"]', "v1,v2,v3");
  assert.deepEqual([noAuto.c1, noAuto.c2, noAuto.column3], ["v1", "v2", undefined]);
  assert.equal((await csv('columns => ["c1", "c2"]', "v1,v2,v3")).column3, "v3");
  const skip = await one('csv { skip_empty_columns => true source => "datafield" columns => ["c1", "c2", "c3"] }', { datafield: "v1,,v3" });
  assert.deepEqual([skip.c1, "c2" in skip, skip.c3], ["v1", false, "v3"]);
  const kept = await csv('columns => ["c1", "c2", "c3"]', 'v1,,""');
  assert.deepEqual([kept.c2, kept.c3], [null, ""], "an unquoted empty value is nil, a quoted one is empty");
  const target = await csv('target => "data" columns => ["[test][one]", "two"]', "hello,world");
  assert.deepEqual(target.data, { test: { one: "hello" }, two: "world" });
  const meta = await runFilters('csv { columns => ["[@metadata][first]", "foo"] }', [{ message: "hello,world" }]);
  assert.equal(meta.steps[0].steps[0].kind === "filter" && (meta.steps[0].steps[0].event["@metadata"] as { first: string }).first, "hello");
});

test("csv: conversions, header handling, empty rows and malformed lines (spec: 'using field convertion', 'skip the header', 'empty message', 'given autodetect option')", async () => {
  const c = await csv('convert => { "column1" => "integer" "column3" => "boolean" "column4" => "float" "column5" => "date" "column6" => "date_time" "column7" => "date" }', "1234,bird,false,3.14159265359,2017-06-01,2001-02-03 04:05:06,invalid_date");
  assert.deepEqual([c.column1, c.column2, c.column3, c.column4, c.column5, c.column6, c.column7], [1234, "bird", false, 3.14159265359, "2017-06-01T00:00:00.000Z", "2001-02-03T04:05:06.000Z", "invalid_date"]);
  const header = await runFilters('csv { skip_header => true columns => ["a", "b"] }', [{ message: "a,b" }, { message: "1,2" }]);
  assert.deepEqual(header.events.map((e) => e.a), ["1"]);
  assert.equal(header.steps[0].dropped, true);
  const auto = await runFilters("csv { autodetect_column_names => true }", [{ message: "first,last" }, { message: "big,bird" }]);
  assert.deepEqual(auto.events.map((e) => [e.first, e.last]), [["big", "bird"]]);
  assert.deepEqual((await csv("skip_empty_rows => true", "")).tags, ["_csvskippedemptyfield"]);
  assert.deepEqual((await csv("", "")).tags, ["_csvparsefailure"]);
  for (const bad of ['a,b"c', 'a,"b', 'a,"b"c']) assert.deepEqual((await csv('add_tag => ["ok"]', bad)).tags, ["_csvparsefailure"], bad);
  const invalid = await firstStep('csv { convert => { "a" => "wrong_type" } }', { message: "x" });
  assert.equal(invalid.status, "skipped");
  assert.match(invalid.detail ?? "", /Invalid conversion types: wrong_type/);
});

const dir = mkdtempSync(join(tmpdir(), "logsmith-translate-"));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, "codes.yml"), '"200": OK\n"404": Not Found\nnine: "val-9"\neight: "val-8"\n500: unquoted key\n');
writeFileSync(join(dir, "codes.json"), '{ "200": "OK", "500": { "level": "error" } }');
writeFileSync(join(dir, "codes.csv"), '200,OK\n"^5\\d\\d$","Server, Error"\n');
writeFileSync(join(dir, "codes.txt"), "200=OK\n");

const fromDir = { baseDir: dir };

test("translate: exact match coerces the source to a string; regex and substring modes (spec: 'exact translation', 'multi translation', 'regex translation')", async () => {
  const inline = 'dictionary => ["200", "OK", "400", "Client Error", "500", "Server Error"]';
  assert.equal((await one(`translate { source => "status" target => "translation" ${inline} }`, { status: 200 })).translation, "OK");
  const regexKeys = 'dictionary => ["^2\\\\d\\\\d", "OK"]';
  assert.equal((await one(`translate { source => "status" target => "translation" ${regexKeys} }`, { status: 200 })).translation, undefined);
  assert.equal((await one(`translate { source => "status" target => "translation" exact => false ${inline} }`, { status: "200 & 500" })).translation, "OK & Server Error");
  const anchored = 'dictionary => ["^2[0-9][0-9]$", "OK", "^5[0-9][0-9]$", "Server Error"]';
  assert.equal((await one(`translate { source => "status" target => "translation" regex => true ${anchored} }`, { status: "200" })).translation, "OK");
});

test("translate: fallback with sprintf, override, old option names, ECS default target (spec: 'fallback value', 'default target', 'destination option', 'field option')", async () => {
  assert.equal((await one('translate { source => "status" target => "t" fallback => "no match" }', { status: "200" })).t, "no match");
  assert.equal((await one('translate { source => "status" target => "t" fallback => "%{other}" }', { status: "200", other: "x" })).t, "x");
  const legacy = await one('translate { source => "message" dictionary => { "foo" => "bar" } ecs_compatibility => disabled }', { message: "foo" });
  assert.deepEqual([legacy.translation, legacy.message], ["bar", "foo"]);
  const ecs = await one('translate { source => "message" dictionary => { "foo" => "bar" } }', { message: "foo" });
  assert.deepEqual(["translation" in ecs, ecs.message], [false, "bar"]);
  const old = await one('translate { field => "message" destination => "out" dictionary => { "foo" => "bar" } }', { message: "foo" });
  assert.equal(old.out, "bar");
  const noOverride = await one('translate { source => "message" target => "out" dictionary => { "foo" => "bar" } add_tag => ["t"] }', { message: "foo", out: "kept" });
  assert.deepEqual([noOverride.out, noOverride.tags], ["kept", undefined]);
  const override = await one('translate { source => "message" target => "out" override => true dictionary => { "foo" => "bar" } }', { message: "foo", out: "old" });
  assert.equal(override.out, "bar");
  const both = await firstStep('translate { source => "a" field => "b" }', { a: "1" });
  assert.match(both.detail ?? "", /Please remove `field/);
  // An in-place translation decorates even when nothing matched.
  assert.deepEqual((await one('translate { source => "m" target => "m" dictionary => { "x" => "y" } add_tag => ["seen"] }', { m: "nope" })).tags, ["seen"]);
});

test("translate: dictionary_path YAML/JSON/CSV relative to the pipeline, hash values, unknown format refused (spec: 'loading a dictionary')", async () => {
  assert.equal((await one('translate { source => "s" target => "t" dictionary_path => "codes.yml" }', { s: "404" }, fromDir)).t, "Not Found");
  assert.deepEqual((await one('translate { source => "s" target => "t" dictionary_path => "codes.json" }', { s: "500" }, fromDir)).t, { level: "error" });
  // An unquoted 500: is an Integer key in Ruby's YAML: the string "500" never finds it.
  assert.equal((await one('translate { source => "s" target => "t" dictionary_path => "codes.yml" }', { s: "500" }, fromDir)).t, undefined);
  assert.equal((await one('translate { source => "s" target => "t" dictionary_path => "codes.csv" }', { s: "200" }, fromDir)).t, "OK");
  assert.equal((await one('translate { source => "s" target => "t" dictionary_path => "codes.csv" regex => true }', { s: "503" }, fromDir)).t, "Server, Error");
  const other = await firstStep('translate { source => "s" dictionary_path => "codes.txt" }', { s: "200" }, fromDir);
  assert.equal(other.status, "skipped");
  assert.match(other.detail ?? "", /non valid format/);
  const both = await firstStep('translate { source => "s" dictionary_path => "codes.yml" dictionary => { "a" => "b" } }', { s: "200" }, fromDir);
  assert.match(both.detail ?? "", /mutually exclusive/);
});

test("translate: iterate_on an array of values and an array of objects (spec: 'iterate_on functionality')", async () => {
  const values = await one('translate { iterate_on => "foo" source => "foo" target => "baz" fallback => "nooo" dictionary_path => "codes.yml" }', { foo: ["nine", "eight", "seven"] }, fromDir);
  assert.deepEqual(values.baz, ["val-9", "val-8", "nooo"]);
  const ints = await one('translate { iterate_on => "foo" source => "foo" target => "baz" dictionary_path => "codes.yml" }', { foo: [200, 404] }, fromDir);
  assert.deepEqual(ints.baz, ["OK", "Not Found"]);
  const maps = await one('translate { iterate_on => "foo" source => "bar" target => "baz" dictionary_path => "codes.yml" }', { foo: [{ bar: "nine" }, { bar: 200 }, { bar: "none" }] }, fromDir);
  assert.deepEqual(maps.foo, [{ bar: "nine", baz: "val-9" }, { bar: 200, baz: "OK" }, { bar: "none" }]);
});
