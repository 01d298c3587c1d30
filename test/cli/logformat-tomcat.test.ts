/**
 * Real Tomcat (embedded tomcat-embed-core, tools/tomcat-harness, scripts/setup-tomcat.sh) writes access logs
 * through AccessLogValves with several patterns; every line it writes must go through the generated pipeline
 * (run by the simulator, as `logsmith logformat parse` does) into exactly the values the test sent.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parseLines } from "../../server/src/cli/logformat";
import { planDissect } from "../../server/src/core/logformat/dissect";
import { getDialect } from "../../server/src/core/logformat/registry";

const TOOLS = join(import.meta.dirname, "../../.tools/tomcat-harness");
const tomcat = getDialect("tomcat")!;

const PATTERNS: Record<string, string> = {
  common: "common",
  combined: "combined",
  headers: '%{X-Test}i "%{X-Out}o" %{sess}c %D %T %I "%{User-Agent}i" %m %U%q %s %b %B',
  bare: "%a %A %p %{remote}p %H %m %U %q %s %{X-Test}i %X %l %u %S %v %{ms}T",
  more: "%{us}T %{ns}T %{fracsec}T %F %{c}L %{r}L %{peer}a %{local}p %{myattr}r %{myattr}s %h \"%{Accept}i\"",
  session: "%S \"%{user}s\" \"%{handler}r\" \"%{X-Test}i\" %U",
  tabs: "%a\t%t\t%m\t%U\t%q\t%s\t%b\t%{User-Agent}i\t%{X-Test}i\t%I",
  times: "[%{yyyy-MM-dd'T'HH:mm:ss.SSSZ}t] %{sec}t %{msec}t %{end:msec_frac}t %{begin:dd/MMM/yyyy:HH:mm:ss}t \"%r\" %s",
};

interface Sent {
  method: string;
  target: string;
  proto: string;
  headers: [string, string][];
  body?: string;
  /** Refused by Tomcat's request-line parser: logged with `-` for the target and no headers. */
  rejected?: boolean;
  status?: number;
  bodyBytes?: number;
}

const REQUESTS: Sent[] = [
  { method: "GET", target: "/", proto: "HTTP/1.1", headers: [["User-Agent", "Mozilla/5.0 (X11; Linux x86_64)"], ["Referer", "http://example.com/start"]] },
  { method: "GET", target: "/missing/%7Efile?q=1&r=two", proto: "HTTP/1.1", headers: [["User-Agent", String.raw`curl "quoted" \back\slash`]] },
  { method: "HEAD", target: "/index.html", proto: "HTTP/1.1", headers: [["User-Agent", "head-check"]] },
  { method: "POST", target: "/form", proto: "HTTP/1.1", headers: [["User-Agent", "poster"], ["Content-Type", "application/x-www-form-urlencoded"]], body: "a=1&b=2" },
  { method: "GET", target: "/index.html?x=y&z=w", proto: "HTTP/1.1", headers: [["User-Agent", "odd"], ["X-Test", String.raw`say "hi" \ bye`], ["X-Echo-Out", String.raw`out "x" \y`]] },
  { method: "GET", target: "/", proto: "HTTP/1.1", headers: [["User-Agent", ""], ["Referer", ""], ["X-Test", ""]] },
  { method: "GET", target: "/index.html", proto: "HTTP/1.1", headers: [] },
  { method: "GET", target: "/a%20b", proto: "HTTP/1.1", headers: [["User-Agent", "spaces in it"], ["Cookie", "other=1; sess=abc123"]] },
  { method: "GET", target: "/old", proto: "HTTP/1.0", headers: [["User-Agent", 'old/1.0 ("quoted")'], ["Referer", String.raw`http://x/\"`]] },
  { method: "GET", target: "/missing", proto: "HTTP/1.1", headers: [["User-Agent", "café"], ["X-Test", "tab\there"]] },
  // Tomcat refuses a raw `"` in the request target (400) and still logs the request.
  { method: "GET", target: '/q?x="y"', proto: "HTTP/1.1", headers: [["User-Agent", "rejected"]], rejected: true },
  { method: "OPTIONS", target: "*", proto: "HTTP/1.1", headers: [] },
  { method: "GET", target: "/session/x", proto: "HTTP/1.1", headers: [["X-Session-User", 'alice "q" \\ z'], ["X-Test", "one"], ["X-Test", "two, three"]] },
];

let dir = "";
let port = 0;
let harness: ChildProcess | undefined;
const lines: Record<string, string[]> = {};
let startedAt = 0;

