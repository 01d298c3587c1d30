import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { OptionHistory, OptionSpec, PluginSpec, ValidateType } from "../../server/src/core/catalog/types";

const filters = JSON.parse(
  readFileSync(new URL("../../server/src/core/catalog/data/filters.json", import.meta.url), "utf8"),
) as PluginSpec[];

const VALIDATE_TYPES = new Set<ValidateType>([
  "string", "number", "boolean", "array", "hash", "codec", "path", "uri", "password", "bytes",
  "field_reference", "enum", "any",
]);

// Declared by logstash-core for every filter; they belong in common.json, not in a plugin entry.
const COMMON_FILTER_OPTIONS = [
  "add_field", "add_tag", "remove_field", "remove_tag", "periodic_flush", "id", "enable_metric", "ecs_compatibility",
];

const MUST_HAVE = [
  "grok", "mutate", "drop", "clone", "geoip", "date", "json", "kv", "csv", "dissect", "useragent", "ruby", "split",
  "translate", "dns", "fingerprint", "aggregate", "xml", "urldecode", "prune", "truncate", "elasticsearch", "http",
  "memcached", "cidr", "de_dot", "throttle", "sleep", "metrics",
  // bundled through integrations, as a separate gem, or in logstash-core
  "jdbc_static", "jdbc_streaming", "elastic_integration", "java_uuid",
];

const VERSION = /^\d+\.\d+(\.\d+)?$/;
const OPTION_KEYS = new Set([
  "name", "validate", "values", "list", "default", "required", "deprecated", "obsolete", "replacement",
  "description", "since", "until", "history",
]);
const HISTORY_KEYS = new Set([...OPTION_KEYS].filter((k) => !["name", "history", "since", "until"].includes(k)).concat("until"));

