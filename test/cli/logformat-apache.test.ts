/**
 * Real httpd (Debian's apache2, scripts/setup-apache.sh) writes a dozen LogFormats, including the field notes'
 * JSON ones; every line it writes must go through the generated pipeline (run by the simulator, as
 * `logsmith logformat parse` does) into exactly the values the test sent.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parseLines } from "../../server/src/cli/logformat";
import { getDialect } from "../../server/src/core/logformat/registry";

const HTTPD = "/usr/sbin/apache2";
const MODULES = "/usr/lib/apache2/modules";
const apache = getDialect("apache")!;

/** The field notes' formats (as written in httpd.conf, between the quotes), the first with its comma fixed. */
const NOTES_JSON = String.raw`{ \"time\":\"%{%Y-%m-%d}tT%{%T}t.%{msec_frac}tZ\", \"process\":\"%D\", \"filename\":\"%f\", \"remoteIP\":\"%a\", \"host\":\"%V\", \"request\":\"%U\", \"query\":\"%q\", \"method\":\"%m\", \"status\":\"%>s\", \"userAgent\":\"%{User-agent}i\", \"referer\":\"%{Referer}i\" }`;
const NOTES_JSON_FORMAT = String.raw`{ \"time\":\"%t\", \"clientip\":\"%a\", \"host\":\"%V\", \"request\":\"%U\", \"query\":\"%q\", \"method\":\"%m\", \"status\":\"%>s\", \"userAgent\":\"%{User-agent}i\", \"referer\":\"%{Referer}i\" }`;

const FORMATS: Record<string, string> = {
  common: String.raw`%h %l %u %t \"%r\" %>s %b`,
  combined: String.raw`%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"`,
  notesjson: NOTES_JSON,
  notesjsonformat: NOTES_JSON_FORMAT,
  notescommon: String.raw`\"%h\" \"%l\" \"%u\" \"%t\" \"%r\" %>s %b`,
  vhost: String.raw`%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"`,
  numbers: String.raw`%a %{c}a %A %p %{local}p %{remote}p %P %D %T %{ms}T %{us}T %k %X %I %O %S %B`,
  times: String.raw`[%{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t] %{sec}t %{msec}t %{usec}t %{begin:%Y-%m-%dT%H:%M:%S}t %{end:usec_frac}t %m %U`,
  headers: String.raw`\"%{X-Test}i\" \"%{Cookie}i\" %{sess}C \"%{Content-Type}o\" \"%{X-Empty}i\" %U`,
  conditions: String.raw`%>s %<s \"%!200,304{User-agent}i\" %400,404{Referer}i %m %U%q %H`,
  tabs: String.raw`%h\t%m\t%U\t%q\t%>s\t%B\t%{User-Agent}i`,
  handler: String.raw`%R \"%f\" %L %u \"%r\"`,
};

interface Sent {
  method: string;
  target: string;
  proto: string;
  headers: [string, string][];
  body?: string;
  /** Filled from the response. */
  status?: number;
  bodyBytes?: number;
}

const REQUESTS: Sent[] = [
  { method: "GET", target: "/", proto: "HTTP/1.1", headers: [["User-Agent", "Mozilla/5.0 (X11; Linux x86_64)"], ["Referer", "http://example.com/start"]] },
  { method: "GET", target: "/missing/%7Efile?q=1&r=two", proto: "HTTP/1.1", headers: [["User-Agent", String.raw`curl "quoted" \back\slash`]] },
  { method: "HEAD", target: "/index.html", proto: "HTTP/1.1", headers: [["User-Agent", "head-check"]] },
  { method: "POST", target: "/index.html", proto: "HTTP/1.1", headers: [["User-Agent", "poster"], ["Content-Type", "application/x-www-form-urlencoded"]], body: "a=1&b=2" },
  { method: "GET", target: String.raw`/index.html?x="y"&z=\w`, proto: "HTTP/1.1", headers: [["User-Agent", "odd query"], ["X-Test", String.raw`say "hi" \ bye`]] },
  { method: "GET", target: "/", proto: "HTTP/1.1", headers: [["User-Agent", ""], ["Referer", ""], ["X-Empty", ""]] },
  { method: "GET", target: "/index.html", proto: "HTTP/1.1", headers: [] },
  { method: "GET", target: "/a%20b", proto: "HTTP/1.1", headers: [["User-Agent", "spaces"], ["Cookie", "other=1; sess=abc123"]] },
  { method: "GET", target: "/index.html", proto: "HTTP/1.0", headers: [["User-Agent", "old/1.0 (\"quoted\")"], ["Referer", String.raw`http://x/\"`]] },
  { method: "GET", target: "/index.html", proto: "HTTP/1.1", headers: [["User-Agent", "café"]] },
];

