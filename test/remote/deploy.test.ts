import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { checkLogstash, deployPipelines, rollbackPipeline, type DeployOptions, type DeployStep, type HostPlan } from "../../server/src/remote/deploy";
import { PluginCache } from "../../server/src/remote/deploy/plugins";
import type { SecretSource } from "../../server/src/remote/secrets";
import { passwordOfTestUser, PASSWORD_USER, startSshd, type TestHost } from "./sshd";

const OLD = "input { beats { port => 5044 } }\noutput { stdout {} }\n";
const NEW = "input { beats { port => 5044 } }\nfilter { mutate { add_tag => [\"deployed\"] } }\noutput { stdout {} }\n";
// Line 3 misses the `=>` Logstash's grammar requires.
const BROKEN = "input { beats { port => 5044 } }\nfilter {\n  mutate { add_tag [\"x\"] }\n}\noutput { stdout {} }\n";

const noSecrets: SecretSource = { get: async () => undefined };

function options(extra: Partial<DeployOptions> = {}): DeployOptions & { steps: string[]; plans: HostPlan[][] } {
  const steps: string[] = [];
  const plans: HostPlan[][] = [];
  return {
    secrets: noSecrets,
    hostKeys: {},
    plugins: new PluginCache(),
    progress: (target: string, step: DeployStep) => {
      if (steps[steps.length - 1] !== `${target}:${step}`) steps.push(`${target}:${step}`);
    },
    confirm: async (p: HostPlan[]) => {
      plans.push(p);
      return true;
    },
    steps,
    plans,
    ...extra,
  };
}

/** Files in the pipeline dir other than the pipelines themselves (temps, backups). */
function extras(host: TestHost, name: string): string[] {
  return readdirSync(host.pipelineDir).filter((f) => f !== name);
}

function fingerprintOf(pubFile: string): string {
  return execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", pubFile], { encoding: "utf8" }).split(" ")[1];
}