function cmp(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

/** The option as a given Logstash release had it: history entries above `version`, newest first, layered. */
function at(option: OptionSpec, version: string): Omit<OptionSpec, "history"> | undefined {
  if (option.since && cmp(version, option.since) < 0) return undefined;
  if (option.until && cmp(version, option.until) >= 0) return undefined;
  const entries = (option.history ?? []).filter((h) => cmp(version, h.until) < 0).sort((a, b) => cmp(b.until, a.until));
  let out: OptionSpec = { ...option };
  for (const { until: _u, ...change } of entries) out = { ...out, ...change };
  return out;
}

function plugin(name: string): PluginSpec {
  const p = filters.find((f) => f.name === name);
  assert.ok(p, `filter ${name} is in the catalog`);
  return p;
}

function option(pluginName: string, name: string): OptionSpec {
  const o = plugin(pluginName).options.find((x) => x.name === name);
  assert.ok(o, `${pluginName}.${name} is in the catalog`);
  return o;
}

test("every entry is a filter and plugin names are unique", () => {
  assert.ok(filters.length >= MUST_HAVE.length);
  const names = new Set<string>();
  for (const p of filters) {
    assert.equal(p.kind, "filter", p.name);
    assert.match(p.name, /^[a-z][a-z0-9_]*$/);
    assert.ok(!names.has(p.name), `duplicate plugin ${p.name}`);
    names.add(p.name);
    assert.equal(typeof p.bundled, "boolean", `${p.name}.bundled`);
    assert.ok(p.description && p.description.length > 10, `${p.name} has a description`);
    assert.ok(p.source, `${p.name} names its gem`);
    for (const v of p.ecsCompatibility ?? []) assert.match(v, /^(disabled|v\d+)$/, `${p.name} ecs value ${v}`);
  }
});

test("every must-have filter exists and is bundled", () => {
  for (const name of MUST_HAVE) assert.equal(plugin(name).bundled, true, name);
  assert.equal(plugin("jdbc_static").source, "logstash-integration-jdbc");
  assert.equal(plugin("java_uuid").source, "logstash-core");
});

test("options are well formed", () => {
  for (const p of filters) {
    const seen = new Set<string>();
    for (const o of p.options) {
      const where = `${p.name}.${o.name}`;
      assert.ok(!seen.has(o.name), `duplicate option ${where}`);
      seen.add(o.name);
      for (const k of Object.keys(o)) assert.ok(OPTION_KEYS.has(k), `${where} has unknown key ${k}`);
      assert.ok(VALIDATE_TYPES.has(o.validate), `${where} validate ${o.validate}`);
      if (o.validate === "enum") assert.ok(Array.isArray(o.values) && o.values.length > 0, `${where} enum values`);
      else assert.equal(o.values, undefined, `${where} has values but is not an enum`);
      assert.ok("default" in o, `${where} states its default (null when none)`);
      if (o.required) assert.equal(o.default, null, `${where} is required yet has a default`);
      assert.ok(o.description && o.description.trim().length > 5, `${where} has a description`);
      if (o.replacement) assert.ok(p.options.some((x) => x.name === o.replacement), `${where} replacement exists`);
      if (o.obsolete || o.deprecated) assert.equal(typeof (o.obsolete || o.deprecated), "string", `${where} message`);
      if (o.since) assert.match(o.since, VERSION);
      if (o.until) assert.match(o.until, VERSION);
      if (o.since && o.until) assert.ok(cmp(o.since, o.until) < 0, `${where} since < until`);
    }
  }
});

test("history entries have an until inside the option's lifetime and only known keys", () => {
  for (const p of filters) {
    for (const o of p.options) {
      const untils = new Set<string>();
      for (const h of o.history ?? ([] as OptionHistory[])) {
        const where = `${p.name}.${o.name} history`;
        assert.equal(typeof h.until, "string", `${where} until`);
        assert.match(h.until, VERSION, where);
        assert.ok(!untils.has(h.until), `${where} repeats until ${h.until}`);
        untils.add(h.until);
        if (o.since) assert.ok(cmp(h.until, o.since) > 0, `${where} ends after the option appeared`);
        if (o.until) assert.ok(cmp(h.until, o.until) <= 0, `${where} ends before the option was removed`);
        assert.ok(Object.keys(h).length > 1, `${where} changes something`);
        for (const k of Object.keys(h)) assert.ok(HISTORY_KEYS.has(k), `${where} has unknown key ${k}`);
        if (h.validate !== undefined) assert.ok(VALIDATE_TYPES.has(h.validate), `${where} validate`);
        if (h.required) assert.equal(h.default ?? null, null, `${where} is required yet has a default`);
      }
    }
  }
});

test("common filter options are left to common.json", () => {
  for (const p of filters)
    for (const name of COMMON_FILTER_OPTIONS)
      assert.ok(!p.options.some((o) => o.name === name), `${p.name} redeclares common option ${name}`);
});

test("ECS-aware plugins list the ecs_compatibility values they accept", () => {
  for (const name of ["grok", "clone", "geoip", "csv", "json", "kv", "elasticsearch", "http", "useragent", "jdbc_static"])
    assert.deepEqual(plugin(name).ecsCompatibility, ["disabled", "v1", "v8"], name);
  assert.equal(plugin("mutate").ecsCompatibility, undefined);
});

test("clone: clones became required and lost its empty default in 7.0", () => {
  const clones = option("clone", "clones");
  assert.equal(at(clones, "9.5")?.required, true);
  assert.equal(at(clones, "8.19")?.default, null);
  assert.equal(at(clones, "6.5.4")?.required, false);
  assert.deepEqual(at(clones, "6.8")?.default, []);
});

test("geoip: target lost its static default; lru_cache_size was obsolete in 6.x and is gone since 7.0", () => {
  const target = option("geoip", "target");
  assert.equal(at(target, "6.5")?.default, "geoip");
  assert.equal(at(target, "8.19")?.default, null);
  const lru = option("geoip", "lru_cache_size");
  assert.ok(at(lru, "6.5")?.obsolete);
  assert.equal(at(lru, "7.0"), undefined);
  assert.equal(lru.replacement, "cache_size");
  assert.equal(option("geoip", "source").required, true);
});

test("grok gained target and timeout_scope after 6.5; its 6.x options are unchanged", () => {
  assert.equal(at(option("grok", "target"), "6.5"), undefined);
  assert.ok(at(option("grok", "target"), "8.19"));
  assert.equal(at(option("grok", "timeout_scope"), "6.5"), undefined);
  assert.deepEqual(option("grok", "timeout_scope").values, ["pattern", "event"]);
  for (const name of ["match", "patterns_dir", "pattern_definitions", "patterns_files_glob", "break_on_match",
    "named_captures_only", "keep_empty_captures", "tag_on_failure", "timeout_millis", "tag_on_timeout", "overwrite"])
    assert.ok(at(option("grok", name), "6.5"), `grok.${name} exists in 6.5`);
  assert.equal(option("grok", "match").validate, "hash");
});

test("mutate: argument shapes and tag_on_failure", () => {
  for (const name of ["rename", "replace", "update", "convert", "split", "join", "merge", "copy", "coerce"])
    assert.equal(option("mutate", name).validate, "hash", `mutate.${name}`);
  for (const name of ["gsub", "uppercase", "lowercase", "capitalize", "strip"])
    assert.equal(option("mutate", name).validate, "array", `mutate.${name}`);
  assert.match(option("mutate", "gsub").description ?? "", /triple/);
  const tag = option("mutate", "tag_on_failure");
  assert.equal(tag.default, "_mutate_error");
  assert.equal(at(tag, "6.5"), undefined);
  assert.ok(at(tag, "8.19"));
});

test("http filter: legacy TLS settings are deprecated in 8.x and obsolete in 9.x", () => {
  const cacert = option("http", "cacert");
  assert.ok(at(cacert, "9.0")?.obsolete);
  assert.equal(at(cacert, "8.19")?.obsolete, false);
  assert.ok(at(cacert, "8.19")?.deprecated);
  assert.equal(at(cacert, "7.17")?.deprecated, false);
  assert.equal(cacert.replacement, "ssl_certificate_authorities");
  // HTTP client mixin options are listed on the plugin
  for (const name of ["request_timeout", "pool_max", "proxy", "user", "password", "ssl_verification_mode"])
    assert.ok(option("http", name));
});

test("drop has only percentage; java_uuid needs a target", () => {
  assert.deepEqual(plugin("drop").options.map((o) => o.name), ["percentage"]);
  assert.equal(option("drop", "percentage").default, 100);
  assert.equal(option("java_uuid", "target").required, true);
  assert.equal(plugin("java_uuid").since, "6.7");
});
