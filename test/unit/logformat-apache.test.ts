import assert from "node:assert/strict";
import { test } from "node:test";
import { getDialect } from "../../server/src/core/logformat/registry";
import { scanApacheConfig } from "../../server/src/core/logformat/apache/config";
import { scanTomcatXml } from "../../server/src/core/logformat/tomcat/serverXml";

const apache = getDialect("apache")!;
const tomcat = getDialect("tomcat")!;
const codes = (text: string) => apache.parseFormat(text).issues.map((i) => i.code);

test("directive keys drop conditions but keep < > and arguments", () => {
  const p = apache.parseFormat(String.raw`%400,501{User-agent}i %!200,304{Referer}i %>s %<s %{%Y}t %% %^ti`);
  const keys = p.elements.filter((e) => e.type === "directive").map((e) => (e as { key: string }).key);
  assert.deepEqual(keys, ["%{User-agent}i", "%{Referer}i", "%>s", "%<s", "%{%Y}t", "%^ti"]);
  assert.ok(p.elements.some((e) => e.type === "literal" && e.text.includes("%")));
  assert.ok(codes(String.raw`%^ti`).includes("logformat-missing-argument"));
});

test("diagnostics: unknown directive, unbalanced brace, bad modifiers, ambiguous free text", () => {
  assert.deepEqual(codes("%h %Z"), ["logformat-unknown-directive"]);
  assert.deepEqual(codes("%{User-agent i"), ["logformat-unbalanced-brace"]);
  assert.deepEqual(codes("%h %"), ["logformat-unterminated-directive"]);
  assert.deepEqual(codes("%{bogus}p"), ["logformat-bad-modifier"]);
  assert.deepEqual(codes("%{%Y-%Q}t"), ["logformat-bad-modifier"]);
  assert.deepEqual(codes("%{x}h %{c}h"), ["logformat-bad-modifier"]);
  assert.deepEqual(codes("%{x}m"), ["logformat-ignored-argument"]);
  assert.deepEqual(codes("%999s"), ["logformat-bad-modifier"]);
  assert.deepEqual(codes("%{User-Agent}i %h"), ["logformat-ambiguous-value"]);
  assert.deepEqual(codes(String.raw`\"%{User-Agent}i\" %h`), []);
});

test("JSON-shaped formats: trailing commas, unquoted text, duplicate keys", () => {
  const comma = apache.parseFormat(String.raw`{ \"a\":\"%h\" },`);
  assert.ok(comma.json);
  const issue = comma.issues.find((i) => i.code === "logformat-json-trailing-comma")!;
  assert.equal(comma.text.slice(issue.range.start, issue.range.end), ",");
  assert.deepEqual(codes(String.raw`{ \"a\":\"%h\", }`), ["logformat-json-trailing-comma"]);
  assert.deepEqual(codes(String.raw`{ \"a\":%b }`), ["logformat-json-unquoted-value"]);
  assert.deepEqual(codes(String.raw`{ \"a\":%D }`), []);
  assert.deepEqual(codes(String.raw`{ \"a\":\"%h\", \"a\":\"%u\" }`), ["logformat-json-duplicate-key"]);
  assert.deepEqual(codes(String.raw`{ \"a\":\"%h\" } trailing`), ["logformat-json-trailing-text"]);
});

test("hover says what a directive writes and whether it can be -", () => {
  const p = apache.parseFormat(String.raw`%h %b`);
  const h = apache.hover(p, 3)!;
  assert.match(h.contents, /`%b`/);
  assert.match(h.contents, /-/);
  assert.deepEqual(h.span, { start: 3, end: 5 });
  assert.equal(apache.hover(p, 2), undefined);
  const items = apache.complete(apache.parseFormat("%h %"), 4);
  assert.ok(items.some((i) => i.insertText === "%a"));
  assert.ok(items.some((i) => i.insertText === "%{VARNAME}i"));
});

test("generated grok matches escaped quotes and placeholders", () => {
  const p = apache.parseFormat(String.raw`%h \"%r\" %>s %b \"%{User-Agent}i\"`);
  const m = apache.matchLine(p, String.raw`::1 "GET /a\"b HTTP/1.1" 404 - "x \\ \"y\""`);
  assert.ok(m.matched);
  assert.equal(m.directives["%r"], String.raw`GET /a\"b HTTP/1.1`);
  assert.equal(m.directives["%b"], "-");
  assert.ok(!apache.matchLine(p, "::1 GET 404 - x").matched);
});

test("httpd config: nicknames, inline formats, conditions, piped loggers", () => {
  const conf = [
    String.raw`LogFormat "%h \"%r\" %>s" short`,
    `CustomLog "logs/a_log" short env=!dontlog`,
    `CustomLog logs/b_log missing`,
    `CustomLog "|/usr/bin/rotatelogs x 86400" short`,
    `CustomLog logs/c_log "%h %u" when=bad`,
    `# CustomLog logs/commented nowhere`,
  ].join("\n");
  const scan = scanApacheConfig(conf);
  assert.deepEqual(scan.issues.map((i) => i.code), ["logformat-undefined-nickname", "logformat-bad-condition"]);
  assert.deepEqual(scan.writers.map((w) => w.path), ["logs/a_log", "logs/b_log", "logs/c_log"]);
  assert.equal(scan.writers[0].format?.name, "short");
  const f = scan.formats[0];
  assert.equal(conf.slice(f.range.start, f.range.end), String.raw`%h \"%r\" %>s`);
});

test("Tomcat: aliases, unknown codes, server.xml writers with decoded patterns", () => {
  assert.equal(tomcat.parseFormat("combined").elements.filter((e) => e.type === "directive").length, 9);
  assert.deepEqual(tomcat.parseFormat("%h %Q").issues.map((i) => i.code), ["logformat-unknown-directive"]);
  const xml = `<Host><Valve className="org.apache.catalina.valves.AccessLogValve" directory="logs" prefix="localhost_access_log" suffix=".txt" pattern="%h %l %u %t &quot;%r&quot; %s %b" /></Host>`;
  const scan = scanTomcatXml(xml);
  assert.equal(scan.writers[0].path, "logs/localhost_access_log*.txt");
  const f = scan.formats[0];
  assert.equal(f.parsed.text, '%h %l %u %t "%r" %s %b');
  const r = f.parsed.elements.find((e) => e.type === "directive" && e.key === "%r")!;
  assert.equal(xml.slice(f.toHost(r.span.start), f.toHost(r.span.end)), "%r");
  const m = tomcat.matchLine(f.parsed, String.raw`127.0.0.1 - - [24/Nov/2026:20:00:00 +0000] "GET /\u00e9\"x HTTP/1.1" 200 -`);
  assert.ok(m.matched);
});
