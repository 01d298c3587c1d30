import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../../dist/cli.cjs", import.meta.url));

function catalog(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, "catalog", ...args], { encoding: "utf8", env: { ...process.env, LOGSMITH_LOCALE: "en" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Option {
  name: string;
  validate: string;
  list: boolean;
  default: unknown;
  required: boolean;
  deprecated: boolean;
  obsolete: boolean;
}

test("catalog --format json prints every plugin with complete options, common options by kind", () => {
  const r = catalog("--format", "json");
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout) as { plugins: { kind: string; name: string; options: Option[] }[]; common: Record<string, Option[]> };
  const names = (kind: string) => j.plugins.filter((p) => p.kind === kind).map((p) => p.name);
  for (const n of ["file", "syslog", "redis", "beats", "http", "jdbc", "kafka", "tcp", "udp", "stdin", "generator", "exec", "s3", "elasticsearch"]) assert.ok(names("input").includes(n), `input ${n}`);
  for (const n of ["grok", "mutate", "drop", "clone", "geoip", "date", "json", "kv", "csv", "dissect", "useragent", "translate", "aggregate", "xml"]) assert.ok(names("filter").includes(n), `filter ${n}`);
  for (const n of ["elasticsearch", "file", "graphite", "redis", "stdout", "kafka", "http", "pipeline", "null"]) assert.ok(names("output").includes(n), `output ${n}`);
  for (const n of ["plain", "json", "json_lines", "line", "multiline", "rubydebug", "es_bulk", "netflow", "cef", "avro"]) assert.ok(names("codec").includes(n), `codec ${n}`);
  const file = j.plugins.find((p) => p.kind === "input" && p.name === "file")!;
  const path = file.options.find((o) => o.name === "path")!;
  assert.deepEqual([path.validate, path.required], ["array", true]);
  assert.ok(!file.options.some((o) => o.name === "add_field"), "common options are listed under common, not per plugin");
  assert.ok(j.common.filter.some((o) => o.name === "add_tag"));
  assert.ok(j.common.output.some((o) => o.name === "codec"));
  for (const p of j.plugins) for (const o of p.options) assert.equal(typeof o.obsolete, "boolean");
});

test("catalog follows --logstash-version", () => {
  const newest = JSON.parse(catalog("--format", "json").stdout);
  const old = JSON.parse(catalog("--format", "json", "--logstash-version", "6.5").stdout);
  const ssl = (j: { plugins: { kind: string; name: string; options: Option[] }[] }) =>
    j.plugins.find((p) => p.kind === "output" && p.name === "elasticsearch")!.options.find((o) => o.name === "ssl")!;
  assert.equal(ssl(newest).obsolete, true);
  assert.equal(ssl(old).obsolete, false);
  assert.equal(catalog("--format", "yaml").status, 2);
});