describe("deploy over SSH (real sshd on 127.0.0.1)", () => {
  let host: TestHost;
  let host2: TestHost;
  before(async () => {
    [host, host2] = await Promise.all([startSshd({ password: true }), startSshd()]);
  });
  after(async () => {
    await Promise.all([host?.stop(), host2?.stop()]);
  });

  test("deploys: diff confirmed, tested on the host, backup kept, new file in place", async () => {
    writeFileSync(`${host.pipelineDir}/main.conf`, OLD);
    const o = options();
    const [r] = await deployPipelines([host.target()], [{ path: "/local/main.conf", text: NEW }], o);
    assert.equal(r.ok, true, r.message);
    assert.equal(r.changed, true);
    assert.equal(readFileSync(`${host.pipelineDir}/main.conf`, "utf8"), NEW);
    assert.match(o.plans[0][0].files[0].diff, /^\+filter \{ mutate/m);
    assert.equal(o.plans[0][0].files[0].remoteText, OLD);
    const left = extras(host, "main.conf");
    assert.equal(left.length, 1);
    assert.match(left[0], /^\.main\.conf\.logsmith-backup-\d{8}T\d{9}Z$/);
    assert.doesNotMatch(left[0], /\.conf$/);
    assert.equal(readFileSync(`${host.pipelineDir}/${left[0]}`, "utf8"), OLD);
    const t = host.target().name;
    assert.deepEqual(o.steps, ["connect", "plugins", "diff", "upload", "test", "install"].map((s) => `${t}:${s}`));
  });

  test("rollback restores the last backup, then has none left", async () => {
    const target = host.target();
    const r = await rollbackPipeline(target, "main.conf", { secrets: noSecrets, hostKeys: {} });
    assert.equal(r.ok, true, r.message);
    assert.equal(readFileSync(`${host.pipelineDir}/main.conf`, "utf8"), OLD);
    assert.deepEqual(extras(host, "main.conf"), []);
    const again = await rollbackPipeline(target, "main.conf", { secrets: noSecrets, hostKeys: {} });
    assert.equal(again.ok, false);
    assert.match(again.message, /no backup/);
  });

  test("a failing config test changes nothing, removes the temp file and names the line", async () => {
    writeFileSync(`${host.pipelineDir}/main.conf`, OLD);
    const [r] = await deployPipelines([host.target()], [{ path: "/local/main.conf", text: BROKEN }], options());
    assert.equal(r.ok, false);
    assert.equal(r.failure, "testFailed");
    assert.ok(r.errors.length > 0, r.message);
    assert.equal(r.errors[0].file, "/local/main.conf");
    assert.equal(r.errors[0].line, 3);
    assert.equal(typeof r.errors[0].column, "number");
    assert.equal(readFileSync(`${host.pipelineDir}/main.conf`, "utf8"), OLD);
    assert.deepEqual(extras(host, "main.conf"), []);
  });

  test("a plugin the host lacks is an error before anything is uploaded", async () => {
    writeFileSync(`${host.pipelineDir}/main.conf`, OLD);
    host.setPlugins(["logstash-input-beats", "logstash-output-stdout", "logstash-integration-kafka", "  ├── logstash-input-kafka"]);
    try {
      const o = options();
      const text = "input { kafka { } beats { port => 5044 } }\nfilter {\n  grok { match => { \"message\" => \"%{WORD:w}\" } }\n}\noutput { stdout {} }\n";
      const [r] = await deployPipelines([host.target()], [{ path: "/local/main.conf", text }], o);
      assert.equal(r.failure, "pluginsMissing", r.message);
      assert.deepEqual(r.errors.map((e) => [e.line, e.column]), [[3, 3]]);
      assert.match(r.errors[0].message, /logstash-filter-grok/);
      assert.equal(o.plans.length, 0, "no confirmation asked");
      assert.ok(!o.steps.some((s) => s.endsWith(":upload")));
      assert.equal(readFileSync(`${host.pipelineDir}/main.conf`, "utf8"), OLD);
      assert.deepEqual(extras(host, "main.conf"), []);
    } finally {
      host.setPlugins(["logstash-input-beats", "logstash-filter-mutate", "logstash-output-stdout", "logstash-input-stdin"]);
    }
  });

  test("parallel deploy to two hosts reports per host", async () => {
    writeFileSync(`${host.pipelineDir}/main.conf`, OLD);
    const o = options();
    const results = await deployPipelines(
      [host.target(), host2.target(), host.target({ name: "nowhere", port: 1 })],
      [{ path: "/local/main.conf", text: NEW }],
      o,
    );
    assert.deepEqual(results.map((r) => [r.target, r.ok]), [[host.target().name, true], [host2.target().name, true], ["nowhere", false]]);
    assert.equal(results[2].failure, "unreachable");
    assert.equal(o.plans.length, 1, "one confirmation for all hosts");
    assert.equal(o.plans[0].length, 2);
    assert.equal(o.plans[0][1].files[0].remoteText, undefined, "new file on host 2");
    assert.equal(readFileSync(`${host.pipelineDir}/main.conf`, "utf8"), NEW);
    assert.equal(readFileSync(`${host2.pipelineDir}/main.conf`, "utf8"), NEW);
    assert.deepEqual(extras(host2, "main.conf"), [], "no backup when there was no file");
  });

  test("declining the diff leaves every host unchanged", async () => {
    writeFileSync(`${host.pipelineDir}/main.conf`, OLD);
    const [r] = await deployPipelines([host.target()], [{ path: "/local/main.conf", text: NEW }], options({ confirm: async () => false }));
    assert.equal(r.failure, "declined");
    assert.equal(readFileSync(`${host.pipelineDir}/main.conf`, "utf8"), OLD);
  });

  test("a connection cut mid-upload leaves the old file and no temp file", async () => {
    writeFileSync(`${host.pipelineDir}/main.conf`, OLD);
    for (const f of extras(host, "main.conf")) execFileSync("rm", ["-f", `${host.pipelineDir}/${f}`]);
    const big = `input { beats { port => 5044 } }\n# ${"x".repeat(6_000_000)}\noutput { stdout {} }\n`;
    let killed = 0;
    const o = options({
      progress: (_t, step, detail) => {
        if (step === "upload" && detail?.includes("/") && killed === 0) killed = host.killSessions();
      },
    });
    const [r] = await deployPipelines([host.target()], [{ path: "/local/main.conf", text: big }], o);
    assert.ok(killed > 0, "the server-side session was killed");
    assert.equal(r.ok, false);
    assert.equal(r.failure, "connectionLost", r.message);
    assert.equal(readFileSync(`${host.pipelineDir}/main.conf`, "utf8"), OLD);
    assert.deepEqual(extras(host, "main.conf"), [], "temp file removed over a new connection");
    assert.deepEqual(r.leftovers, []);
  });

  test("cancelling during the upload changes nothing", async () => {
    writeFileSync(`${host.pipelineDir}/main.conf`, OLD);
    const controller = new AbortController();
    const big = `input { beats { port => 5044 } }\n# ${"y".repeat(3_000_000)}\noutput { stdout {} }\n`;
    const o = options({
      signal: controller.signal,
      progress: (_t, step, detail) => {
        if (step === "upload" && detail?.includes("/")) controller.abort();
      },
    });
    const [r] = await deployPipelines([host.target()], [{ path: "/local/main.conf", text: big }], o);
    assert.equal(r.failure, "cancelled", r.message);
    assert.equal(readFileSync(`${host.pipelineDir}/main.conf`, "utf8"), OLD);
    assert.deepEqual(extras(host, "main.conf"), []);
  });

  test("an unknown host key is refused without a prompt and accepted (and recorded) with one", async () => {
    const knownHosts = `${host.dir}/empty_known_hosts`;
    writeFileSync(knownHosts, "");
    const target = host.target({ knownHostsPath: knownHosts });
    const refused = await checkLogstash(target, { secrets: noSecrets, hostKeys: {} });
    assert.equal(refused.ok, false);
    const fp = fingerprintOf(`${host.dir}/host_ed25519.pub`);
    assert.ok(refused.message.includes(fp), refused.message);
    assert.match(refused.message, /ssh-keyscan -p \d+ 127\.0\.0\.1/);
    const asked: string[] = [];
    const accepted = await checkLogstash(target, { secrets: noSecrets, hostKeys: { confirmUnknown: async (k) => (asked.push(k.fingerprint), true) } });
    assert.equal(accepted.ok, true, accepted.message);
    assert.deepEqual(asked, [fp]);
    assert.match(readFileSync(knownHosts, "utf8"), new RegExp(`^\\[127\\.0\\.0\\.1\\]:${host.port} ssh-ed25519 `));
    const again = await checkLogstash(target, { secrets: noSecrets, hostKeys: { confirmUnknown: async () => assert.fail("asked twice") } });
    assert.equal(again.ok, true, again.message);
  });

  test("wrong password fails plainly; the right one connects", async () => {
    const target = host.target({ user: PASSWORD_USER, auth: "password", privateKeyPath: undefined });
    const wrong = await checkLogstash(target, { secrets: { get: async () => "not-the-password" }, hostKeys: {} });
    assert.equal(wrong.ok, false);
    assert.match(wrong.message, new RegExp(`authentication failed for user ${PASSWORD_USER}`));
    assert.ok(!wrong.message.includes("not-the-password"));
    const password = passwordOfTestUser();
    const right = await checkLogstash(target, { secrets: { get: async (_t, name) => (name === "password" ? password : undefined) }, hostKeys: {} });
    assert.equal(right.ok, true, right.message);
    assert.match(right.message, /OpenSSH/);
  });

  test("the reload command runs after the switch; a failing one is reported with the new file in place", async () => {
    writeFileSync(`${host.pipelineDir}/main.conf`, OLD);
    const marker = `${host.dir}/reloaded`;
    const [r] = await deployPipelines([host.target({ reloadCommand: `touch ${marker}` })], [{ path: "/local/main.conf", text: NEW }], options());
    assert.equal(r.ok, true, r.message);
    assert.ok(existsSync(marker), "reload ran");
    const [bad] = await deployPipelines([host.target({ reloadCommand: "exit 3" })], [{ path: "/local/main.conf", text: OLD }], options());
    assert.equal(bad.failure, "reloadFailed");
    assert.equal(bad.changed, true);
    assert.match(bad.message, /exit 3/);
    assert.equal(readFileSync(`${host.pipelineDir}/main.conf`, "utf8"), OLD);
  });

  test("a missing test command is named, and nothing changes", async () => {
    writeFileSync(`${host.pipelineDir}/main.conf`, OLD);
    for (const f of extras(host, "main.conf")) execFileSync("rm", ["-f", `${host.pipelineDir}/${f}`]);
    const [r] = await deployPipelines([host.target({ testCommand: "/nonexistent/bin/logstash -t -f {file}" })], [{ path: "/local/main.conf", text: NEW }], options());
    assert.equal(r.failure, "config", r.message);
    assert.match(r.message, /test command was not found.*\/nonexistent\/bin\/logstash/);
    assert.equal(readFileSync(`${host.pipelineDir}/main.conf`, "utf8"), OLD);
    assert.deepEqual(extras(host, "main.conf"), []);
  });

  test("ssh-agent and an encrypted private key (passphrase) authenticate; a wrong passphrase is said plainly", async () => {
    const key = `${host.dir}/enc_ed25519`;
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "correct horse", "-f", key]);
    writeFileSync(`${host.dir}/authorized_keys`, readFileSync(`${host.userKey}.pub`, "utf8") + readFileSync(`${key}.pub`, "utf8"));
    const target = host.target({ privateKeyPath: key });
    const secret = (value: string): SecretSource => ({ get: async (_t, name) => (name === "passphrase" ? value : undefined) });
    const ok = await checkLogstash(target, { secrets: secret("correct horse"), hostKeys: {} });
    assert.equal(ok.ok, true, ok.message);
    const wrong = await checkLogstash(target, { secrets: secret("not-it-42"), hostKeys: {} });
    assert.equal(wrong.ok, false);
    assert.match(wrong.message, /^the private key .*enc_ed25519 needs a passphrase, or the passphrase is wrong$/);
    assert.ok(!wrong.message.includes("not-it-42"));

    const sock = `${host.dir}/agent.sock`;
    const agent = execFileSync("ssh-agent", ["-s", "-a", sock], { encoding: "utf8" });
    const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(agent)![1]);
    const saved = process.env.SSH_AUTH_SOCK;
    try {
      execFileSync("ssh-add", ["-q", host.userKey], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: "ignore" });
      process.env.SSH_AUTH_SOCK = sock;
      const viaAgent = await checkLogstash(host.target({ auth: "agent", privateKeyPath: undefined }), { secrets: noSecrets, hostKeys: {} });
      assert.equal(viaAgent.ok, true, viaAgent.message);
    } finally {
      if (saved === undefined) delete process.env.SSH_AUTH_SOCK;
      else process.env.SSH_AUTH_SOCK = saved;
      process.kill(pid);
    }
  });

  test("test connection says when the pipeline directory is not writable", async () => {
    const target = host.target({ user: PASSWORD_USER, auth: "password", privateKeyPath: undefined, pipelineDir: "/root" });
    const password = passwordOfTestUser();
    const r = await checkLogstash(target, { secrets: { get: async () => password }, hostKeys: {} });
    assert.equal(r.ok, false);
    assert.match(r.message, /permission is denied on \/root|\/root does not exist/);
  });

  // Last: it changes the host key.
  test("a changed host key is an error naming both fingerprints", async () => {
    const oldFp = fingerprintOf(`${host.dir}/host_ed25519.pub`);
    host.regenerateHostKey();
    const newFp = fingerprintOf(`${host.dir}/host_ed25519.pub`);
    assert.notEqual(oldFp, newFp);
    const [r] = await deployPipelines([host.target()], [{ path: "/local/main.conf", text: NEW }], options({ hostKeys: { confirmUnknown: async () => assert.fail("never asked for a changed key") } }));
    assert.equal(r.failure, "hostKeyChanged", r.message);
    assert.ok(r.message.includes(oldFp) && r.message.includes(newFp), r.message);
    assert.ok(existsSync(host.knownHosts));
  });
});
