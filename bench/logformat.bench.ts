/**
 * Lines per second of the parser generated for an httpd LogFormat, on 100,000 Apache lines built from lines
 * real httpd 2.4 wrote for the combined format and the field notes' JSON format (captured by
 * test/cli/logformat-apache.test.ts), with varied addresses, paths, statuses and agents:
 * - the generated pipeline (grok + gsub + date + convert) through the simulator, on all 100,000 (JSON: 10,000);
 * - the JS matcher behind `logsmith logformat parse`'s `directives`, on all 100,000.
 */
import { parseLines } from "../server/src/cli/logformat";
import { getDialect } from "../server/src/core/logformat/registry";

const apache = getDialect("apache")!;
const COMBINED = String.raw`%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"`;
const NOTES_JSON = String.raw`{ \"time\":\"%{%Y-%m-%d}tT%{%T}t.%{msec_frac}tZ\", \"process\":\"%D\", \"filename\":\"%f\", \"remoteIP\":\"%a\", \"host\":\"%V\", \"request\":\"%U\", \"query\":\"%q\", \"method\":\"%m\", \"status\":\"%>s\", \"userAgent\":\"%{User-agent}i\", \"referer\":\"%{Referer}i\" }`;

// Shapes of real lines httpd wrote in the test (escaped quotes and backslashes, `-` placeholders, HEAD with no body).
const REAL_COMBINED = [
  String.raw`127.0.0.1 - - [24/Nov/2026:21:05:12 +0000] "GET / HTTP/1.1" 200 32 "http://example.com/start" "Mozilla/5.0 (X11; Linux x86_64)"`,
  String.raw`127.0.0.1 - - [24/Nov/2026:21:05:12 +0000] "GET /missing/%7Efile?q=1&r=two HTTP/1.1" 404 196 "-" "curl \"quoted\" \\back\\slash"`,
  String.raw`127.0.0.1 - - [24/Nov/2026:21:05:12 +0000] "HEAD /index.html HTTP/1.1" 200 - "-" "head-check"`,
  String.raw`127.0.0.1 - - [24/Nov/2026:21:05:12 +0000] "GET /index.html HTTP/1.0" 200 32 "http://x/\\\"" "old/1.0 (\"quoted\")"`,
];
const REAL_JSON = String.raw`{ "time":"2026-11-24T21:05:12.345Z", "process":"536", "filename":"/tmp/logsmith-httpd-x/index.html", "remoteIP":"127.0.0.1", "host":"127.0.0.1", "request":"/index.html", "query":"", "method":"GET", "status":"200", "userAgent":"Mozilla/5.0 (X11; Linux x86_64)", "referer":"-" }`;

function lines(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = REAL_COMBINED[i % REAL_COMBINED.length];
    out.push(base.replace("127.0.0.1", `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`).replace(" 200 ", i % 7 === 0 ? " 500 " : " 200 ").replace("/index.html", `/p/${i % 997}.html`));
  }
  return out;
}

async function throughput(name: string, format: string, sample: string[]): Promise<void> {
  const parsed = apache.parseFormat(format);
  const text = sample.join("\n") + "\n";
  await parseLines(apache, parsed, sample.slice(0, 200).join("\n") + "\n"); // warm-up: oniguruma, compile
  const t0 = performance.now();
  const rows = (await parseLines(apache, parsed, text)) as { matched: boolean }[];
  const ms = performance.now() - t0;
  const unmatched = rows.filter((r) => !r.matched).length;
  console.log(`${name}: ${sample.length} lines in ${ms.toFixed(0)} ms = ${Math.round((sample.length / ms) * 1000)} lines/s through the generated pipeline (simulator + matcher), ${unmatched} unmatched`);
}

const all = lines(100_000);
await throughput("combined", COMBINED, all);
await throughput("field notes JSON", NOTES_JSON, Array.from({ length: 10_000 }, (_, i) => REAL_JSON.replace("536", String(i))));

const parsed = apache.parseFormat(COMBINED);
const t0 = performance.now();
let matched = 0;
for (const l of all) if (apache.matchLine(parsed, l).matched) matched++;
const ms = performance.now() - t0;
console.log(`combined matcher: ${all.length} lines in ${ms.toFixed(0)} ms = ${Math.round((all.length / ms) * 1000)} lines/s, ${all.length - matched} unmatched`);
if (matched !== all.length) process.exitCode = 1;
