import { test } from "node:test";
import assert from "node:assert/strict";
import outputs from "../../server/src/core/catalog/data/outputs.json";
import codecs from "../../server/src/core/catalog/data/codecs.json";
import type { OptionSpec, PluginKind, PluginSpec } from "../../server/src/core/catalog/types";

const VALIDATE = new Set(["string", "number", "boolean", "array", "hash", "codec", "path", "uri", "password", "bytes", "field_reference", "enum", "any"]);
const VERSION = /^\d+\.\d+$/;
// Declared by logstash-core for every output/codec; they live in common.json only.
const COMMON = new Set(["id", "enable_metric", "ecs_compatibility", "codec", "workers"]);
// Upstream quirk kept as declared: the rabbitmq connection mixin gives an array option a `{}` default.
const ODD_DEFAULTS = new Set(["output rabbitmq.arguments"]);
const outputPlugins = outputs as PluginSpec[];
const codecPlugins = codecs as PluginSpec[];

function versionKey(v: string): number {
  const [major, minor] = v.split(".").map(Number);
  return major * 1000 + minor;
}

function option(plugins: PluginSpec[], plugin: string, name: string): OptionSpec {
  const o = plugins.find((p) => p.name === plugin)?.options.find((x) => x.name === name);
  assert.ok(o, `${plugin}.${name} missing`);
  return o;
}

function checkDefaultType(at: string, validate: string, list: boolean | undefined, value: unknown): void {
  if (value === null || value === undefined || ODD_DEFAULTS.has(at)) return;
  const values = list && Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (validate === "boolean") assert.equal(typeof v, "boolean", `${at}: boolean option with default ${JSON.stringify(v)}`);
    if (validate === "number") assert.equal(typeof v, "number", `${at}: number option with default ${JSON.stringify(v)}`);
    if (validate === "hash") assert.ok(typeof v === "object" && !Array.isArray(v), `${at}: hash option with non-hash default`);
    if (validate === "array") assert.ok(Array.isArray(value), `${at}: array option with non-array default`);
  }
}

function checkPlugins(kind: PluginKind, plugins: PluginSpec[]): void {
  const names = new Set<string>();
  for (const p of plugins) {
    assert.equal(p.kind, kind, `${p.name}: wrong kind`);
    assert.ok(!names.has(p.name), `${kind} ${p.name} listed twice`);
    names.add(p.name);
    assert.equal(typeof p.bundled, "boolean", `${p.name}: bundled must be set`);
    assert.ok(p.description && p.source, `${p.name}: description and source are required`);
    if (p.since) assert.match(p.since, VERSION);
    for (const e of p.ecsCompatibility ?? []) assert.ok(["disabled", "v1", "v8"].includes(e), `${p.name}: ECS value ${e}`);
    if (p.defaultCodec) {
      assert.notEqual(p.defaultCodec, "plain", `${p.name}: plain is the implicit default`);
      assert.ok(codecPlugins.some((c) => c.name === p.defaultCodec), `${p.name}: default codec ${p.defaultCodec} is not in the catalog`);
    }
    const seen = new Set<string>();
    for (const o of p.options) {
      const at = `${kind} ${p.name}.${o.name}`;
      assert.ok(!seen.has(o.name), `${at} is listed twice`);
      seen.add(o.name);
      assert.ok(!COMMON.has(o.name), `${at}: common options belong in common.json`);
      assert.ok(VALIDATE.has(o.validate), `${at}: bad validate ${o.validate}`);
      if (o.validate === "enum") assert.ok(Array.isArray(o.values) && o.values.length > 0, `${at}: enum without values`);
      else assert.equal(o.values, undefined, `${at}: values on a non-enum option`);
      if (o.required) assert.equal(o.default ?? null, null, `${at}: required option with a default`);
      assert.ok("default" in o, `${at}: default must be given (null when none)`);
      checkDefaultType(at, o.validate, o.list, o.default);
      assert.ok(o.description && o.description.length > 5, `${at}: missing description`);
      for (const f of [o.deprecated, o.obsolete]) if (f !== undefined && f !== false) assert.ok(f.length > 3, `${at}: empty message`);
      if (o.replacement) {
        assert.ok(o.deprecated || o.obsolete || o.history?.some((h) => h.deprecated || h.obsolete), `${at}: replacement on a current option`);
        assert.ok(p.options.some((x) => x.name === o.replacement), `${at}: replacement ${o.replacement} is not an option`);
      }
      for (const v of [o.since, o.until]) if (v !== undefined) assert.match(v, VERSION, `${at}: bad version ${v}`);
      if (o.since && o.until) assert.ok(versionKey(o.since) < versionKey(o.until), `${at}: since is not before until`);
      let previous = Infinity;
      for (const h of o.history ?? []) {
        assert.match(h.until ?? "", VERSION, `${at}: history entry without until`);
        assert.ok(versionKey(h.until) < previous, `${at}: history not ordered newest first`);
        previous = versionKey(h.until);
        if (o.since) assert.ok(versionKey(h.until) > versionKey(o.since), `${at}: history before the option existed`);
        if (h.validate !== undefined) assert.ok(VALIDATE.has(h.validate), `${at}: bad validate in history`);
        if (h.validate === "enum") assert.ok(h.values ?? o.values, `${at}: history enum without values`);
        assert.ok(Object.keys(h).length > 1, `${at}: empty history entry`);
      }
    }
  }
}

