/**
 * Debian's redis-server for the broker tests, on 127.0.0.1 and a free port, with a password, no
 * persistence and its working files in a temp dir; stopped (and the dir removed) by `stop()`.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./elasticsearchServer";

const REDIS = "/usr/bin/redis-server";

export interface RunningRedis {
  port: number;
  stop(): Promise<void>;
}

/** Without a password when `password` is undefined. */
export async function startRedis(password?: string): Promise<RunningRedis> {
  if (!existsSync(REDIS)) throw new Error(`${REDIS} is missing: run scripts/setup-redis.sh`);
  const dir = mkdtempSync(join(tmpdir(), "logsmith-redis-"));
  const port = await freePort();
  const child = spawn(REDIS, ["--bind", "127.0.0.1", "--port", String(port), ...(password ? ["--requirepass", password] : []), "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (c) => (log = (log + c).slice(-5000)));
  child.stderr.on("data", (c) => (log = (log + c).slice(-5000)));
  const exited = new Promise<void>((res) => child.once("exit", () => res()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const up = await new Promise<boolean>((res) => {
      const s = connect(port, "127.0.0.1");
      s.once("connect", () => (s.destroy(), res(true)));
      s.once("error", () => res(false));
    });
    if (up) return { port, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`redis-server did not start on ${port}: ${log}`);
}
