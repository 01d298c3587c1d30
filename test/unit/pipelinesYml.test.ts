import assert from "node:assert/strict";
import { test } from "node:test";
import { analyzePipelinesYml, completePipelinesYml, globToRegExp, hoverPipelinesYml, matchPathConfig, resolvePathConfig } from "../../server/src/core/pipelinesYml";

const FILES = [
  "/ws/config/pipelines.yml",
  "/ws/conf.d/10-input.conf",
  "/ws/conf.d/20-filter.conf",
  "/ws/conf.d/20-filter.conf~",
  "/ws/conf.d/.hidden.conf",
  "/ws/conf.d/sub/deep.conf",
  "/ws/collector/apache.conf",
  "/ws/collector/tomcat.conf",
  "/ws/indexer.conf",
];
const ctx = { path: "/ws/config/pipelines.yml", roots: ["/ws"], files: FILES };

function codes(text: string): string[] {
  return analyzePipelinesYml(text, ctx).issues.map((i) => i.code);
}

function issueAt(text: string, code: string): string {
  const found = analyzePipelinesYml(text, ctx).issues.find((i) => i.code === code);
  assert.ok(found, `no ${code}`);
  return text.slice(found.range.start, found.range.end);
}

test("glob: * stays in one segment and skips dot files; ** crosses folders; braces and classes", () => {
  assert.ok(globToRegExp("/a/*.conf").test("/a/x.conf"));
  assert.ok(!globToRegExp("/a/*.conf").test("/a/b/x.conf"));
  assert.ok(!globToRegExp("/a/*.conf").test("/a/.x.conf"));
  assert.ok(globToRegExp("/a/**/*.conf").test("/a/x.conf"));
  assert.ok(globToRegExp("/a/**/*.conf").test("/a/b/c/x.conf"));
  assert.ok(globToRegExp("/a/{x,y}.conf").test("/a/y.conf"));
  assert.ok(!globToRegExp("/a/{x,y}.conf").test("/a/z.conf"));
  assert.ok(globToRegExp("/a/[0-9]*.conf").test("/a/10-in.conf"));
  assert.ok(!globToRegExp("/a/[!0-9]*.conf").test("/a/10-in.conf"));
  assert.ok(globToRegExp("/a/?.conf").test("/a/x.conf"));
});

test("a directory reads the files directly in it, sorted, without backups or dot files", () => {
  assert.deepEqual(matchPathConfig("/ws/conf.d", FILES), ["/ws/conf.d/10-input.conf", "/ws/conf.d/20-filter.conf"]);
  assert.deepEqual(matchPathConfig("/ws/conf.d/", FILES), ["/ws/conf.d/10-input.conf", "/ws/conf.d/20-filter.conf"]);
});

test("absolute server paths map onto the workspace by their tail; relative ones resolve from LOGSTASH_HOME", () => {
  assert.deepEqual(resolvePathConfig("/etc/logstash/conf.d/*.conf", ctx.path, ctx.roots, FILES).files, ["/ws/conf.d/10-input.conf", "/ws/conf.d/20-filter.conf"]);
  assert.deepEqual(resolvePathConfig("collector/*.conf", ctx.path, ctx.roots, FILES).files, ["/ws/collector/apache.conf", "/ws/collector/tomcat.conf"]);
  // A bare file-name glob is not matched anywhere in the workspace.
  assert.deepEqual(resolvePathConfig("/etc/*.conf", ctx.path, ctx.roots, FILES).files, []);
});

test("a valid file has no issues and resolves each pipeline's files", () => {
  const text = `- pipeline.id: collector
  path.config: "/etc/logstash/collector/*.conf"
  pipeline.workers: 2
  queue.type: persisted
  queue.max_bytes: 4gb
- pipeline.id: indexer
  path.config: "indexer.conf"
  pipeline.batch.size: 250
  pipeline.ecs_compatibility: v8
  config.reload.automatic: true
  config.reload.interval: 5s
`;
  const analysis = analyzePipelinesYml(text, ctx);
  assert.deepEqual(analysis.issues, []);
  assert.deepEqual(analysis.pipelines.map((p) => [p.id, p.files]), [
    ["collector", ["/ws/collector/apache.conf", "/ws/collector/tomcat.conf"]],
    ["indexer", ["/ws/indexer.conf"]],
  ]);
});

test("unknown setting, with a suggestion for a typo", () => {
  const text = "- pipeline.id: a\n  pipeline.worker: 2\n  path.config: indexer.conf\n";
  const found = analyzePipelinesYml(text, ctx).issues.find((i) => i.code === "pipelines-unknown-setting");
  assert.ok(found);
  assert.equal(text.slice(found.range.start, found.range.end), "pipeline.worker");
  assert.equal(found.data?.replacements?.[0], "pipeline.workers");
  // Settings that exist only in logstash.yml are not per-pipeline.
  assert.equal(issueAt("- pipeline.id: a\n  http.port: 9600\n  path.config: indexer.conf\n", "pipelines-unknown-setting"), "http.port");
});