test("every output plugin is well formed", () => checkPlugins("output", outputPlugins));

test("every codec plugin is well formed", () => checkPlugins("codec", codecPlugins));

test("the must-have outputs and codecs are present, including integration and core ones", () => {
  const out = new Map(outputPlugins.map((p) => [p.name, p]));
  for (const n of ["elasticsearch", "file", "graphite", "redis", "stdout", "kafka", "http", "tcp", "udp", "s3", "email", "pipeline", "null",
    "sns", "sqs", "cloudwatch", "rabbitmq", "logstash", "csv", "lumberjack", "webhdfs", "java_stdout", "sink"]) {
    assert.ok(out.has(n), `output ${n} missing`);
  }
  const cod = new Set(codecPlugins.map((p) => p.name));
  for (const n of ["plain", "json", "json_lines", "line", "multiline", "rubydebug", "es_bulk", "edn", "netflow", "cef", "avro", "collectd", "dots",
    "fluent", "graphite", "msgpack", "java_line", "java_plain", "jdots", "cloudfront", "cloudtrail"]) {
    assert.ok(cod.has(n), `codec ${n} missing`);
  }
  assert.equal(out.get("kafka")?.source, "logstash-integration-kafka");
  assert.equal(out.get("s3")?.source, "logstash-integration-aws");
  assert.equal(out.get("rabbitmq")?.source, "logstash-integration-rabbitmq");
  assert.equal(out.get("redis")?.defaultCodec, "json");
  assert.equal(out.get("file")?.defaultCodec, "json_lines");
  assert.equal(out.get("stdout")?.defaultCodec, "rubydebug");
  assert.equal(out.get("pipeline")?.source, "logstash-core");
});

test("elasticsearch output: 6.x TLS names deprecated in 8.x and rejected in 9.x", () => {
  const pairs: [string, string][] = [["ssl", "ssl_enabled"], ["ssl_certificate_verification", "ssl_verification_mode"],
    ["cacert", "ssl_certificate_authorities"], ["truststore", "ssl_truststore_path"], ["truststore_password", "ssl_truststore_password"],
    ["keystore", "ssl_keystore_path"], ["keystore_password", "ssl_keystore_password"]];
  for (const [old, replacement] of pairs) {
    const o = option(outputPlugins, "elasticsearch", old);
    assert.ok(o.obsolete, `${old} should be obsolete now`);
    assert.equal(o.replacement, replacement);
    const nine = o.history?.find((h) => h.until === "9.0");
    assert.ok(nine?.deprecated && nine.obsolete === false, `${old} should only be deprecated before 9.0`);
    assert.ok(option(outputPlugins, "elasticsearch", replacement).since, `${replacement} should carry the version that added it`);
  }
});

test("elasticsearch output: removed batching options and lost static defaults", () => {
  for (const n of ["flush_size", "idle_flush_time"]) {
    const o = option(outputPlugins, "elasticsearch", n);
    assert.ok(o.until && versionKey(o.until) <= versionKey("8.0"), `${n} must be gone before 8.0`);
  }
  for (const [n, old] of [["index", "logstash-%{+YYYY.MM.dd}"], ["template_name", "logstash"], ["action", "index"]]) {
    const o = option(outputPlugins, "elasticsearch", n);
    assert.equal(o.default, null, `${n} has no static default now`);
    assert.ok(o.history?.some((h) => h.default === old), `${n} should remember its old default ${old}`);
  }
  assert.equal(option(outputPlugins, "elasticsearch", "ilm_enabled").since, "6.6");
  assert.ok(option(outputPlugins, "elasticsearch", "data_stream").since);
  assert.ok(option(outputPlugins, "elasticsearch", "document_type").deprecated);
  assert.deepEqual(option(outputPlugins, "elasticsearch", "hosts").default, ["//127.0.0.1"]);
});

test("redis output: name/queue removed, TLS added, key and data_type required", () => {
  for (const n of ["name", "queue"]) assert.ok(option(outputPlugins, "redis", n).until, `${n} should be removed`);
  assert.ok(option(outputPlugins, "redis", "ssl_enabled").since);
  assert.ok(option(outputPlugins, "redis", "key").required);
  const dataType = option(outputPlugins, "redis", "data_type");
  assert.ok(dataType.required);
  assert.deepEqual(dataType.values, ["list", "channel"]);
});

test("mixin options are listed with their plugin", () => {
  assert.ok(option(outputPlugins, "elasticsearch", "ca_trusted_fingerprint"));
  assert.ok(option(outputPlugins, "http", "pool_max_per_route"), "http_client mixin");
  assert.ok(option(outputPlugins, "s3", "role_arn"), "AWS mixin");
  assert.ok(option(outputPlugins, "kafka", "sasl_mechanism"), "kafka common options");
  assert.ok(option(outputPlugins, "rabbitmq", "vhost"), "rabbitmq connection mixin");
  assert.ok(option(outputPlugins, "csv", "path"), "csv inherits the file output");
});
