/**
 * A real OpenSSH server for the deploy tests: Debian's `sshd -D -f <own config>` on 127.0.0.1 and a free
 * port, with a throwaway host key and user key in a temp dir, plus stand-ins for the host's Logstash
 * tools (`bin/logstash --config.test_and_exit` runs this repo's `logsmith check`; `bin/logstash-plugin list
 * --verbose` prints a list the test controls). Missing sshd or dist/cli.cjs fails the test with a message.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join, resolve } from "node:path";
import type { LogstashTarget } from "../../server/src/remote/targets";

const SSHD = "/usr/sbin/sshd";
const repo = resolve(import.meta.dirname, "../..");
export const CLI = join(repo, "dist/cli.cjs");
export const PASSWORD_USER = "logsmith-sshtest";
const PASSWORD_FILE = "/var/lib/logsmith-sshtest/password";

export function requireTools(): void {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: run scripts/setup-sshd.sh`);
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
}

export function passwordOfTestUser(): string {
  if (!existsSync(PASSWORD_FILE)) throw new Error(`${PASSWORD_FILE} is missing: run scripts/setup-sshd.sh (as root)`);
  return readFileSync(PASSWORD_FILE, "utf8").trim();
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string, deadlineMs = 10000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`sshd exited (${child.exitCode}): ${log()}`);
    const ok = await new Promise<boolean>((res) => {
      const s = connect(port, "127.0.0.1");
      s.once("connect", () => (s.destroy(), res(true)));
      s.once("error", () => res(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on ${port}: ${log()}`);
}

function keygen(path: string, comment: string): void {
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path]);
}

export interface TestHost {
  port: number;
  dir: string;
  /** Where pipelines live on the "host". */
  pipelineDir: string;
  userKey: string;
  hostKeyPub: string;
  /** known_hosts with this host's key, hashed by `ssh-keygen -H`. */
  knownHosts: string;
  /** Plugins the stand-in `logstash-plugin list --verbose` reports. */
  setPlugins(names: string[]): void;
  target(extra?: Partial<LogstashTarget>): LogstashTarget;
  /** Kills the per-connection sshd processes (the listener stays), as a dropped connection. */
  killSessions(): number;
  /** A new host key, as after a reinstall; takes effect on the next connection. */
  regenerateHostKey(): void;
  stop(): Promise<void>;
}

const DEFAULT_PLUGINS = ["logstash-input-beats", "logstash-input-stdin", "logstash-input-generator", "logstash-filter-mutate", "logstash-filter-grok", "logstash-output-stdout", "logstash-output-elasticsearch", "logstash-codec-json", "logstash-codec-rubydebug", "logstash-codec-plain"];

export async function startSshd(options: { password?: boolean } = {}): Promise<TestHost> {
  requireTools();
  const dir = mkdtempSync(join(tmpdir(), "logsmith-sshd-"));
  chmodSync(dir, 0o755);
  const hostKey = join(dir, "host_ed25519");
  const userKey = join(dir, "user_ed25519");
  keygen(hostKey, "logsmith-test-host");
  keygen(userKey, "logsmith-test-user");
  writeFileSync(join(dir, "authorized_keys"), readFileSync(`${userKey}.pub`));
  const pipelineDir = join(dir, "conf.d");
  mkdirSync(pipelineDir, { mode: 0o777 });
  chmodSync(pipelineDir, 0o777);
  const bin = join(dir, "bin");
  mkdirSync(bin);
  // Logstash-like output: grammar errors as `... at line N, column M`, the rest as [FATAL] lines.
  writeFileSync(
    join(bin, "logstash"),
    `#!/bin/sh
file="$3"
out=$("${process.execPath}" "${CLI}" check "$file" 2>&1)
code=$?
if [ $code -ne 0 ]; then
  printf '%s\\n' "$out" | sed -nE 's/^.*:([0-9]+):([0-9]+): error [^ ]+ (.*)$/[2026-11-24T00:00:00,000][FATAL][logstash.runner] The given configuration is invalid. Reason: \\3 at line \\1, column \\2/p'
  exit 1
fi
echo "Configuration OK"
`,
    { mode: 0o755 },
  );
  writeFileSync(join(bin, "logstash-plugin"), `#!/bin/sh\ncat "${join(dir, "plugins.txt")}"\n`, { mode: 0o755 });
  const setPlugins = (names: string[]): void =>
    writeFileSync(join(dir, "plugins.txt"), names.map((n, i) => (n.startsWith(" ") ? n : `${n} (${1 + (i % 7)}.${i}.0)`)).join("\n") + "\n");
  setPlugins(DEFAULT_PLUGINS);

  const port = await freePort();
  const config = join(dir, "sshd_config");
  writeFileSync(
    config,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, "sshd.pid")}`,
      `AuthorizedKeysFile ${join(dir, "authorized_keys")}`,
      "UsePAM no",
      "StrictModes no",
      `PasswordAuthentication ${options.password ? "yes" : "no"}`,
      "KbdInteractiveAuthentication no",
      "PermitRootLogin prohibit-password",
      "Subsystem sftp internal-sftp",
      "MaxStartups 50",
      "LogLevel ERROR",
      "",
    ].join("\n"),
  );
  let log = "";
  const child = spawn(SSHD, ["-D", "-e", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  await waitForPort(port, child, () => log);

  const knownHosts = join(dir, "known_hosts");
  writeFileSync(knownHosts, `[127.0.0.1]:${port} ${readFileSync(`${hostKey}.pub`, "utf8").split(" ").slice(0, 2).join(" ")}\n`);
  execFileSync("ssh-keygen", ["-q", "-H", "-f", knownHosts], { stdio: "ignore" });
  rmSync(`${knownHosts}.old`, { force: true });

  const descendants = (pid: number): number[] => {
    const out: number[] = [];
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (ppid === pid) out.push(Number(entry), ...descendants(Number(entry)));
      } catch {
        // The process ended while we looked.
      }
    }
    return out;
  };

  return {
    port,
    dir,
    pipelineDir,
    userKey,
    hostKeyPub: readFileSync(`${hostKey}.pub`, "utf8"),
    knownHosts,
    setPlugins,
    target: (extra = {}) => ({
      name: `lab-${port}`,
      kind: "logstash",
      host: "127.0.0.1",
      port,
      // sshd runs as the current user; only that user can log in unless it is root.
      user: userInfo().username,
      auth: "key",
      privateKeyPath: userKey,
      knownHostsPath: knownHosts,
      pipelineDir,
      testCommand: `${join(bin, "logstash")} --config.test_and_exit -f {file}`,
      pluginListCommand: `${join(bin, "logstash-plugin")} list --verbose`,
      ...extra,
    }),
    killSessions() {
      const pids = descendants(child.pid!);
      for (const pid of pids) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
      return pids.length;
    },
    regenerateHostKey() {
      rmSync(hostKey);
      rmSync(`${hostKey}.pub`);
      keygen(hostKey, "logsmith-test-host-2");
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
