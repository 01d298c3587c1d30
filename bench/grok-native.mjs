#!/usr/bin/env node
// The hand-written counterpart of `logsmith grok --pattern %{COMBINEDAPACHELOG}` (ecs v8) for
// bench/grok.mjs: a JavaScript RegExp writing the same fields with the same :int conversions.
// Imported, it exports `handWritten`; run as a process, it reads lines on stdin and prints the same
// JSON lines as `logsmith grok`, so the two whole processes can be compared.
import { fileURLToPath } from "node:url";

const HAND =
  /(?<addr>\S+) (?:-|(?<ident>\S+)) (?:-|(?<user>\S+)) \[(?<ts>[^\]]+)\] "(?:(?<method>\w+) (?<url>\S+)(?: HTTP\/(?<ver>[\d.]+))?|[^"]*)" (?:-|(?<status>\d+)) (?:-|(?<bytes>\d+)) "(?:-|(?<ref>[^"]*))" "(?:-|(?<agent>[^"]*))"/;

/** The fields grok writes for `message`, or the failure tag. */
export function handWritten(message) {
  const m = HAND.exec(message);
  if (!m) return { matched: false, fields: { tags: ["_grokparsefailure"] } };
  const g = m.groups;
  const e = { source: { address: g.addr } };
  if (g.ident) e.apache = { access: { user: { identity: g.ident } } };
  if (g.user) e.user = { name: g.user };
  e.timestamp = g.ts;
  const http = {};
  if (g.method) http.request = { method: g.method };
  if (g.url) e.url = { original: g.url };
  if (g.ver) http.version = g.ver;
  if (g.status) http.response = { status_code: parseInt(g.status, 10) };
  if (g.bytes) (http.response ??= {}).body = { bytes: parseInt(g.bytes, 10) };
  if (g.ref) (http.request ??= {}).referrer = g.ref;
  if (Object.keys(http).length) e.http = http;
  if (g.agent) e.user_agent = { original: g.agent };
  return { matched: true, fields: e };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let rest = "";
  const out = (lines) => {
    const text = lines.map((l) => {
      const r = handWritten(l.endsWith("\r") ? l.slice(0, -1) : l);
      return JSON.stringify({ matched: r.matched, pattern: r.matched ? 0 : null, fields: r.fields });
    });
    if (text.length) process.stdout.write(text.join("\n") + "\n");
  };
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop() ?? "";
    out(parts);
  }
  if (rest !== "") out([rest]);
}