let dir = "";
let port = 0;
let httpd: ChildProcess | undefined;
const lines: Record<string, string[]> = {};
let startedAt = 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function send(r: Sent): Promise<void> {
  const host = r.proto === "HTTP/1.1" ? `Host: 127.0.0.1:${port}\r\n` : "";
  const headers = r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join("");
  const body = r.body ? `Content-Length: ${Buffer.byteLength(r.body)}\r\n` : "";
  const raw = Buffer.from(`${r.method} ${r.target} ${r.proto}\r\n${host}${headers}${body}Connection: close\r\n\r\n${r.body ?? ""}`, "utf8");
  const response = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sock = connect(port, "127.0.0.1", () => sock.end(raw));
    sock.on("data", (c) => chunks.push(c));
    sock.on("error", reject);
    sock.on("close", () => resolve(Buffer.concat(chunks)));
  });
  const head = response.indexOf("\r\n\r\n");
  r.status = Number(/^HTTP\/1\.\d (\d{3})/.exec(response.toString("latin1"))![1]);
  r.bodyBytes = response.length - head - 4;
}

async function waitFor(check: () => boolean, what: string, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

before(async () => {
  assert.ok(existsSync(HTTPD), `${HTTPD} is missing: run scripts/setup-apache.sh (apt package apache2)`);
  dir = mkdtempSync(join(tmpdir(), "logsmith-httpd-"));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, "index.html"), "<html><body>hello</body></html>\n");
  chmodSync(join(dir, "index.html"), 0o644);
  port = await freePort();
  const root = process.getuid?.() === 0;
  const conf = [
    `ServerRoot "${dir}"`,
    `LoadModule mpm_prefork_module ${MODULES}/mod_mpm_prefork.so`,
    `LoadModule authz_core_module ${MODULES}/mod_authz_core.so`,
    `LoadModule dir_module ${MODULES}/mod_dir.so`,
    `LoadModule mime_module ${MODULES}/mod_mime.so`,
    root ? "User nobody\nGroup nogroup" : "",
    `ServerName logsmith.test`,
    `Listen 127.0.0.1:${port}`,
    `PidFile "${dir}/httpd.pid"`,
    `ErrorLog "${dir}/error.log"`,
    `DocumentRoot "${dir}"`,
    `DirectoryIndex index.html`,
    `TypesConfig /etc/mime.types`,
    `<Directory "${dir}">\n  Require all granted\n</Directory>`,
    ...Object.entries(FORMATS).map(([nick, format]) => `LogFormat "${format}" ${nick}\nCustomLog "${dir}/${nick}.log" ${nick}`),
  ].join("\n");
  writeFileSync(join(dir, "httpd.conf"), conf + "\n");
  const check = spawnSync(HTTPD, ["-t", "-f", join(dir, "httpd.conf")], { encoding: "utf8" });
  assert.equal(check.status, 0, `httpd -t: ${check.stderr}`);
  startedAt = Date.now();
  httpd = spawn(HTTPD, ["-X", "-f", join(dir, "httpd.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  await waitFor(() => existsSync(join(dir, "httpd.pid")), "httpd to start");
  for (const r of REQUESTS) await send(r);
  await waitFor(() => Object.keys(FORMATS).every((n) => existsSync(join(dir, `${n}.log`)) && readFileSync(join(dir, `${n}.log`), "utf8").split("\n").length > REQUESTS.length), "every log to have one line per request");
  for (const nick of Object.keys(FORMATS)) lines[nick] = readFileSync(join(dir, `${nick}.log`), "utf8").split("\n").slice(0, -1);
});

after(async () => {
  if (httpd && httpd.exitCode === null) {
    httpd.kill("SIGTERM");
    await new Promise((r) => httpd!.once("exit", r));
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What httpd's ap_escape_logitem leaves after the pipeline's unescaping of `\"` and `\\`: `\xhh` for 8-bit bytes. */
function asLogged(value: string): string {
  return [...Buffer.from(value, "utf8")].map((b) => (b >= 0x80 ? `\\x${b.toString(16).padStart(2, "0")}` : String.fromCharCode(b))).join("");
}

const header = (r: Sent, name: string): string | undefined => r.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
/** `%U` after mod_dir's fast internal redirect: `/` is logged as `/index.html`. */
const pathOf = (r: Sent): string => {
  const path = decodeURIComponent(r.target.split("?")[0]);
  return path === "/" ? "/index.html" : path;
};
const queryOf = (r: Sent): string | undefined => (r.target.includes("?") ? `?${r.target.split("?").slice(1).join("?")}` : undefined);
/** grok does not keep empty captures, so an empty header value leaves no field. */
const nonEmpty = (v: string | undefined): string | undefined => (v ? asLogged(v) : undefined);

async function fieldsOf(nick: string): Promise<{ matched: boolean; directives: Record<string, string>; fields: Record<string, unknown> }[]> {
  const parsed = apache.parseFormat(FORMATS[nick]);
  assert.deepEqual(parsed.issues.filter((i) => i.severity === "error"), [], `${nick} has no errors`);
  const rows = (await parseLines(apache, parsed, lines[nick].join("\n") + "\n")) as { matched: boolean; directives: Record<string, string>; fields: Record<string, unknown> }[];
  assert.equal(rows.length, REQUESTS.length, `${nick}: one line per request`);
  return rows;
}

function get(obj: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function expectFields(nick: string, rows: Awaited<ReturnType<typeof fieldsOf>>, expected: (r: Sent) => Record<string, unknown>): void {
  rows.forEach((row, i) => {
    const r = REQUESTS[i];
    assert.ok(row.matched, `${nick} line ${i + 1} matched: ${lines[nick][i]}`);
    assert.ok(!(row.fields.tags as string[] | undefined)?.length, `${nick} line ${i + 1} has no failure tags: ${JSON.stringify(row.fields.tags)}`);
    for (const [path, value] of Object.entries(expected(r))) assert.deepEqual(get(row.fields, path), value, `${nick} line ${i + 1} ${path}: ${lines[nick][i]}`);
  });
}

function timestampNear(rows: Awaited<ReturnType<typeof fieldsOf>>, nick: string): void {
  for (const row of rows) {
    const ts = Date.parse(String(row.fields["@timestamp"]));
    assert.ok(Math.abs(ts - startedAt) < 120000, `${nick}: @timestamp ${String(row.fields["@timestamp"])} comes from the line`);
  }
}

test("common and combined: request line, status, bytes, referrer and user agent as sent", async () => {
  const combined = await fieldsOf("combined");
  expectFields("combined", combined, (r) => ({
    "source.address": "127.0.0.1",
    "apache.access.request_line": asLogged(`${r.method} ${r.target} ${r.proto}`),
    "http.response.status_code": r.status,
    "http.response.body.bytes": r.bodyBytes ? r.bodyBytes : undefined,
    "http.request.referrer": nonEmpty(header(r, "Referer")),
    "user_agent.original": nonEmpty(header(r, "User-Agent")),
  }));
  timestampNear(combined, "combined");
  const common = await fieldsOf("common");
  expectFields("common", common, (r) => ({ "http.response.status_code": r.status, "user.name": undefined, "apache.access.user.identity": undefined }));
  const notes = await fieldsOf("notescommon");
  expectFields("notescommon", notes, (r) => ({ "source.address": "127.0.0.1", "apache.access.request_line": asLogged(`${r.method} ${r.target} ${r.proto}`) }));
  timestampNear(notes, "notescommon");
});

test("the field notes' JSON formats (trailing comma fixed) decode with the json codec", async () => {
  const rows = await fieldsOf("notesjson");
  rows.forEach((row, i) => {
    const r = REQUESTS[i];
    const ua = header(r, "User-Agent");
    if (ua && /[^\x00-\x7f]/.test(ua)) {
      // httpd writes 8-bit bytes as \xhh, which JSON does not allow: the line fails the json codec.
      assert.deepEqual(row.fields.tags, ["_jsonparsefailure"], lines.notesjson[i]);
      return;
    }
    assert.ok(row.matched, lines.notesjson[i]);
    assert.equal(row.fields.method, r.method);
    assert.equal(row.fields.request, pathOf(r));
    assert.equal(row.fields.query, queryOf(r) ?? "");
    assert.equal(row.fields.status, r.status);
    assert.equal(row.fields.userAgent, ua === undefined ? "-" : ua);
    assert.equal(row.fields.referer, header(r, "Referer") ?? "-");
    assert.equal(row.fields.remoteIP, "127.0.0.1");
    // %V follows UseCanonicalName Off: the Host header without its port, ServerName when there is none.
    assert.equal(row.fields.host, r.proto === "HTTP/1.1" ? "127.0.0.1" : "logsmith.test");
    assert.equal(typeof row.fields.process, "number");
    assert.ok(Math.abs(Date.parse(String(row.fields["@timestamp"])) - startedAt) < 120000, "time member parsed by the date filter");
  });
  const second = await fieldsOf("notesjsonformat");
  second.forEach((row, i) => {
    if (/[^\x00-\x7f]/.test(header(REQUESTS[i], "User-Agent") ?? "")) return;
    assert.equal(row.fields.clientip, "127.0.0.1");
    assert.equal(row.fields.status, REQUESTS[i].status);
    assert.ok(Math.abs(Date.parse(String(row.fields["@timestamp"])) - startedAt) < 120000);
  });
});

test("the field notes' format with its trailing comma is reported, and its lines really fail the json codec", async () => {
  const broken = apache.parseFormat(NOTES_JSON + ",");
  const comma = broken.issues.find((i) => i.code === "logformat-json-trailing-comma");
  assert.ok(comma, JSON.stringify(broken.issues));
  assert.equal(broken.text.slice(comma.range.start, comma.range.end), ",");
  // What httpd would write with the comma: the real line plus ",".
  const rows = await parseLines(apache, broken, `${lines.notesjson[0]},\n`);
  assert.deepEqual((rows[0] as { fields: { tags?: string[] } }).fields.tags, ["_jsonparsefailure"]);
});

test("numbers, times, headers, conditions, tabs and handler formats", async () => {
  const numbers = await fieldsOf("numbers");
  expectFields("numbers", numbers, (r) => ({
    "source.ip": "127.0.0.1",
    "destination.ip": "127.0.0.1",
    // %p is the canonical port: ServerName has none, so the scheme's default.
    "url.port": 80,
    "destination.port": port,
    "http.response.body.bytes": r.bodyBytes ?? 0,
    "apache.access.keepalive_requests": 0,
    "apache.access.connection_status": "-",
  }));
  for (const row of numbers) assert.equal(typeof get(row.fields, "apache.access.duration.us"), "number");

  const times = await fieldsOf("times");
  expectFields("times", times, (r) => ({ "http.request.method": r.method, "url.path": asLogged(pathOf(r)) }));
  timestampNear(times, "times");
  for (const row of times) {
    const [sec, msec, usec] = [row.directives["%{sec}t"], row.directives["%{msec}t"], row.directives["%{usec}t"]].map(Number);
    assert.equal(Math.floor(usec / 1000), msec);
    assert.equal(Math.floor(msec / 1000), sec);
  }

  const headers = await fieldsOf("headers");
  expectFields("headers", headers, (r) => ({
    "apache.access.request_headers.x_test": nonEmpty(header(r, "X-Test")),
    "apache.access.request_headers.cookie": nonEmpty(header(r, "Cookie")),
    "apache.access.cookie.sess": header(r, "Cookie") ? "abc123" : undefined,
    "apache.access.request_headers.x_empty": undefined,
  }));

  const conditions = await fieldsOf("conditions");
  expectFields("conditions", conditions, (r) => ({
    "http.response.status_code": r.status,
    "user_agent.original": r.status === 200 || r.status === 304 ? undefined : nonEmpty(header(r, "User-Agent")),
    "http.request.referrer": r.status === 400 || r.status === 404 ? nonEmpty(header(r, "Referer")) : undefined,
    "apache.access.protocol": r.proto,
  }));

  const tabs = await fieldsOf("tabs");
  expectFields("tabs", tabs, (r) => ({ "http.request.method": r.method, "url.path": asLogged(pathOf(r)), "url.query": queryOf(r), "user_agent.original": nonEmpty(header(r, "User-Agent")) }));

  const handler = await fieldsOf("handler");
  expectFields("handler", handler, (r) => ({ "apache.access.request_line": asLogged(`${r.method} ${r.target} ${r.proto}`), "user.name": undefined }));
});

test("logsmith logformat parse (the CLI) gives the same fields", () => {
  const cli = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "../../server/src/cli.ts"), "logformat", "parse", "--kind", "apache", "--format", FORMATS.combined], {
    input: lines.combined.join("\n") + "\n",
    encoding: "utf8",
    timeout: 60000,
  });
  assert.equal(cli.status, 0, cli.stderr);
  const rows = cli.stdout.trim().split("\n").map((l) => JSON.parse(l) as { matched: boolean; fields: Record<string, unknown> });
  assert.equal(rows.length, REQUESTS.length);
  rows.forEach((row, i) => {
    assert.ok(row.matched);
    assert.equal(get(row.fields, "http.response.status_code"), REQUESTS[i].status);
  });
});
