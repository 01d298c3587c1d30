// urldecode, prune, truncate, de_dot after their plugins' specs (spec/filters/<name>_spec.rb), and
// the offline filters the simulator reports as skipped.
import assert from "node:assert/strict";
import { test } from "node:test";
import { firstStep, one, runFilters } from "./simulate-helpers";

test("urldecode: %XX runs decoded, + kept, invalid UTF-8 bytes as \\xHH, all_fields and hashes (urldecode spec)", async () => {
  assert.equal((await one("urldecode { }", { message: "https%3A%2F%2Fexample.org%2Fa%20b" })).message, "https://example.org/a b");
  assert.equal((await one("urldecode { }", { message: "q=a+b%2Bc" })).message, "q=a+b+c");
  // 'urldecode should replace invalid UTF-8'.
  assert.equal((await one("urldecode { }", { message: "x;+%C3%BB%D3%D0%D5%D2%B5%BD=;+%B7%A2" })).message, "x;+û\\xD3\\xD0\\xD5ҵ\\xBD=;+\\xB7\\xA2");
  // 'encoding in url portion': literal non-ASCII text next to escapes.
  assert.equal((await one('urldecode { field => "url" }', { url: "l%C3%B8g/fr%C3%B8d%C3%B8%20b%C3%A5ggins?n=frødø" })).url, "løg/frødø båggins?n=frødø");
  const all = await one('urldecode { all_fields => true add_tag => ["u"] }', { a: "%41", b: { c: ["%42"] }, n: 5 });
  assert.deepEqual([all.a, all.b, all.n, all.tags], ["A", { c: ["B"] }, 5, ["u"]]);
  // A missing field is written back as nil, as the plugin sets whatever it decoded.
  const missing = await one('urldecode { field => "nope" }', {});
  assert.equal(missing.nope, null);
});

const person = { firstname: "Ana", lastname: "Lee", status: "200", hobby: "Cloud", Ana_saying: "hello", "%{hmm}": "doh" };

test("prune: default blacklist drops unresolved %{…} names; whitelist/blacklist names, interpolate (prune spec)", async () => {
  const d = await one("prune { }", person);
  assert.equal(d["%{hmm}"], undefined);
  assert.equal(d.firstname, "Ana");
  const white = await one('prune { whitelist_names => ["firstname", "(hobby|status)", "%{firstname}_saying"] }', person);
  assert.deepEqual(Object.keys(white).sort(), ["firstname", "hobby", "status"], "@timestamp and @version go too unless whitelisted");
  const interp = await one('prune { whitelist_names => ["firstname", "%{firstname}_saying", "^@"] interpolate => true }', person);
  assert.deepEqual(Object.keys(interp).sort(), ["@timestamp", "@version", "Ana_saying", "firstname"]);
  const black = await one('prune { blacklist_names => ["firstname", "(hobby|status)"] }', person);
  assert.deepEqual([black.firstname, black.hobby, black.status, black.lastname], [undefined, undefined, undefined, "Lee"]);
});

test("prune: whitelist/blacklist values, on strings and inside arrays; @metadata untouched", async () => {
  const ev = { status: "404", codes: ["200", "404", "500"], "@metadata": { keep: "yes" } };
  const w = await runFilters('prune { whitelist_values => { "status" => "^2" "codes" => "^[24]" } }', [ev]);
  const out = w.events[0];
  assert.deepEqual([out.status, out.codes], [undefined, ["200", "404"]]);
  const step = w.steps[0].steps[0];
  assert.ok(step.kind === "filter");
  assert.deepEqual(step.event["@metadata"], { keep: "yes" });
  const b = await one('prune { blacklist_values => { "codes" => "^5" "status" => "^4" } }', ev);
  assert.deepEqual([b.status, b.codes], [undefined, ["200", "404"]]);
});

