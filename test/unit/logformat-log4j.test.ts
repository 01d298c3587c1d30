import assert from "node:assert/strict";
import { test } from "node:test";
import { dateShapeOf, log4j2DateShape } from "../../server/src/core/logformat/log4j/dates";
import { log4jData } from "../../server/src/core/logformat/log4j/dialect";
import { patternConverters } from "../../server/src/core/logformat/log4j/generate";
import { log4j2YamlHost } from "../../server/src/core/logformat/log4j/yamlHost";
import { log4j1PropertiesHost, log4j1XmlHost, log4j2PropertiesHost, log4j2XmlHost } from "../../server/src/core/logformat/log4j/hosts";
import { scanPattern } from "../../server/src/core/logformat/log4j/patternScan";
import { getDialect } from "../../server/src/core/logformat/registry";
import { LOG4J2_BY_NAME } from "../../server/src/core/logformat/log4j2/converters";

const v1 = getDialect("log4j1")!;
const v2 = getDialect("log4j2")!;

test("format modifiers follow log4j's parser states", () => {
  const scan = scanPattern("%-5level|%.30c|%20.30c{2}|%.-10m|%05sn", "log4j2", new Set(LOG4J2_BY_NAME.keys()));
  const convs = scan.tokens.filter((t) => t.type === "converter");
  assert.deepEqual(
    convs.map((c) => (c.type === "converter" ? [c.name, c.modifiers.leftAlign, c.modifiers.min, c.modifiers.max, c.modifiers.leftTruncate, c.modifiers.zeroPad, c.options.map((o) => o.text)] : [])),
    [
      ["level", true, 5, Infinity, true, false, []],
      ["c", false, 0, 30, true, false, []],
      ["c", false, 20, 30, true, false, ["2"]],
      ["m", false, 0, 10, false, false, []],
      ["sn", false, 5, Infinity, true, true, []],
    ],
  );
  assert.deepEqual(scan.problems, []);
});

test("longest known prefix: %msgfoo is %msg then the text foo; %% and backslash escapes are literal", () => {
  const p = v2.parseFormat("%msgfoo 100%% a\\tb%n");
  const lits = p.elements.filter((e) => e.type === "literal").map((e) => (e.type === "literal" ? e.text : ""));
  assert.deepEqual(lits, ["foo 100% a\tb", "\n"]);
  assert.equal(p.elements.find((e) => e.type === "directive")?.key, "%msg");
});

test("diagnostics: unknown converter, bad modifier, unbalanced braces", () => {
  const unknown = v2.parseFormat("%d %bogus %m%n");
  assert.deepEqual(unknown.issues.map((i) => [i.code, unknown.text.slice(i.range.start, i.range.end)]), [["log4j-unknown-converter", "%bogus"]]);
  const bad = v2.parseFormat("%d %.x %m");
  assert.ok(bad.issues.some((i) => i.code === "log4j-bad-modifier"));
  const braces = v2.parseFormat("%d{yyyy-MM-dd %m");
  assert.ok(braces.issues.some((i) => i.code === "log4j-unbalanced-braces"));
  const classic = v1.parseFormat("%d %q %m%n");
  assert.deepEqual(classic.issues.map((i) => i.code), ["log4j-unknown-converter"]);
});

