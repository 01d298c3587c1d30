import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { analyzeLineage, lineageHover, type HostFile } from "../../server/src/core/lineage";
import { globMatchesWriter, resolveWriterPath } from "../../server/src/core/lineage/paths";
import { parseConfig } from "../../server/src/core/parse";
import type { IndexedPipeline } from "../../server/src/core/workspace";

const FIXTURE = join(import.meta.dirname, "../../test-fixtures/lineage");
const toUri = (p: string) => pathToFileURL(p).toString();

function pipeline(path: string, text: string): IndexedPipeline {
  return { id: path, files: [{ path, parse: parseConfig(text) }] };
}

function fixture() {
  const read = (rel: string) => ({ path: join(FIXTURE, rel), text: readFileSync(join(FIXTURE, rel), "utf8") });
  const host = read("httpd/conf/httpd.conf");
  const collector = read("logstash/collector.conf");
  const typo = read("logstash/collector-typo.conf");
  const lineage = analyzeLineage({ pipelines: [pipeline(collector.path, collector.text), pipeline(typo.path, typo.text)], hosts: [host], toUri });
  return { host, collector, typo, lineage };
}

const at = (text: string, needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not in text`);
  return i;
};

test("field notes: geoip on remoteIP when the JSON LogFormat writes clientip is a warning naming the source and clientip", () => {
  const { collector, lineage } = fixture();
  const issues = lineage.issuesFor(collector.path);
  assert.deepEqual(issues.map((i) => i.code), ["lineage-unknown-field"]);
  const [w] = issues;
  assert.equal(w.severity, "warning");
  assert.equal(collector.text.slice(w.range.start, w.range.end), "remoteIP");
  assert.match(w.message, /jsonacess_log/);
  assert.match(w.message, /LogFormat json_format/);
  assert.match(w.message, /`clientip`/);
  assert.deepEqual(w.data?.replacements, ["clientip"]);
});

test("fields the format writes, the input's type and sprintf references are not reported", () => {
  const { collector, lineage } = fixture();
  const status = lineage.refAt(collector.path, at(collector.text, "[status]") + 2);
  assert.ok(status?.fact, "status is known");
  const method = lineage.refAt(collector.path, at(collector.text, "%{method}") + 3);
  assert.ok(method?.fact);
  const type = lineage.refAt(collector.path, at(collector.text, "%{type}") + 3);
  assert.match(lineageHover(type!), /type of the file input/);
});

test("hover shows the origin chain: format directive, codec, filter", () => {
  const { collector, lineage } = fixture();
  const ref = lineage.refAt(collector.path, at(collector.text, "[status]") + 3)!;
  const md = lineageHover(ref);
  assert.match(md, /`%>s` written as "status" by LogFormat json_format \(httpd\.conf\)/);
  assert.match(md, /codec json of the file input \(collector\.conf\)/);
  assert.ok(md.indexOf("%>s") < md.indexOf("codec json"), "directive before codec");
  const chain = ref.fact!.chains[0];
  assert.equal(chain[0].path, join(FIXTURE, "httpd/conf/httpd.conf"));
  const host = readFileSync(chain[0].path!, "utf8");
  assert.equal(host.slice(chain[0].range!.start, chain[0].range!.end), String.raw`\"status\"`);
});

test("an input path no writer writes is information with the near writer; its pipeline gets no field warnings", () => {
  const { typo, lineage } = fixture();
  const issues = lineage.issuesFor(typo.path);
  assert.deepEqual(issues.map((i) => [i.code, i.severity]), [["lineage-input-no-writer", "information"]]);
  assert.equal(typo.text.slice(issues[0].range.start, issues[0].range.end), "/etc/httpd/logs/jsonaccess_log");
  assert.match(issues[0].message, /Did you mean `logs\/jsonacess_log`/);
});

test("a writer whose file no pipeline reads is information on the CustomLog file", () => {
  const { host, lineage } = fixture();
  const issues = lineage.issuesFor(host.path);
  assert.deepEqual(issues.map((i) => i.code), ["lineage-writer-unread"]);
  assert.equal(host.text.slice(issues[0].range.start, issues[0].range.end), '"logs/access_log"');
  assert.match(issues[0].message, /LogFormat common/);
});

