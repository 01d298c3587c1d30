import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { appendKnownHost, checkHostKey, fingerprint, keysFor, preferredHostKeyAlgorithms } from "../../server/src/remote/deploy/knownHosts";
import { parseTestOutput } from "../../server/src/remote/deploy/testOutput";
import { parsePluginList, missingPlugins, pluginProblems } from "../../server/src/remote/deploy/plugins";

/** Two throwaway ed25519 keys from ssh-keygen, so the known_hosts lines are OpenSSH's own. */
function keys(): { dir: string; a: { line: string; blob: Buffer; fp: string }; b: { line: string; blob: Buffer; fp: string } } {
  const dir = mkdtempSync(join(tmpdir(), "logsmith-kh-"));
  const make = (name: string) => {
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", join(dir, name)]);
    const line = readFileSync(join(dir, `${name}.pub`), "utf8").split(" ").slice(0, 2).join(" ");
    const fp = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", join(dir, `${name}.pub`)], { encoding: "utf8" }).split(" ")[1];
    return { line, blob: Buffer.from(line.split(" ")[1], "base64"), fp };
  };
  return { dir, a: make("a"), b: make("b") };
}

test("known_hosts: plain, [host]:port, patterns with negation, hashed lines from ssh-keygen -H, @revoked", () => {
  const { dir, a, b } = keys();
  try {
    assert.equal(fingerprint(a.blob), a.fp, "same fingerprint as ssh-keygen -l");
    const file = join(dir, "known_hosts");
    writeFileSync(file, [`# comment`, `lab.example,10.0.0.5 ${a.line}`, `[10.0.0.5]:2222 ${b.line}`, `*.internal,!bad.internal ${a.line}`, `@revoked old.example ${b.line}`, ""].join("\n"));
    const text = readFileSync(file, "utf8");
    assert.equal(checkHostKey(text, "lab.example", 22, a.blob).status, "known");
    assert.equal(checkHostKey(text, "10.0.0.5", 22, a.blob).status, "known");
    assert.equal(checkHostKey(text, "10.0.0.5", 2222, b.blob).status, "known", "port entries are their own host");
    assert.equal(checkHostKey(text, "10.0.0.5", 2222, a.blob).status, "changed");
    assert.equal(checkHostKey(text, "x.internal", 22, a.blob).status, "known");
    assert.equal(checkHostKey(text, "bad.internal", 22, a.blob).status, "unknown", "negated pattern");
    assert.equal(checkHostKey(text, "old.example", 22, b.blob).status, "revoked");
    assert.equal(checkHostKey(text, "elsewhere", 22, a.blob).status, "unknown");
    const changed = checkHostKey(text, "lab.example", 22, b.blob);
    assert.deepEqual(changed, { status: "changed", knownFingerprints: [a.fp] });

    execFileSync("ssh-keygen", ["-q", "-H", "-f", file], { stdio: "ignore" });
    const hashed = readFileSync(file, "utf8");
    assert.ok(!hashed.includes("lab.example") && hashed.includes("|1|"));
    assert.equal(checkHostKey(hashed, "lab.example", 22, a.blob).status, "known");
    assert.equal(checkHostKey(hashed, "10.0.0.5", 2222, b.blob).status, "known");
    assert.equal(checkHostKey(hashed, "10.0.0.6", 2222, b.blob).status, "unknown");
    assert.deepEqual(preferredHostKeyAlgorithms(hashed, "lab.example", 22)?.[0], "ssh-ed25519");

    const fresh = join(dir, "sub", "known_hosts");
    appendKnownHost(fresh, "127.0.0.1", 2200, a.blob);
    appendKnownHost(fresh, "lab.example", 22, b.blob);
    // OpenSSH itself finds the appended lines.
    assert.match(execFileSync("ssh-keygen", ["-F", "[127.0.0.1]:2200", "-f", fresh], { encoding: "utf8" }), /ssh-ed25519/);
    assert.match(execFileSync("ssh-keygen", ["-F", "lab.example", "-f", fresh], { encoding: "utf8" }), /ssh-ed25519/);
    assert.equal(keysFor(readFileSync(fresh, "utf8"), "127.0.0.1", 2200).length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Logstash config-test output maps to the line it names", () => {
  const out = `Using bundled JDK: /usr/share/logstash/jdk
[2026-11-24T10:00:00,123][FATAL][logstash.runner          ] The given configuration is invalid. Reason: Expected one of [ \\t\\r\\n], "#", "=>" at line 3, column 18 (byte 60) after filter {
  mutate { add_tag
[2026-11-24T10:00:00,130][FATAL][org.logstash.Logstash    ] Logstash stopped processing because of an error: (SystemExit) exit`;
  const errors = parseTestOutput(out);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].line, 3);
  assert.equal(errors[0].column, 18);
  assert.match(errors[0].message, /^The given configuration is invalid/);
  const noLine = parseTestOutput(`[2026-11-24T10:00:00,000][ERROR][logstash.plugins.registry] Unable to load plugin. {:type=>"filter", :name=>"nosuch"}\n[FATAL] done`);
  assert.equal(noLine[0].line, undefined);
  assert.match(noLine[0].message, /Unable to load plugin/);
  assert.deepEqual(parseTestOutput("/tmp/x.conf:4:2: error syntax-expected oops\n/tmp/x.conf:5:1: warning w ignored"), [{ line: 4, column: 2, message: "syntax-expected oops" }]);
});

test("plugin list: names anywhere on a line (integration contents), missing plugins with their place", () => {
  const list = parsePluginList("logstash-codec-json (3.1.1)\nlogstash-integration-kafka (11.3.0)\n ├── logstash-input-kafka\n └── logstash-output-kafka\nlogstash-input-beats (6.8.0)\nlogstash-output-stdout (3.1.4)\n");
  assert.ok(list.has("logstash-input-kafka") && list.has("logstash-codec-json") && !list.has("logstash-integration-kafka"));
  const text = 'input { kafka { codec => json } beats { codec => plain } }\nfilter { grok { } }\noutput { stdout { codec => rubydebug { } } }\n';
  const missing = missingPlugins(text, list).map((m) => `${m.kind}/${m.name}@${m.range.start}`);
  assert.deepEqual(missing, [`codec/plain@${text.indexOf("plain")}`, `filter/grok@${text.indexOf("grok")}`, `codec/rubydebug@${text.indexOf("rubydebug")}`]);
});

test("plugin problems use the core's validation with the host's plugins as installed ones", () => {
  const installed = parsePluginList("logstash-input-beats\nlogstash-filter-grok\nlogstash-filter-translate_plus\nlogstash-output-stdout\n");
  const target = { name: "lab", kind: "logstash" as const, host: "h", user: "u", pipelineDir: "/etc/logstash/conf.d" };
  const text = "input { beats { port => 5044 } }\nfilter { grokk { } translate_plus { } mutate { } }\noutput { stdout { } }\n";
  const problems = pluginProblems(text, target, installed).map((p) => [text.slice(p.range.start, p.range.end), p.message]);
  assert.equal(problems.length, 2, JSON.stringify(problems));
  assert.equal(problems[0][0], "grokk");
  assert.match(problems[0][1], /Did you mean `grok`/);
  assert.equal(problems[1][0], "mutate");
  assert.match(problems[1][1], /lab does not have the filter plugin `mutate`/);
});
