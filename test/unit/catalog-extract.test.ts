import { test } from "node:test";
import assert from "node:assert/strict";
import { extractClasses, toOptionSpec } from "../../scripts/catalog/ruby-config";
import { checkCatalog, extractPlugins } from "../../scripts/catalog/extract-options";
import type { PluginSpec } from "../../server/src/core/catalog/types";

// A made-up plugin and mixin exercising the literal forms real plugins use.
const PLUGIN = `
require "logstash/inputs/base"
class LogStash::Inputs::Sample < LogStash::Inputs::Base
  include LogStash::PluginMixins::ECSCompatibilitySupport(:disabled, :v1, :v8 => :v1)
  include LogStash::PluginMixins::SampleSsl

  MODES = %w(server client).freeze
  config_name "sample"
  default :codec, "json"

  config :host, :validate => :string, :default => "0.0.0.0" # trailing comment
  config :port, :validate => :number, :required => true
  config :mode, :validate => MODES, :default => "server"
  config :buffer, :validate => :bytes, :default => 64 * 1024
  config :headers, :validate => :hash, :default => { "a" => 1, b: [true, nil] }
  config :labels, :validate => :array, :default => [
    "one", 'two',
  ]
  config :hosts_list, :validate => :uri_list
  config :threads, :validate => :number, :default => LogStash::Config::CpuCoreStrategy.maximum
  config(:proto, :validate => ["TLSv1.2", "TLSv1.3"], :list => true)
  config :old_flag, :validate => :boolean, :obsolete => "Use 'new_flag' instead."
  config :legacy, :deprecated => "going away"
end
`;

const MIXIN = `
module LogStash
  module PluginMixins
    module SampleSsl
      def self.included(base)
        base.config :ssl_enabled, :validate => :boolean, :default => false
        base.config :host, :validate => :string
      end
    end
  end
end
`;

test("reads config declarations and their Ruby literals", () => {
  const [cls] = extractClasses(PLUGIN).filter((c) => c.kind);
  assert.equal(cls.kind, "input");
  assert.equal(cls.configName, "sample");
  assert.equal(cls.defaultCodec, "json");
  const specs = Object.fromEntries(cls.configs.map((d) => [d.name, toOptionSpec(d)]));
  assert.deepEqual(specs.host, { name: "host", validate: "string", default: "0.0.0.0" });
  assert.deepEqual(specs.port, { name: "port", validate: "number", default: null, required: true });
  assert.deepEqual(specs.mode, { name: "mode", validate: "enum", values: ["server", "client"], default: "server" });
  assert.equal(specs.buffer.default, 65536);
  assert.deepEqual(specs.headers.default, { a: 1, b: [true, null] });
  assert.deepEqual(specs.labels.default, ["one", "two"]);
  assert.deepEqual(specs.hosts_list, { name: "hosts_list", validate: "uri", list: true, default: null });
  assert.equal(specs.threads.default, null, "a default computed at runtime has no static value");
  assert.deepEqual(specs.proto, { name: "proto", validate: "enum", values: ["TLSv1.2", "TLSv1.3"], list: true, default: null });
  assert.equal(specs.old_flag.obsolete, "Use 'new_flag' instead.");
  assert.equal(specs.legacy.validate, "any");
  assert.equal(specs.legacy.deprecated, "going away");
});

test("merges mixin options, the plugin's own declaration winning", () => {
  const [plugin] = extractPlugins([
    { path: "lib/logstash/inputs/sample.rb", text: PLUGIN, gem: "logstash-input-sample" },
    { path: "lib/logstash/plugin_mixins/sample_ssl.rb", text: MIXIN, gem: "logstash-mixin-sample" },
  ]);
  assert.equal(plugin.name, "sample");
  assert.deepEqual(plugin.ecsCompatibility, ["disabled", "v1", "v8"]);
  const host = plugin.options.find((o) => o.name === "host");
  assert.equal(host?.default, "0.0.0.0");
  assert.ok(plugin.options.some((o) => o.name === "ssl_enabled"));
  assert.equal(plugin.options.filter((o) => o.name === "host").length, 1);
});

test("check reports missing options and wrong defaults", () => {
  const [plugin] = extractPlugins([{ path: "x.rb", text: PLUGIN, gem: "logstash-input-sample" }]);
  const catalog: PluginSpec[] = [
    {
      kind: "input",
      name: "sample",
      options: plugin.options.filter((o) => o.name !== "port").map((o) => (o.name === "host" ? { ...o, default: "localhost" } : o)),
    },
  ];
  const problems = checkCatalog([plugin], catalog).map((p) => `${p.option}: ${p.message}`);
  assert.deepEqual(problems.sort(), ['host: default: catalog "localhost", installation "0.0.0.0"', "port: option missing from the catalog"]);
  assert.deepEqual(checkCatalog([plugin], []), [], "kinds without catalog data are not checked");
});
