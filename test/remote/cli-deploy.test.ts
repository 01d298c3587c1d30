import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { CLI, startSshd, type TestHost } from "./sshd";

const OLD = "input { beats { port => 5044 } }\noutput { stdout {} }\n";
const NEW = "input { beats { port => 5044 } }\nfilter { mutate { add_tag => [\"ci\"] } }\noutput { stdout {} }\n";

/** Runs the bundled CLI (npm test builds it first) with stdin not a terminal, as in CI. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.stdin.end();
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("logsmith deploy / rollback (real sshd on 127.0.0.1)", () => {
  let host: TestHost;
  let targetsFile: string;
  let local: string;
  before(async () => {
    host = await startSshd();
    targetsFile = join(host.dir, "targets.json");
    const emptyKnown = join(host.dir, "nobody_known_hosts");
    writeFileSync(emptyKnown, "");
    writeFileSync(
      targetsFile,
      JSON.stringify({
        targets: [
          host.target({ name: "lab" }),
          host.target({ name: "stranger", knownHostsPath: emptyKnown }),
          { name: "es", kind: "elasticsearch", nodes: ["http://127.0.0.1:9"] },
        ],
      }),
    );
    local = join(host.dir, "main.conf");
    writeFileSync(local, NEW);
  });
  after(() => host?.stop());

  test("without --yes and without a terminal: prints the diff, refuses, changes nothing", async () => {
    writeFileSync(join(host.pipelineDir, "main.conf"), OLD);
    const r = await cli(["deploy", "--targets", targetsFile, "--target", "lab", local]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^\+filter \{ mutate/m);
    assert.match(r.stderr, /--yes/);
    assert.equal(readFileSync(join(host.pipelineDir, "main.conf"), "utf8"), OLD);
  });

  test("--yes deploys, prints the diff and exits 0; rollback puts the old file back", async () => {
    writeFileSync(join(host.pipelineDir, "main.conf"), OLD);
    const r = await cli(["deploy", "--targets", targetsFile, "--target", "lab", "--yes", local]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^-output|^\+filter/m);
    assert.match(r.stdout, /lab: ok/);
    assert.equal(readFileSync(join(host.pipelineDir, "main.conf"), "utf8"), NEW);
    const back = await cli(["rollback", "--targets", targetsFile, "--target", "lab", local]);
    assert.equal(back.code, 0, back.stdout + back.stderr);
    assert.equal(readFileSync(join(host.pipelineDir, "main.conf"), "utf8"), OLD);
  });

  test("an unknown host key is refused with the fingerprint and how to add it; exit 1 if any host fails", async () => {
    writeFileSync(join(host.pipelineDir, "main.conf"), OLD);
    const r = await cli(["deploy", "--targets", targetsFile, "--target", "lab", "--target", "stranger", "--yes", local]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /lab: ok/);
    assert.match(r.stdout, /stranger: FAILED: .*SHA256:[A-Za-z0-9+/]{43}.*ssh-keyscan -p \d+ 127\.0\.0\.1 >> /);
    assert.deepEqual(readdirSync(host.pipelineDir).filter((f) => !f.includes("backup")), ["main.conf"]);
  });

  test("a config-test failure is printed as file:line:column and exits 1", async () => {
    const broken = join(host.dir, "broken.conf");
    writeFileSync(broken, "input { beats { port => 5044 } }\nfilter {\n  mutate { add_tag [\"x\"] }\n}\n");
    const r = await cli(["deploy", "--targets", targetsFile, "--target", "lab", "--yes", broken]);
    assert.equal(r.code, 1);
    assert.ok(r.stdout.includes(`${broken}:3:`), r.stdout);
    assert.deepEqual(readdirSync(host.pipelineDir).filter((f) => f.includes("broken")), []);
  });

  test("on a terminal it asks; answering y deploys, anything else does not", async () => {
    // util-linux `script` gives the CLI a pseudo-terminal, as when a user runs it by hand.
    const onTerminal = (answer: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const command = [process.execPath, CLI, "deploy", "--targets", targetsFile, "--target", "lab", local].map((a) => `'${a}'`).join(" ");
        const child = spawn("script", ["-qec", command, "/dev/null"], { stdio: ["pipe", "pipe", "pipe"] });
        let out = "";
        let answered = false;
        child.stdout.on("data", (d) => {
          out += d;
          if (!answered && out.includes("[y/N]")) {
            answered = true;
            child.stdin.write(`${answer}\n`);
          }
        });
        // Never hang the suite on a prompt that did not come.
        const timer = setTimeout(() => child.kill(), 30_000);
        child.on("close", () => clearTimeout(timer));
        child.on("close", (code) => resolve({ code, out }));
      });
    writeFileSync(join(host.pipelineDir, "main.conf"), OLD);
    const no = await onTerminal("n");
    assert.equal(no.code, 1, no.out);
    assert.match(no.out, /Deploy to 1 host\(s\)\? \[y\/N\]/);
    assert.equal(readFileSync(join(host.pipelineDir, "main.conf"), "utf8"), OLD);
    const yes = await onTerminal("y");
    assert.equal(yes.code, 0, yes.out);
    assert.equal(readFileSync(join(host.pipelineDir, "main.conf"), "utf8"), NEW);
  });

  test("bad usage exits 2", async () => {
    assert.equal((await cli(["deploy", "--targets", targetsFile, local])).code, 2);
    const es = await cli(["deploy", "--targets", targetsFile, "--target", "es", "--yes", local]);
    assert.equal(es.code, 2);
    assert.match(es.stderr, /not a Logstash host/);
  });
});