const HOSTS: HostFile[] = [
  {
    path: "/srv/httpd/conf/httpd.conf",
    text: 'ServerRoot "/etc/httpd"\nLogFormat "%h %l %u %t \\"%r\\" %>s %b" common\nCustomLog logs/access_log common\n',
  },
  {
    path: "/srv/tomcat/conf/server.xml",
    text: '<Server><Valve className="org.apache.catalina.valves.AccessLogValve" directory="logs" prefix="localhost_access_log" suffix=".txt" pattern="{&quot;ip&quot;:&quot;%a&quot;,&quot;status&quot;:&quot;%s&quot;}"/></Server>',
  },
];

function run(text: string, hosts = HOSTS) {
  const path = "/srv/ls/p.conf";
  const lineage = analyzeLineage({ pipelines: [pipeline(path, text)], hosts, toUri });
  return { lineage, issues: lineage.issuesFor(path), path, text };
}

test("plain codec: only message until the pipeline's own grok captures fields (ECS or legacy names)", () => {
  const before = run(`input { file { path => "/etc/httpd/logs/access_log" } }
filter { if [clientip] { drop {} } }`);
  assert.deepEqual(before.issues.map((i) => i.code), ["lineage-unknown-field"]);
  assert.match(before.issues[0].message, /\/etc\/httpd\/logs\/access_log/);
  const after = run(`input { file { path => "/etc/httpd/logs/access_log" } }
filter {
  grok { match => { "message" => "%{COMMONAPACHELOG}" } }
  if [clientip] or [source][address] { mutate { add_tag => ["client"] } }
  mutate { rename => { "verb" => "[http][method]" } }
  if [http][method] == "GET" { mutate { rename => { "[http][method]" => "[verb]" } } }
  if [verb] { drop {} }
  if "client" in [tags] and [request] { mutate { remove_field => ["request"] } }
  if [request] { drop {} }
  mutate { remove_field => ["ident"] }
  if [ident] { drop {} }
}`);
  // A field renamed back in one branch, or removed in one branch, may still be there after it.
  assert.deepEqual(after.issues.map((i) => after.text.slice(i.range.start, i.range.end)), ["[ident]"]);
  assert.match(after.issues[0].message, /removed by mutate remove_field/);
  const noElse = run(`input { file { path => "/etc/httpd/logs/access_log" } }
filter { grok { match => { "message" => "%{COMMONAPACHELOG}" } } mutate { rename => { "verb" => "method" } } if [verb] { drop {} } }`);
  assert.equal(noElse.issues.length, 1);
  assert.match(noElse.issues[0].message, /removed by mutate rename to method/);
  assert.ok(noElse.issues[0].data?.replacements?.includes("[method]"));
});

test("json, kv and unknown plugins open the event: no reports after them; json on a JSON line knows its keys", () => {
  const open = run(`input { file { path => "/etc/httpd/logs/access_log" } }
filter { kv { } if [anything] { drop {} } }`);
  assert.deepEqual(open.issues, []);
  const targeted = run(`input { file { path => "/etc/httpd/logs/access_log" } }
filter { kv { target => "kv" } if [kv][a] and [nope] { drop {} } }`);
  assert.deepEqual(targeted.issues.map((i) => targeted.text.slice(i.range.start, i.range.end)), ["[nope]"]);
  const json = run(`input { file { path => "/opt/tomcat/logs/localhost_access_log.2026-01-01.txt" } }
filter { json { source => "message" } if [ip] and [stauts] { drop {} } }`);
  assert.deepEqual(json.issues.map((i) => json.text.slice(i.range.start, i.range.end)), ["[stauts]"]);
  assert.deepEqual(json.issues[0].data?.replacements, ["[status]"], "a selector keeps its brackets");
});

test("inputs not fully known (another input, unmatched path, unknown codec) report no fields", () => {
  for (const input of [
    `file { path => "/etc/httpd/logs/access_log" } beats { port => 5044 }`,
    `file { path => "/etc/httpd/logs/access_log" codec => avro { schema_uri => "x" } }`,
  ]) {
    const r = run(`input { ${input} } filter { if [nope] { drop {} } }`);
    assert.deepEqual(r.issues.filter((i) => i.code === "lineage-unknown-field"), [], input);
  }
});

