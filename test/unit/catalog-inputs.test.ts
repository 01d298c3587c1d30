import { test } from "node:test";
import assert from "node:assert/strict";
import inputs from "../../server/src/core/catalog/data/inputs.json";
import common from "../../server/src/core/catalog/data/common.json";
import type { CommonOptions, OptionSpec, PluginSpec } from "../../server/src/core/catalog/types";

const VALIDATE = new Set(["string", "number", "boolean", "array", "hash", "codec", "path", "uri", "password", "bytes", "field_reference", "enum", "any"]);
const VERSION = /^\d+\.\d+$/;
const plugins = inputs as PluginSpec[];
const commonOptions = common as CommonOptions;

function checkOptions(where: string, options: OptionSpec[]): void {
  const seen = new Set<string>();
  for (const o of options) {
    const at = `${where}.${o.name}`;
    assert.ok(!seen.has(o.name), `${at} is listed twice`);
    seen.add(o.name);
    assert.ok(VALIDATE.has(o.validate), `${at}: bad validate ${o.validate}`);
    if (o.validate === "enum") assert.ok(Array.isArray(o.values) && o.values.length > 0, `${at}: enum without values`);
    if (o.required) assert.equal(o.default ?? null, null, `${at}: required option with a default`);
    assert.ok(o.description && o.description.length > 5, `${at}: missing description`);
    for (const v of [o.since, o.until]) if (v !== undefined) assert.match(v, VERSION, `${at}: bad version ${v}`);
    if (o.since && o.until) assert.ok(Number(o.since.replace(".", ".0")) < Number(o.until.replace(".", ".0")) || o.since < o.until, `${at}: since after until`);
    for (const h of o.history ?? []) {
      assert.match(h.until ?? "", VERSION, `${at}: history entry without until`);
      if (h.validate !== undefined) assert.ok(VALIDATE.has(h.validate), `${at}: bad validate in history`);
      if (h.validate === "enum") assert.ok(h.values ?? o.values, `${at}: history enum without values`);
    }
  }
}

test("every input plugin is well formed", () => {
  const names = new Set<string>();
  for (const p of plugins) {
    assert.equal(p.kind, "input");
    assert.ok(!names.has(p.name), `input ${p.name} listed twice`);
    names.add(p.name);
    assert.equal(typeof p.bundled, "boolean", `${p.name}: bundled must be set`);
    assert.ok(p.description, `${p.name}: missing description`);
    if (p.ecsCompatibility) assert.ok(p.ecsCompatibility.includes("disabled"), `${p.name}: ECS values lack disabled`);
    checkOptions(p.name, p.options);
  }
});

test("the must-have inputs are present, including integration and core ones", () => {
  const byName = new Map(plugins.map((p) => [p.name, p]));
  for (const n of ["file", "syslog", "redis", "beats", "http", "jdbc", "kafka", "tcp", "udp", "stdin", "generator", "exec", "s3", "elasticsearch",
    "rabbitmq", "sqs", "cloudwatch", "snmp", "snmptrap", "logstash", "pipeline", "java_generator", "java_stdin", "dead_letter_queue", "http_poller"]) {
    assert.ok(byName.has(n), `input ${n} missing`);
  }
  assert.equal(byName.get("kafka")?.source, "logstash-integration-kafka");
  assert.equal(byName.get("s3")?.source, "logstash-integration-aws");
  assert.equal(byName.get("redis")?.defaultCodec, "json");
  assert.ok(byName.get("file")?.options.find((o) => o.name === "path")?.required);
});

test("common options cover every kind and have the core defaults", () => {
  for (const kind of ["input", "filter", "output", "codec"] as const) {
    checkOptions(`common ${kind}`, commonOptions[kind]);
    const names = commonOptions[kind].map((o) => o.name);
    for (const n of ["id", "enable_metric", "ecs_compatibility"]) assert.ok(names.includes(n), `${kind} lacks ${n}`);
  }
  const ecs = commonOptions.input.find((o) => o.name === "ecs_compatibility")!;
  assert.equal(ecs.default, null, "ecs_compatibility follows the pipeline setting, so it has no static default");
  assert.equal(ecs.since, "7.10");
  const workers = commonOptions.output.find((o) => o.name === "workers")!;
  assert.ok(workers.deprecated);
  assert.equal(workers.history?.[0].default, 1);
  const inputObsolete = commonOptions.input.filter((o) => o.obsolete).map((o) => o.name).sort();
  assert.deepEqual(inputObsolete, ["charset", "debug", "format", "message_format"]);
  for (const kind of ["filter", "output"] as const) {
    assert.deepEqual(commonOptions[kind].filter((o) => o.obsolete).map((o) => o.name).sort(), ["exclude_tags", "tags", "type"]);
  }
});

test("a plugin option does not shadow a common option by accident", () => {
  const commonInput = new Set(commonOptions.input.map((o) => o.name));
  // Only these plugins really redeclare a common option (with their own default).
  const allowed = new Set(["snmp.add_field", "kafka.codec", "jdbc.charset", "rabbitmq.debug"]);
  for (const p of plugins) {
    for (const o of p.options) {
      if (commonInput.has(o.name)) assert.ok(allowed.has(`${p.name}.${o.name}`), `${p.name}.${o.name} shadows a common option`);
    }
  }
});