test("dates: SimpleDateFormat to regex and Joda, named formats", () => {
  const iso = dateShapeOf("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
  assert.deepEqual(iso.date, ["yyyy-MM-dd'T'HH:mm:ss.SSSZZ"]);
  assert.ok(new RegExp(`^${iso.regex}$`).test("2026-03-01T08:09:10.123+09:00"));
  assert.ok(new RegExp(`^${iso.regex}$`).test("2026-03-01T08:09:10.123Z"));
  assert.deepEqual(log4j2DateShape("DEFAULT_MICROS").date, ["yyyy-MM-dd HH:mm:ss,SSSSSS"]);
  assert.deepEqual(log4j2DateShape("UNIX_MILLIS").date, ["UNIX_MS"]);
  const named = dateShapeOf("dd MMM yyyy HH:mm:ss,SSS");
  assert.ok(new RegExp(`^${named.regex}$`).test("01 Mar 2026 08:09:10,123"));
  assert.ok(dateShapeOf("HH:mm z").problems.length > 0, "zone names cannot be parsed back");
});

test("multiline decision: traces and messages span lines; %enc{%m}{CRLF} with %ex{none} does not", () => {
  const multi = v2.parseFormat("%d %-5p %m%n");
  assert.equal(multi.multiline?.negate, true);
  assert.ok(new RegExp(multi.multiline!.pattern).test("2026-03-01 08:09:10,123 INFO  x"));
  assert.ok(!new RegExp(multi.multiline!.pattern).test("\tat a.B.c(B.java:1)"));
  const single = v2.parseFormat("%d %p %enc{%m}{CRLF}%ex{none}%n");
  assert.equal(single.multiline, undefined);
});

test("matchLine: modifiers, MDC, NDC, appended stack trace (log4j 1 PatternLayout)", () => {
  const p = v1.parseFormat("%d{ABSOLUTE} %5p [%t] %X{user} %x - %m%n");
  const m = v1.matchLine(p, "08:09:10,123  WARN [main thread] alice req-1 - hello\nsecond\njava.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)");
  assert.equal(m.matched, true);
  assert.deepEqual(m.directives, {
    "%d{ABSOLUTE}": "08:09:10,123",
    "%p": "WARN",
    "%t": "main thread",
    "%X{user}": "alice",
    "%x": "req-1",
    "%m": "hello\nsecond",
    "%throwable": "java.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)",
  });
});

test("JSON layouts: element attributes decide the codec and the keys", () => {
  const compact = v2.parseFormat('<JsonLayout compact="true" eventEol="true"/>');
  assert.equal(compact.json, true);
  assert.match(v2.generatePipeline(compact, { ecs: true }), /codec => json/);
  const pretty = v2.parseFormat("<JsonLayout/>");
  assert.equal(pretty.json, false);
  assert.equal(pretty.multiline?.pattern, "^\\{");
  const ecs = v2.parseFormat('<JsonTemplateLayout eventTemplateUri="classpath:EcsLayout.json"/>');
  assert.match(v2.generatePipeline(ecs, { ecs: true }), /"log\.level" => "\[log\]\[level\]"/);
  const v1json = v1.parseFormat("net.logstash.log4j.JSONEventLayoutV1");
  assert.equal(log4jData(v1json).layout, "JSONEventLayoutV1");
});

test("hover and completion inside a pattern", () => {
  const p = v2.parseFormat("%d %-5level %m%n");
  const hover = v2.hover(p, p.text.indexOf("level") + 1);
  assert.ok(hover && hover.contents.includes("`%level`") && hover.contents.includes("[log][level]"));
  assert.deepEqual(hover!.span, { start: 3, end: 11 });
  const q = v2.parseFormat("%d %-5lev");
  const items = v2.complete(q, q.text.length);
  assert.ok(items.some((i) => i.label === "level" && i.replace.start === 6 && i.replace.end === 9));
  assert.deepEqual(v2.complete(q, 0), [], "nothing to complete before the %");
});

test("hosts: pattern offsets map back into properties and XML files", () => {
  const props = "log4j.appender.f=org.apache.log4j.FileAppender\nlog4j.appender.f.File=/var/log/a.log\nlog4j.appender.f.layout=org.apache.log4j.PatternLayout\nlog4j.appender.f.layout.ConversionPattern=%d \\\n   %bogus %m%n\n";
  const scan = log4j1PropertiesHost.scan({ uri: "file:///x/log4j.properties", languageId: "properties", text: props });
  assert.equal(scan.writers[0].path, "/var/log/a.log");
  const f = scan.formats[0];
  assert.equal(f.parsed.text, "%d %bogus %m%n", "continuation line joined, its indent dropped");
  const issue = f.parsed.issues.find((i) => i.code === "log4j-unknown-converter")!;
  // PatternLayout reads one letter: `%b` is the unknown converter, `ogus` plain text.
  assert.equal(props.slice(f.toHost(issue.range.start), f.toHost(issue.range.end)), "%b");

  const xml = `<Configuration><Appenders><RollingFile name="r" fileName="logs/app.log" filePattern="logs/app-%d{yyyy-MM-dd}.log.gz"><PatternLayout pattern="%d &lt;%p&gt; %m%n"/></RollingFile></Appenders></Configuration>`;
  const x = log4j2XmlHost.scan({ uri: "file:///x/log4j2.xml", languageId: "xml", text: xml });
  assert.deepEqual(x.writers.map((w) => w.path), ["logs/app.log", "logs/app-*.log.gz"]);
  assert.equal(x.formats[0].parsed.text, "%d <%p> %m%n");
  assert.equal(xml.slice(x.formats[0].toHost(3), x.formats[0].toHost(6)), "&lt;%p");

  const p2 = "appender.f.type = File\nappender.f.name = F\nappender.f.fileName = /tmp/x.log\nappender.f.layout.type = JsonLayout\nappender.f.layout.compact = true\nappender.f.layout.eventEol = true\n";
  const s2 = log4j2PropertiesHost.scan({ uri: "file:///x/log4j2.properties", languageId: "properties", text: p2 });
  assert.equal(s2.formats[0].parsed.json, true);
  assert.equal(s2.writers[0].format, s2.formats[0]);
});

test("generated grok captures what the converters write, once per field", () => {
  const p = v2.parseFormat("%d{ISO8601}{UTC} %p %c %X{user} %m%n");
  const pipeline = v2.generatePipeline(p, { ecs: false, path: "/var/log/app.log" });
  assert.match(pipeline, /path => "\/var\/log\/app\.log"/);
  assert.match(pipeline, /%\{LOG4J_USER:\[mdc\]\[user\]\}/);
  assert.match(pipeline, /timezone => "UTC"/);
  assert.deepEqual(patternConverters(p).map((c) => c.key), ["%d{ISO8601}{UTC}", "%p", "%c", "%X{user}", "%m", "%xEx"]);
});

test("hosts: log4j2.yaml and log4j2.json appenders", () => {
  const yaml = `Configuration:\n  Appenders:\n    RollingFile:\n      - name: r\n        fileName: "logs/app.log"\n        filePattern: logs/app-%d{yyyy-MM-dd}.gz\n        PatternLayout:\n          pattern: "%d \\t%bogus %m%n"\n    File:\n      name: j\n      fileName: logs/app.json\n      JsonTemplateLayout:\n        eventTemplateUri: classpath:EcsLayout.json\n`;
  const s = log4j2YamlHost.scan({ uri: "file:///x/log4j2.yaml", languageId: "yaml", text: yaml });
  assert.deepEqual(s.writers.map((w) => [w.path, w.format?.parsed.json]), [["logs/app.log", false], ["logs/app-*.gz", false], ["logs/app.json", true]]);
  const f = s.formats[0];
  assert.equal(f.parsed.text, "%d \t%bogus %m%n");
  const issue = f.parsed.issues.find((i) => i.code === "log4j-unknown-converter")!;
  assert.equal(yaml.slice(f.toHost(issue.range.start), f.toHost(issue.range.end)), "%bogus");

  const json = JSON.stringify({ configuration: { appenders: { file: { name: "f", fileName: "/var/log/x.log", PatternLayout: { pattern: "%d %p %m%n" } } } } });
  const j = log4j2YamlHost.scan({ uri: "file:///x/log4j2.json", languageId: "json", text: json });
  assert.equal(j.writers[0].path, "/var/log/x.log");
  assert.equal(json.slice(j.formats[0].range.start, j.formats[0].range.end), "%d %p %m%n");
  assert.equal(log4j2YamlHost.accepts({ uri: "file:///x/pipelines.yml", languageId: "yaml", text: "" }), false);
});

test("hosts: log4j.xml appenders with params, PatternLayout class picks the parser", () => {
  const xml = `<?xml version="1.0"?>
<log4j:configuration xmlns:log4j="http://jakarta.apache.org/log4j/">
  <appender name="file" class="org.apache.log4j.DailyRollingFileAppender">
    <param name="File" value="/var/log/tomcat/app.log"/>
    <layout class="org.apache.log4j.EnhancedPatternLayout">
      <param name="ConversionPattern" value="%d{ISO8601}{UTC} %-5level %logger - %m%n%throwable"/>
    </layout>
  </appender>
  <appender name="json" class="org.apache.log4j.FileAppender">
    <param name="File" value="/var/log/tomcat/app.json"/>
    <layout class="net.logstash.log4j.JSONEventLayoutV1"/>
  </appender>
</log4j:configuration>`;
  const s = log4j1XmlHost.scan({ uri: "file:///x/log4j.xml", languageId: "xml", text: xml });
  assert.deepEqual(s.writers.map((w) => [w.path, w.format?.parsed.json]), [["/var/log/tomcat/app.log", false], ["/var/log/tomcat/app.json", true]]);
  const enhanced = s.formats[0];
  assert.equal(log4jData(enhanced.parsed).layout, "EnhancedPatternLayout");
  assert.deepEqual(enhanced.parsed.issues, []);
  const words = v1.parseFormat("%d %-5level %m%n");
  assert.equal(log4jData(words).layout, "EnhancedPatternLayout", "the CLI picks the enhanced parser for word converters");
  assert.equal(log4jData(v1.parseFormat("%d %-5p %m%n")).layout, "PatternLayout");
});