test("writer paths: ServerRoot, Tomcat directory/prefix/suffix with the rotation date, relative tails, Dir.glob", () => {
  assert.deepEqual(resolveWriterPath("logs/access_log", "/etc/httpd"), { resolved: "/etc/httpd/logs/access_log", absolute: true });
  assert.deepEqual(resolveWriterPath("${catalina.base}/logs/app.log"), { resolved: "logs/app.log", absolute: false });
  const w = (p: string, root?: string) => resolveWriterPath(p, root);
  assert.ok(globMatchesWriter("/etc/httpd/logs/*_log", w("logs/access_log", "/etc/httpd")));
  assert.ok(!globMatchesWriter("/var/log/httpd/*_log", w("logs/access_log", "/etc/httpd")));
  assert.ok(globMatchesWriter("/etc/tomcat7-1/logs/localhost_access_log*", w("logs/localhost_access_log*.txt")));
  assert.ok(!globMatchesWriter("/etc/tomcat7-1/log/localhost_access_log*", w("logs/localhost_access_log*.txt")));
  assert.ok(globMatchesWriter("/var/**/app.log", w("${sys:logdir}/app.log")));
  assert.ok(globMatchesWriter("/var/log/{app,web}.log", w("/var/log/web.log")));
  assert.ok(!globMatchesWriter("/var/log/app?.log", w("/var/log/app.log")));
  const tomcat = run(`input { file { path => "/opt/tomcat/logs/localhost_access_log*" codec => json } } filter { if [ip] and [status] and [clientip] { drop {} } }`);
  assert.deepEqual(tomcat.issues.map((i) => tomcat.text.slice(i.range.start, i.range.end)), ["[clientip]"]);
});

test("hover chain of a grok capture starts at the line the producer wrote and goes through the codec", () => {
  const r = run(`input { file { path => "/etc/httpd/logs/access_log" } }
filter { grok { match => { "message" => "%{COMMONAPACHELOG}" } } mutate { rename => { "verb" => "method" } } if [method] == "GET" { drop {} } }`);
  assert.deepEqual(r.issues, []);
  const ref = r.lineage.refAt(r.path, r.text.indexOf("[method]") + 2)!;
  const labels = ref.fact!.chains[0].map((s) => s.label);
  assert.deepEqual(labels.slice(0, 2), ["line written by LogFormat common", "codec plain of the file input"]);
  assert.match(labels[2], /^grok capture `\w+:verb`$/);
  assert.equal(labels[3], "mutate rename from verb");
});

test("log4j2 appender files: a RollingFile under ${sys:catalina.base} is read by a glob; PatternLayout lines are plain messages", () => {
  const hosts: HostFile[] = [
    {
      path: "/srv/app/conf/log4j2.xml",
      text: `<Configuration><Appenders>
  <RollingFile name="app" fileName="\${sys:catalina.base}/logs/app.log" filePattern="\${sys:catalina.base}/logs/app-%d{yyyy-MM-dd}.log">
    <PatternLayout pattern="%d{ISO8601} %-5p [%t] %c - %m%n"/>
  </RollingFile>
</Appenders></Configuration>`,
    },
  ];
  const r = run(`input { file { path => "/opt/tomcat/logs/app*.log" } }
filter {
  grok { match => { "message" => "%{TIMESTAMP_ISO8601:ts} %{LOGLEVEL:level}" } }
  if [level] == "ERROR" and [logger] { drop {} }
}`, hosts);
  assert.deepEqual(r.issues.map((i) => r.text.slice(i.range.start, i.range.end)), ["[logger]"]);
  assert.match(r.issues[0].message, /log4j2 appender app/);
  const lineage = analyzeLineage({ pipelines: [], hosts, toUri });
  assert.equal(lineage.writers.length, 2, "fileName and filePattern");
  assert.ok(lineage.writers.every((w) => !w.absolute && w.resolved.startsWith("logs/app")));
});