async function send(r: Sent): Promise<void> {
  const host = r.proto === "HTTP/1.1" ? `Host: 127.0.0.1:${port}\r\n` : "";
  const headers = r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join("");
  const body = r.body ? `Content-Length: ${Buffer.byteLength(r.body)}\r\n` : "";
  const raw = Buffer.from(`${r.method} ${r.target} ${r.proto}\r\n${host}${headers}${body}Connection: close\r\n\r\n${r.body ?? ""}`, "utf8");
  const response = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sock = connect(port, "127.0.0.1", () => sock.write(raw));
    sock.on("data", (c) => chunks.push(c));
    sock.on("error", reject);
    sock.on("end", () => sock.end());
    sock.on("close", () => resolve(Buffer.concat(chunks)));
  });
  const head = response.indexOf("\r\n\r\n");
  r.status = Number(/^HTTP\/1\.\d (\d{3})/.exec(response.toString("latin1"))![1]);
  r.bodyBytes = r.method === "HEAD" ? 0 : response.length - head - 4;
}

async function waitFor(check: () => boolean, what: string, ms = 20000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

before(async () => {
  assert.ok(existsSync(join(TOOLS, "classes/TomcatHarness.class")), `${TOOLS} is missing: run scripts/setup-tomcat.sh (Maven: tomcat-embed-core)`);
  dir = mkdtempSync(join(tmpdir(), "logsmith-tomcat-"));
  writeFileSync(join(dir, "patterns.txt"), Object.entries(PATTERNS).map(([n, p]) => `${n}\t${p}\n`).join(""));
  startedAt = Date.now();
  harness = spawn("java", ["-cp", `${TOOLS}/lib/*:${TOOLS}/classes`, "TomcatHarness", dir, join(dir, "patterns.txt")], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  harness.stdout!.on("data", (c) => (out += c));
  harness.stderr!.on("data", (c) => (err += c));
  await waitFor(() => /PORT \d+/.test(out) || harness!.exitCode !== null, "Tomcat to start");
  assert.match(out, /PORT \d+/, `harness did not start: ${err.slice(-2000)}`);
  port = Number(/PORT (\d+)/.exec(out)![1]);
  for (const r of REQUESTS) await send(r);
  const count = (n: string) => (existsSync(join(dir, `${n}.log`)) ? readFileSync(join(dir, `${n}.log`), "utf8").split("\n").length - 1 : 0);
  await waitFor(() => Object.keys(PATTERNS).every((n) => count(n) >= REQUESTS.length), "every log to have one line per request");
  for (const n of Object.keys(PATTERNS)) lines[n] = readFileSync(join(dir, `${n}.log`), "utf8").split("\n").slice(0, -1);
});

after(async () => {
  if (harness && harness.exitCode === null) {
    harness.stdin!.end();
    const exited = new Promise((r) => harness!.once("exit", r));
    const timer = setTimeout(() => harness!.kill("SIGKILL"), 10000);
    await exited;
    clearTimeout(timer);
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Row = { matched: boolean; directives: Record<string, string>; fields: Record<string, unknown> };

async function fieldsOf(name: string, parser: "grok" | "dissect" = "grok"): Promise<Row[]> {
  const parsed = tomcat.parseFormat(PATTERNS[name]);
  assert.deepEqual(parsed.issues.filter((i) => i.severity === "error"), [], `${name} has no errors`);
  const rows = (await parseLines(tomcat, parsed, lines[name].join("\n") + "\n", true, parser)) as Row[];
  assert.equal(rows.length, REQUESTS.length, `${name}: one line per request`);
  return rows;
}

function get(obj: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/**
 * What AccessLogValve's escapeAndAppend leaves after the pipeline's unescaping of `\"` and `\\`: header bytes
 * are read as ISO-8859-1 and written as `\uXXXX` outside printable ASCII, `\t` `\n` `\r` `\f` as such.
 */
function asLogged(value: string): string {
  const named: Record<number, string> = { 9: "\\t", 10: "\\n", 13: "\\r", 12: "\\f" };
  return [...Buffer.from(value, "utf8")].map((b) => named[b] ?? (b < 32 || b >= 127 ? `\\u${b.toString(16).padStart(4, "0")}` : String.fromCharCode(b))).join("");
}

/** A request header as Tomcat logs it: repeated headers joined with `,`. */
const header = (r: Sent, name: string): string | undefined => {
  const values = r.rejected ? [] : r.headers.filter(([k]) => k.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
  return values.length ? values.join(",") : undefined;
};
/** grok keeps no field for Tomcat's `-` (written for null and empty values). */
const nonEmpty = (v: string | undefined): string | undefined => (v ? asLogged(v) : undefined);
const pathOf = (r: Sent): string | undefined => (r.rejected ? undefined : r.target.split("?")[0]);
const queryOf = (r: Sent): string | undefined => (!r.rejected && r.target.includes("?") ? `?${r.target.split("?").slice(1).join("?")}` : undefined);
const requestLine = (r: Sent): string => `${r.method} ${r.rejected ? "-" : r.target} ${r.proto}`;
/** `%b`: `-` for an empty body. */
const bytesOf = (r: Sent): number | undefined => (r.bodyBytes ? r.bodyBytes : undefined);

function expectFields(name: string, rows: Row[], expected: (r: Sent, row: Row) => Record<string, unknown>): void {
  rows.forEach((row, i) => {
    const r = REQUESTS[i];
    assert.ok(row.matched, `${name} line ${i + 1} matched: ${lines[name][i]}`);
    assert.ok(!(row.fields.tags as string[] | undefined)?.length, `${name} line ${i + 1} has no failure tags: ${JSON.stringify(row.fields.tags)}`);
    for (const [path, value] of Object.entries(expected(r, row))) assert.deepEqual(get(row.fields, path), value, `${name} line ${i + 1} ${path}: ${lines[name][i]}`);
  });
}

function timestampNear(name: string, rows: Row[]): void {
  for (const row of rows) {
    const ts = Date.parse(String(row.fields["@timestamp"]));
    assert.ok(Math.abs(ts - startedAt) < 120000, `${name}: @timestamp ${String(row.fields["@timestamp"])} comes from the line`);
  }
}

test("the requests got the answers the test expects (404s, a refused request, HEAD without a body)", () => {
  assert.deepEqual(REQUESTS.map((r) => r.status), [200, 404, 200, 200, 200, 200, 200, 200, 200, 404, 400, 200, 200]);
});

test("common and combined: request line, status, bytes, referrer and user agent as sent", async () => {
  const common = await fieldsOf("common");
  expectFields("common", common, (r) => ({
    "source.address": "127.0.0.1",
    "tomcat.access.request_line": requestLine(r),
    "http.response.status_code": r.status,
    "http.response.body.bytes": bytesOf(r),
    "user.name": undefined,
    "tomcat.access.user.identity": undefined,
  }));
  timestampNear("common", common);
  const combined = await fieldsOf("combined");
  expectFields("combined", combined, (r) => ({
    "tomcat.access.request_line": requestLine(r),
    "http.response.status_code": r.status,
    "http.request.referrer": nonEmpty(header(r, "Referer")),
    "user_agent.original": nonEmpty(header(r, "User-Agent")),
  }));
  timestampNear("combined", combined);
});

test("%{xxx}i, %{xxx}o, %{xxx}c, %D, %T, %I, %U%q, %b/%B", async () => {
  const rows = await fieldsOf("headers");
  expectFields("headers", rows, (r, row) => {
    const thread = get(row.fields, "process.thread.name");
    assert.match(String(thread), /exec-\d+$/);
    assert.equal(typeof get(row.fields, "tomcat.access.duration.us"), "number");
    return {
      "tomcat.access.request_headers.x_test": nonEmpty(header(r, "X-Test")),
      "tomcat.access.response_headers.x_out": nonEmpty(header(r, "X-Echo-Out")),
      "tomcat.access.cookie.sess": header(r, "Cookie") ? "abc123" : undefined,
      "tomcat.access.duration.s": 0,
      "user_agent.original": nonEmpty(header(r, "User-Agent")),
      "http.request.method": r.method,
      "url.path": pathOf(r),
      "url.query": queryOf(r),
      "http.response.status_code": r.status,
      // `%b` is `-` for an empty body, `%B` 0; the first of the two names the field.
      "http.response.body.bytes": bytesOf(r),
    };
  });
});

test("unquoted codes: addresses, ports, protocol, query, connection status, server name, %{ms}T", async () => {
  const rows = await fieldsOf("bare");
  expectFields("bare", rows, (r, row) => {
    assert.match(String(get(row.fields, "tomcat.access.connection_status")), /^[X+-]$/);
    assert.equal(typeof get(row.fields, "source.port"), "number");
    assert.equal(typeof get(row.fields, "tomcat.access.duration.ms"), "number");
    // %S: `-` without a session, the session id once the servlet opened one.
    const sid = get(row.fields, "tomcat.access.session_id");
    if (r.target.startsWith("/session")) assert.match(String(sid), /^[0-9A-F]{32}$/);
    else assert.equal(sid, undefined);
    return {
      "source.ip": "127.0.0.1",
      "destination.ip": "127.0.0.1",
      "destination.port": port,
      "tomcat.access.protocol": r.proto,
      "http.request.method": r.method,
      "url.path": pathOf(r),
      "url.query": queryOf(r),
      "http.response.status_code": r.status,
      "tomcat.access.request_headers.x_test": nonEmpty(header(r, "X-Test")),
      "tomcat.access.server_name": "127.0.0.1",
      "user.name": undefined,
    };
  });
});

test("%{SimpleDateFormat}t is the event time, to the millisecond; sec/msec/msec_frac agree", async () => {
  const rows = await fieldsOf("times");
  expectFields("times", rows, (r) => ({ "tomcat.access.request_line": requestLine(r), "http.response.status_code": r.status }));
  timestampNear("times", rows);
  for (const row of rows) {
    const msec = Number(row.directives["%{msec}t"]);
    assert.equal(Date.parse(String(row.fields["@timestamp"])), msec, `@timestamp from %{yyyy-MM-dd'T'HH:mm:ss.SSSZ}t is the request's start: ${JSON.stringify(row.directives)}`);
    assert.equal(Number(row.directives["%{sec}t"]), Math.floor(msec / 1000));
    assert.match(row.directives["%{end:msec_frac}t"], /^\d{3}$/);
  }
});

test("%{us}T/%{ns}T/%{fracsec}T agree, %F, %{c}L per connection, %{r}L written as ???, %{peer}a, %{local}p, attributes", async () => {
  const parsed = tomcat.parseFormat(PATTERNS.more);
  assert.deepEqual(parsed.issues.map((i) => [i.code, parsed.text.slice(i.range.start, i.range.end)]), [["logformat-bad-modifier", "%{r}L"]]);
  const rows = await fieldsOf("more");
  expectFields("more", rows, () => ({
    "client.ip": "127.0.0.1",
    "source.address": "127.0.0.1",
    "destination.port": port,
    "tomcat.access.request_attributes": undefined,
    "tomcat.access.session_attributes": undefined,
    "tomcat.access.request_headers.accept": undefined,
  }));
  for (const [i, row] of rows.entries()) {
    const ns = Number(row.directives["%{ns}T"]);
    assert.equal(get(row.fields, "tomcat.access.duration.us"), Math.floor(ns / 1000), lines.more[i]);
    assert.equal(get(row.fields, "tomcat.access.duration.fracsec"), Math.floor(ns / 1e6) / 1000, lines.more[i]);
    const first = get(row.fields, "tomcat.access.first_byte.ms");
    assert.ok(first === undefined || typeof first === "number", lines.more[i]);
    assert.ok(!("%{r}L" in row.directives), "%{r}L is literal text");
  }
  const ids = rows.map((row) => get(row.fields, "tomcat.access.connection_id"));
  assert.equal(new Set(ids).size, REQUESTS.length, `one connection per request: ${ids.join(",")}`);
});

test("tab-separated pattern: the dissect pipeline gives the values sent, the same as grok", async () => {
  assert.ok("mapping" in planDissect(tomcat.parseFormat(PATTERNS.tabs), true), "dissect applies to the tab-separated pattern");
  const grok = await fieldsOf("tabs");
  const dissect = await fieldsOf("tabs", "dissect");
  expectFields("tabs", dissect, (r) => ({
    "source.ip": "127.0.0.1",
    "http.request.method": r.method,
    "url.path": pathOf(r),
    "url.query": queryOf(r),
    "http.response.status_code": r.status,
    "http.response.body.bytes": bytesOf(r),
    "user_agent.original": nonEmpty(header(r, "User-Agent")),
    "tomcat.access.request_headers.x_test": nonEmpty(header(r, "X-Test")),
  }));
  timestampNear("tabs", dissect);
  dissect.forEach((row, i) => assert.deepEqual(row.fields, grok[i].fields, lines.tabs[i]));
});

test("session id, session and request attributes, a repeated header", async () => {
  const rows = await fieldsOf("session");
  expectFields("session", rows, (r) => {
    const session = r.target.startsWith("/session");
    return {
      "tomcat.access.session_attributes.user": session ? asLogged(header(r, "X-Session-User")!) : undefined,
      "tomcat.access.request_attributes.handler": session ? "session servlet" : undefined,
      "url.path": pathOf(r),
    };
  });
  const last = rows[rows.length - 1];
  assert.match(String(get(last.fields, "tomcat.access.session_id")), /^[0-9A-F]{32}$/);
  // Repeated headers are joined with `,` (no space), whatever commas the values hold.
  assert.equal(get(last.fields, "tomcat.access.request_headers.x_test"), "one,two, three", lines.session[rows.length - 1]);
});

test("logsmith logformat parse (the CLI) gives the same fields", () => {
  const cli = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "../../server/src/cli.ts"), "logformat", "parse", "--kind", "tomcat", "--format", PATTERNS.combined], {
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
    assert.equal(get(row.fields, "user_agent.original"), nonEmpty(header(REQUESTS[i], "User-Agent")));
  });
});
