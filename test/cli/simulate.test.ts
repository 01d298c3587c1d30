import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { geolite2Paths } from "../../server/src/core/geoip/databasePath";

// Runs the bundle: `npm run build` first (npm test does).
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist/cli.cjs");
const tmp = mkdtempSync(join(tmpdir(), "logsmith-simulate-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

// After test-fixtures/pipelines/collector-apache.conf, with filters the simulator runs added.
const PIPELINE = `input {
  file {
    path => "/etc/httpd/logs/jsonaccess_log"
    type => apache
    codec => json
  }
}

filter {
  geoip {
    source => "remoteIP"
  }
  if [type] == "apache" and [status] >= 400 {
    mutate { add_tag => ["http_error"] }
  }
  if [request] =~ /^\\/health/ {
    drop { }
  }
  grok {
    match => { "request" => "^/%{WORD:section}" }
    add_field => { "[@metadata][index]" => "apache-%{section}" "route" => "%{section}:%{status}" }
  }
  mutate {
    convert => { "bytes" => "integer" }
    rename => { "remoteIP" => "[client][ip]" }
  }
}

output {
  redis {
    host => "REDIS_IP"
    port => 6379
    data_type => "list"
    key => "logstash"
  }
}
`;

const pipelinePath = join(tmp, "collector-apache.conf");
writeFileSync(pipelinePath, PIPELINE);

function simulate(input: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "simulate", ...args], { cwd: tmp, input, encoding: "utf8", timeout: 60000 });
  const lines = r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  return { code: r.status, lines, stdout: r.stdout, stderr: r.stderr };
}

const LINES = [
  JSON.stringify({ remoteIP: "10.0.0.1", request: "/shop/cart", status: 404, bytes: "512" }),
  JSON.stringify({ remoteIP: "10.0.0.2", request: "/healthz", status: 200, bytes: "2" }),
  "this is not json",
  JSON.stringify({ remoteIP: "10.0.0.3", request: "/blog/post", status: 200, bytes: "1,024" }),
].join("\n") + "\n";

test("JSON input lines run through the filters; dropped events are left out; skipped filters are named", () => {
  const r = simulate(LINES, pipelinePath);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.lines.length, 3);
  const [cart, broken, blog] = r.lines;

  assert.equal(cart.type, "apache");
  assert.deepEqual(cart.tags, ["http_error"]);
  assert.equal(cart.section, "shop");
  assert.equal(cart.route, "shop:404");
  assert.equal(cart.bytes, 512);
  assert.deepEqual(cart.client, { ip: "10.0.0.1" });
  assert.equal(cart.remoteIP, undefined);
  assert.equal(cart["@metadata"], undefined, "@metadata is not output");
  assert.equal(cart["@version"], "1");
  assert.ok(!Number.isNaN(Date.parse(cart["@timestamp"])));

  // The json codec keeps an unparsable line as message, tagged; grok then finds no request.
  assert.equal(broken.message, "this is not json");
  assert.deepEqual(broken.tags, ["_jsonparsefailure", "_grokparsefailure"]);
  assert.equal(broken.route, undefined);

  assert.equal(blog.bytes, 1024);
  assert.equal(blog.tags, undefined);
  assert.equal(blog.route, "blog:200");

  assert.match(r.stderr, /skipped geoip/);
});

test("--input FILE reads events from a file; without the json codec each line is a message", () => {
  const plain = join(tmp, "plain.conf");
  writeFileSync(plain, 'input { stdin { } }\nfilter { kv { } mutate { uppercase => ["user"] } }\n');
  const events = join(tmp, "events.txt");
  writeFileSync(events, "user=ana action=login\nuser=bo action=logout\n");
  const r = simulate("", plain, "--input", events);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.lines.map((e) => [e.message, e.user, e.action]), [
    ["user=ana action=login", "ANA", "login"],
    ["user=bo action=logout", "BO", "logout"],
  ]);
  assert.equal(r.stderr, "");
});

test("stdin through a multiline codec; clones and split parts are printed, the split original is not", () => {
  const conf = join(tmp, "multi.conf");
  writeFileSync(
    conf,
    `input { stdin { codec => multiline { pattern => "^\\s" what => "previous" } } }
filter {
  clone { clones => ["copy"] }
  split { }
  mutate { strip => ["message"] }
}
`,
  );
  const r = simulate("first\n  more\nsecond\n", conf);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.lines.map((e) => [e.message, e.tags]), [
    ["first", ["multiline"]],
    ["more", ["multiline"]],
    ["first", ["multiline", "copy"]],
    ["more", ["multiline", "copy"]],
    ["second", undefined],
    ["second", ["copy"]],
  ]);
  assert.deepEqual(r.lines[0].event, { original: "first\n  more" });
});

test("--geoip-db feeds geoip filters without a database; dictionary_path is read next to the pipeline", () => {
  const dir = join(tmp, "pipeline-dir");
  mkdirSync(dir);
  writeFileSync(join(dir, "codes.yml"), '"GB": United Kingdom\n');
  writeFileSync(
    join(dir, "main.conf"),
    `filter {
  geoip { source => "message" target => "geo" }
  translate { source => "[geo][geo][country_iso_code]" target => "country" dictionary_path => "codes.yml" }
}
`,
  );
  const city = geolite2Paths()?.City;
  assert.ok(city, "the geolite2 package is installed");
  const r = simulate("81.2.69.142\n", dir, "--geoip-db", city);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.lines[0].geo.geo.city_name, "Arnold");
  assert.equal(r.lines[0].country, "United Kingdom");
  assert.equal(r.stderr, "");
  const none = simulate("81.2.69.142\n", dir, "--geoip-db", join(tmp, "missing.mmdb"));
  assert.match(none.stderr, /skipped geoip .*cannot read the GeoIP database/);
});

test("bad usage exits 2; a pipeline with syntax errors exits 1", () => {
  assert.equal(simulate("").code, 2);
  assert.equal(simulate("", pipelinePath, "--bogus").code, 2);
  assert.equal(simulate("", pipelinePath, "--geoip-db").code, 2);
  const broken = join(tmp, "broken.conf");
  writeFileSync(broken, "filter { mutate { add_tag => [ } \n");
  const r = simulate("x\n", broken);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, "");
});