test("truncate: bytes not characters, never a broken character, nested values and arrays; decorations only when cut (truncate spec)", async () => {
  const e = await one("truncate { length_bytes => 5 }", { a: "héllo wörld", b: { c: "abcdefgh" }, n: 123456789, l: ["123456", "x"] });
  assert.deepEqual([e.a, e.b, e.n, e.l], ["héll", { c: "abcde" }, 123456789, ["12345", "x"]]);
  assert.equal(e["@timestamp"], "2024-03-05T07:08:09.123Z", "a Timestamp is not a string to cut");
  const multibyte = await one('truncate { length_bytes => 4 fields => ["k"] }', { k: "한국어", message: "한국어" });
  assert.deepEqual([multibyte.k, multibyte.message], ["한", "한국어"]);
  assert.deepEqual((await one('truncate { length_bytes => 3 add_tag => ["cut"] }', { m: "abcdef" })).tags, ["cut"]);
  assert.equal((await one('truncate { length_bytes => 30 add_tag => ["cut"] }', { m: "abc" })).tags, undefined);
  assert.equal((await one('truncate { length_bytes => 3 fields => ["n"] add_tag => ["cut"] }', { n: 12345 })).tags, undefined);
});

test("de_dot: separator, nested, fields, recursive; a separator with a dot is refused; conflicts tag _de_dot_error (de_dot spec)", async () => {
  assert.deepEqual(await pick("de_dot { }", { "foo.bar": "pass" }, ["foo.bar", "foo_bar"]), [undefined, "pass"]);
  assert.deepEqual(await pick('de_dot { separator => "___" }', { "foo.bar": "pass" }, ["foo___bar"]), ["pass"]);
  const nested = await one("de_dot { nested => true }", { "acme.roller.skates": "coyote", nodot: "nochange" });
  assert.deepEqual([nested.acme, nested.nodot, nested["acme.roller.skates"]], [{ roller: { skates: "coyote" } }, "nochange", undefined]);
  const fields = await one('de_dot { fields => ["[top][a.b]"] }', { top: { "a.b": 1, "c.d": 2 } });
  assert.deepEqual(fields.top, { a_b: 1, "c.d": 2 });
  const recursive = await one("de_dot { recursive => true }", { top: { "a.b": { "c.d": 1 } } });
  assert.deepEqual(recursive.top, { a_b: { c_d: 1 } });
  const conflict = await one("de_dot { nested => true }", { request: "GET", "request.path": "/users" });
  assert.deepEqual(conflict.tags, ["_de_dot_error"]);
  const bad = await firstStep('de_dot { separator => "." }', { "a.b": 1 });
  assert.equal(bad.status, "skipped");
});

async function pick(filter: string, event: Record<string, string>, keys: string[]) {
  const e = await one(filter, event);
  return keys.map((k) => e[k]);
}

test("filters that cannot run offline are skipped with their own reason, unknown ones with a generic one", async () => {
  const reasons: [string, RegExp][] = [
    ['ruby { code => "" }', /Ruby code/],
    ['elasticsearch { hosts => ["h"] query => "q" }', /Elasticsearch cluster/],
    ['jdbc_streaming { jdbc_driver_class => "x" jdbc_connection_string => "y" jdbc_user => "u" statement => "s" target => "t" }', /JDBC/],
    ['http { url => "http://x" }', /HTTP endpoint/],
    ['dns { resolve => ["h"] }', /DNS/],
    ['memcached { hosts => ["h"] }', /memcached/],
    ['aggregate { task_id => "%{id}" code => "" }', /state across events/],
    ["frobnicate { }", /does not run the `frobnicate` filter/],
  ];
  for (const [filter, reason] of reasons) {
    const r = await runFilters(`${filter}\nmutate { add_tag => ["after"] }`, [{ message: "m" }]);
    assert.equal(r.skipped.length, 1, filter);
    assert.match(r.skipped[0].reason, reason, filter);
    assert.deepEqual(r.events[0].tags, ["after"], "the event passes through");
  }
});