test("wrong types and values", () => {
  assert.equal(issueAt("- pipeline.id: a\n  path.config: indexer.conf\n  pipeline.workers: two\n", "pipelines-invalid-value"), "two");
  assert.equal(issueAt("- pipeline.id: a\n  path.config: indexer.conf\n  pipeline.batch.size: 0\n", "pipelines-invalid-value"), "0");
  assert.equal(issueAt("- pipeline.id: a\n  path.config: indexer.conf\n  queue.type: disk\n", "pipelines-invalid-value"), "disk");
  assert.equal(issueAt("- pipeline.id: a\n  path.config: indexer.conf\n  queue.max_bytes: lots\n", "pipelines-invalid-value"), "lots");
  assert.equal(issueAt("- pipeline.id: a\n  path.config: indexer.conf\n  dead_letter_queue.enable: yes please\n", "pipelines-invalid-value"), "yes please");
  assert.equal(issueAt("- pipeline.id: a\n  path.config: indexer.conf\n  pipeline.ordered: maybe\n", "pipelines-invalid-value"), "maybe");
  // Environment substitution is resolved at load time, so it is not checked.
  assert.deepEqual(codes("- pipeline.id: a\n  path.config: indexer.conf\n  pipeline.workers: ${WORKERS:2}\n"), []);
  // Strings "true"/"false" are coerced by Logstash's boolean setting.
  assert.deepEqual(codes("- pipeline.id: a\n  path.config: indexer.conf\n  pipeline.ordered: \"true\"\n  queue.drain: \"false\"\n"), []);
});

test("duplicate and missing ids", () => {
  const dup = "- pipeline.id: a\n  path.config: indexer.conf\n- pipeline.id: a\n  config.string: 'input { stdin {} }'\n";
  const found = analyzePipelinesYml(dup, ctx).issues.filter((i) => i.code === "pipelines-duplicate-id");
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start, dup.lastIndexOf("a\n"));
  const missing = analyzePipelinesYml("- path.config: indexer.conf\n- pipeline.id: b\n  config.string: 'input { stdin {} }'\n", ctx).issues.find((i) => i.code === "pipelines-missing-id");
  assert.equal(missing?.severity, "error");
  const lone = analyzePipelinesYml("- path.config: indexer.conf\n", ctx).issues.find((i) => i.code === "pipelines-missing-id");
  assert.equal(lone?.severity, "warning");
});

test("path.config that matches nothing, files read twice, path.config with config.string", () => {
  assert.equal(issueAt("- pipeline.id: a\n  path.config: /etc/logstash/nothing/*.conf\n", "pipelines-path-no-match"), "/etc/logstash/nothing/*.conf");
  const shared = "- pipeline.id: a\n  path.config: conf.d\n- pipeline.id: b\n  path.config: conf.d/10-*.conf\n";
  assert.equal(issueAt(shared, "pipelines-shared-file"), "conf.d/10-*.conf");
  assert.equal(issueAt("- pipeline.id: a\n  path.config: indexer.conf\n  config.string: 'input {}'\n", "pipelines-path-and-string"), "config.string");
});

test("config.string is parsed and its errors point into the YAML string", () => {
  const text = `- pipeline.id: inline
  config.string: |
    input { stdin {} }
    filter { mutate { add_tag => } }
`;
  const errors = analyzePipelinesYml(text, ctx).issues.filter((i) => i.code.startsWith("syntax-"));
  assert.ok(errors.length >= 1, "a syntax error is reported");
  const at = errors[0].range.start;
  const line = text.slice(text.lastIndexOf("\n", at - 1) + 1, text.indexOf("\n", at));
  assert.equal(line, "    filter { mutate { add_tag => } }");
  assert.ok(at > text.indexOf("add_tag"), "the error sits after add_tag =>");
  const quoted = "- pipeline.id: q\n  config.string: \"input { stdin { } } output { stdout { codec => } }\"\n";
  const e = analyzePipelinesYml(quoted, ctx).issues.find((i) => i.code.startsWith("syntax-"));
  assert.ok(e && e.range.start > quoted.indexOf("codec =>"));
});

test("YAML that is not a list of maps", () => {
  assert.deepEqual(codes("pipeline.id: a\n"), ["pipelines-not-a-list"]);
  assert.ok(codes("- pipeline.id: [a\n").includes("pipelines-yaml-syntax"));
});

test("completion of setting names and values; hover", () => {
  const text = "- pipeline.id: a\n  queue.type: pe\n  pipe";
  const names = completePipelinesYml(text, text.length).map((c) => c.label);
  assert.ok(names.includes("pipeline.workers"));
  assert.ok(!names.includes("pipeline.id"), "keys already set are not offered");
  const valueAt = text.indexOf("pe\n") + 2;
  assert.deepEqual(completePipelinesYml(text, valueAt).map((c) => c.label), ["memory", "persisted"]);
  const hover = hoverPipelinesYml(text, text.indexOf("queue.type") + 3);
  assert.match(hover?.markdown ?? "", /persisted/);
  assert.equal(hoverPipelinesYml(text, 0), undefined);
});
