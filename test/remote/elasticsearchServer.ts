/**
 * A real Elasticsearch for the query tests: the integ-test zip that scripts/setup-elasticsearch.sh unpacks
 * into .tools/elasticsearch/current, started once per test file on 127.0.0.1 and a free port, with a
 * 512 MB heap, its data/logs/config in a temp dir, and X-Pack security on (the zip ships x-pack-core and
 * x-pack-security, so 401s are real) with a file-realm superuser. Elasticsearch refuses to run as root,
 * so as root it runs as the `logsmith-es` user the setup script creates.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "../..");
const link = join(repo, ".tools/elasticsearch/current");
export const ES_USER = "logsmith";
export const ES_PASSWORD = "logsmith-test-password";
/** A file-realm user with no roles: authenticated, but allowed nothing (403). */
export const ES_NOBODY = "nobody";

export interface RunningElasticsearch {
  url: string;
  version: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

function javaHome(): string {
  if (process.env.ES_JAVA_HOME) return process.env.ES_JAVA_HOME;
  if (process.env.JAVA_HOME && existsSync(join(process.env.JAVA_HOME, "bin/java"))) return process.env.JAVA_HOME;
  const java = execFileSync("sh", ["-c", "command -v java"], { encoding: "utf8" }).trim();
  if (!java) throw new Error("no java on PATH: run scripts/setup-elasticsearch.sh");
  return resolve(realpathSync(java), "../..");
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), uid, gid);
}

/** `security: false` serves plain unauthenticated HTTP (the editor tests, which have no secret storage to fill). */
export async function startElasticsearch(options: { security?: boolean } = {}): Promise<RunningElasticsearch> {
  const security = options.security !== false;
  if (!existsSync(join(link, "bin/elasticsearch"))) throw new Error(`${link} is missing: run scripts/setup-elasticsearch.sh`);
  // The real path: as root the tree lives under /opt/logsmith, readable by the user that runs it.
  const home = realpathSync(link);
  const version = home.replace(/.*elasticsearch-/, "");
  const dir = mkdtempSync(join(tmpdir(), "logsmith-es-"));
  const conf = join(dir, "config");
  cpSync(join(home, "config"), conf, { recursive: true });
  for (const sub of ["data", "logs", "tmp"]) mkdirSync(join(dir, sub));
  const env = { ...process.env, ES_JAVA_HOME: javaHome(), ES_PATH_CONF: conf, ES_TMPDIR: join(dir, "tmp"), ES_JAVA_OPTS: "-Xms512m -Xmx512m" };
  execFileSync(join(home, "bin/elasticsearch-users"), ["useradd", ES_USER, "-p", ES_PASSWORD, "-r", "superuser"], { env, stdio: "pipe" });
  execFileSync(join(home, "bin/elasticsearch-users"), ["useradd", ES_NOBODY, "-p", ES_PASSWORD], { env, stdio: "pipe" });
  let ids: { uid?: number; gid?: number } = {};
  if (process.getuid?.() === 0) {
    let uid: number, gid: number;
    try {
      uid = Number(execFileSync("id", ["-u", "logsmith-es"], { encoding: "utf8" }));
      gid = Number(execFileSync("id", ["-g", "logsmith-es"], { encoding: "utf8" }));
    } catch {
      throw new Error("user logsmith-es is missing (Elasticsearch does not run as root): run scripts/setup-elasticsearch.sh as root");
    }
    chownTree(dir, uid, gid);
    ids = { uid, gid };
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    join(home, "bin/elasticsearch"),
    [
      "-Ediscovery.type=single-node",
      "-Ehttp.host=127.0.0.1",
      `-Ehttp.port=${port}`,
      "-Etransport.host=127.0.0.1",
      `-Epath.data=${join(dir, "data")}`,
      `-Epath.logs=${join(dir, "logs")}`,
      `-Expack.security.enabled=${security}`,
      "-Expack.security.http.ssl.enabled=false",
      "-Expack.security.transport.ssl.enabled=false",
      "-Ecluster.routing.allocation.disk.threshold_enabled=false",
    ],
    { env, ...ids, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout!.on("data", (c) => (log = (log + c).slice(-20000)));
  child.stderr!.on("data", (c) => (log = (log + c).slice(-20000)));
  const exited = new Promise<void>((res) => child.once("exit", () => res()));
  const url = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${ES_USER}:${ES_PASSWORD}`).toString("base64")}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      }, 15000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Elasticsearch exited (${child.exitCode}):\n${log.slice(-3000)}`);
    }
    try {
      const r = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=1s`, { headers: security ? { authorization: auth } : {} });
      if (r.ok) return { url, version, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`Elasticsearch did not answer on ${url} within 120 s:\n${log.slice(-3000)}`);
}