test("outputs: sprintf references are checked against the fields after the filters; dates and @metadata are not fields", () => {
  const r = run(`input { file { path => "/opt/tomcat/logs/localhost_access_log*" codec => json } }
filter { mutate { remove_field => ["status"] } }
output {
  if [ip] { elasticsearch { index => "web-%{+YYYY.MM.dd}" document_id => "%{[@metadata][id]}" routing => "%{status}" } }
  else { file { path => "/tmp/%{ip}-%{nope}.log" } }
}`);
  assert.deepEqual(r.issues.map((i) => r.text.slice(i.range.start, i.range.end)), ["status", "nope"]);
  assert.match(r.issues[0].message, /removed by mutate remove_field/);
});

test("the field notes' combined JSON LogFormat with its trailing comma: codec json yields only message, and the warning says why", () => {
  const notes = String.raw`{ \"time\":\"%t\", \"remoteIP\":\"%a\", \"status\":\"%>s\" },`;
  const hosts: HostFile[] = [{ path: "/etc/httpd/conf/httpd.conf", text: `LogFormat "${notes}" combined\nCustomLog "logs/jsonaccess_log" combined\n` }];
  const r = run(`input { file { path => "/etc/httpd/logs/jsonaccess_log" type => apache codec => json } }
filter { geoip { source => "remoteIP" } }`, hosts);
  assert.deepEqual(r.issues.map((i) => r.text.slice(i.range.start, i.range.end)), ["remoteIP"]);
  assert.match(r.issues[0].message, /none of its lines is valid JSON: [^.]*`,`[^.]*invalid JSON[^.]*\. Fields/);
  const fixed = run(`input { file { path => "/etc/httpd/logs/jsonaccess_log" codec => json } }
filter { geoip { source => "remoteIP" } }`, [{ ...hosts[0], text: hosts[0].text.replace("},", "}") }]);
  assert.deepEqual(fixed.issues, []);
});

test("a pipeline of several files (pipelines.yml): inputs in one file, filters and outputs in the next", () => {
  const input = { path: "/srv/ls/conf.d/10-input.conf", parse: parseConfig(`input { file { path => "/etc/httpd/logs/access_log" } }`) };
  const filter = { path: "/srv/ls/conf.d/20-filter.conf", parse: parseConfig(`filter { grok { match => { "message" => "%{COMMONAPACHELOG}" } } }
output { if [clientip] and [nope] { stdout {} } }`) };
  const lineage = analyzeLineage({ pipelines: [{ id: "web", files: [input, filter] }], hosts: HOSTS, toUri });
  assert.deepEqual(lineage.issuesFor(input.path), []);
  const issues = lineage.issuesFor(filter.path);
  assert.deepEqual(issues.map((i) => filter.parse.text.slice(i.range.start, i.range.end)), ["[nope]"]);
  assert.ok(lineage.refAt(filter.path, filter.parse.text.indexOf("[clientip]") + 2)?.fact);
});

test("codec json with a target puts the format's keys under it", () => {
  const r = run(`input { file { path => "/opt/tomcat/logs/localhost_access_log*" codec => json { target => "[access]" } } }
filter { if [access][ip] and [ip] { drop {} } }`);
  assert.deepEqual(r.issues.map((i) => r.text.slice(i.range.start, i.range.end)), ["[ip]"]);
  assert.deepEqual(r.issues[0].data?.replacements, ["[access][ip]"]);
});

test("ErrorLog files are writers too; inputs far from every known producer stay silent", () => {
  const hosts: HostFile[] = [{ path: "/etc/httpd/conf/httpd.conf", text: 'ErrorLog "logs/error_log"\nErrorLog "|/usr/bin/rotatelogs x"\nLogFormat "%h %>s" short\nCustomLog logs/access_log short\n' }];
  const r = run(`input {
  file { path => "/etc/httpd/logs/error_log" }
  file { path => "/var/log/messages" }
  file { path => "/etc/httpd/logs/acces_log" }
}`, hosts);
  const infos = r.issues.map((i) => [i.code, r.text.slice(i.range.start, i.range.end)]);
  assert.deepEqual(infos, [["lineage-input-no-writer", "/etc/httpd/logs/acces_log"]]);
  const lineage = analyzeLineage({ pipelines: [], hosts, toUri });
  assert.deepEqual(lineage.writers.map((w) => w.label), ["LogFormat short", "ErrorLog"]);
});
