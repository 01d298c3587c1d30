/**
 * One SSH connection to a Logstash host (ssh2): host-key verification against known_hosts, agent / key /
 * password authentication, commands and SFTP. Every failure becomes a `RemoteError` with one plain
 * sentence; secret values are handed to ssh2 and never put into a message.
 */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { Client, type ConnectConfig, type SFTPWrapper } from "ssh2";
import { t } from "../../core/l10n";
import type { SecretSource } from "../secrets";
import type { LogstashTarget } from "../targets";
import {
  appendKnownHost,
  checkHostKey,
  defaultKnownHostsPath,
  fingerprint,
  hostEntryName,
  keyTypeOf,
  preferredHostKeyAlgorithms,
  readKnownHosts,
} from "./knownHosts";

export type RemoteErrorKind =
  | "unreachable"
  | "auth"
  | "hostKeyUnknown"
  | "hostKeyChanged"
  | "hostKeyRevoked"
  | "connectionLost"
  | "cancelled"
  | "permission"
  | "config"
  | "remote";

export class RemoteError extends Error {
  constructor(
    readonly kind: RemoteErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface UnknownHostKey {
  target: string;
  host: string;
  port: number;
  keyType: string;
  fingerprint: string;
  knownHostsPath: string;
}

/** What to do with a key that is not in known_hosts. The CLI has no `confirmUnknown`: it refuses. */
export interface HostKeyPolicy {
  /** Ask the user; true = trust it (the key is then appended to known_hosts). */
  confirmUnknown?(key: UnknownHostKey): Promise<boolean>;
}

export interface ConnectOptions {
  secrets: SecretSource;
  hostKeys: HostKeyPolicy;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** POSIX shell single-quoting. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function targetPort(target: LogstashTarget): number {
  return target.port ?? 22;
}

/** `~/…` as a shell would read it: targets files are written by hand. */
export function expandHome(path: string): string {
  return path === "~" || path.startsWith("~/") ? join(homedir(), path.slice(1)) : path;
}

export function knownHostsPathOf(target: LogstashTarget): string {
  return target.knownHostsPath ? expandHome(target.knownHostsPath) : defaultKnownHostsPath();
}

async function authConfig(target: LogstashTarget, secrets: SecretSource): Promise<Partial<ConnectConfig>> {
  const auth = target.auth ?? (target.privateKeyPath ? "key" : "agent");
  if (auth === "password") {
    const password = await secrets.get(target, "password");
    if (password === undefined) throw new RemoteError("config", t("no password is set for target {0}", target.name));
    return { password, tryKeyboard: false };
  }
  if (auth === "key") {
    if (!target.privateKeyPath) throw new RemoteError("config", t("target {0} uses key authentication but names no privateKeyPath", target.name));
    let privateKey: Buffer;
    try {
      privateKey = readFileSync(expandHome(target.privateKeyPath));
    } catch {
      throw new RemoteError("config", t("cannot read the private key {0}", target.privateKeyPath));
    }
    const passphrase = await secrets.get(target, "passphrase");
    return { privateKey, passphrase };
  }
  const agent = process.env.SSH_AUTH_SOCK;
  if (!agent) throw new RemoteError("config", t("target {0} uses ssh-agent, but SSH_AUTH_SOCK is not set", target.name));
  return { agent };
}

function describeConnectError(target: LogstashTarget, error: Error & { level?: string; code?: string }): RemoteError {
  const where = `${target.host}:${targetPort(target)}`;
  if (error.level === "client-authentication") return new RemoteError("auth", t("authentication failed for user {0} on {1}", target.user, where));
  if (error.level === "client-timeout") return new RemoteError("unreachable", t("{0} did not answer in time", where));
  if (/passphrase|encrypted/i.test(error.message)) return new RemoteError("config", t("the private key {0} needs a passphrase, or the passphrase is wrong", target.privateKeyPath ?? ""));
  if (/Cannot parse privateKey/i.test(error.message)) return new RemoteError("config", t("cannot read the private key {0}: not an OpenSSH or PEM key", target.privateKeyPath ?? ""));
  if (error.code === "ECONNREFUSED" || error.code === "ENOTFOUND" || error.code === "EHOSTUNREACH" || error.code === "ETIMEDOUT" || error.code === "ECONNRESET")
    return new RemoteError("unreachable", t("cannot reach {0} ({1})", where, error.code));
  return new RemoteError("connectionLost", t("SSH connection to {0} failed: {1}", where, error.message));
}

export class SshSession {
  private closed = false;
  private sftpHandle?: Promise<SFTPWrapper>;

  private constructor(
    readonly target: LogstashTarget,
    private readonly client: Client,
    /** The server's identification, e.g. `OpenSSH_9.2p1`. */
    readonly serverVersion: string,
  ) {
    client.on("close", () => (this.closed = true));
    client.on("end", () => (this.closed = true));
    client.on("error", () => (this.closed = true));
  }

  get alive(): boolean {
    return !this.closed;
  }

  /** Connects and authenticates; rejects with a `RemoteError` (host key, auth, reachability). */
  static async open(target: LogstashTarget, options: ConnectOptions): Promise<SshSession> {
    if (options.signal?.aborted) throw new RemoteError("cancelled", t("cancelled"));
    const port = targetPort(target);
    const knownPath = knownHostsPathOf(target);
    const knownText = readKnownHosts(knownPath);
    const auth = await authConfig(target, options.secrets);
    const client = new Client();
    let hostKeyError: RemoteError | undefined;
    let serverVersion = "";
    const verify = (key: Buffer, done: (ok: boolean) => void): void => {
      const status = checkHostKey(knownText, target.host, port, key);
      const presented = fingerprint(key);
      const name = hostEntryName(target.host, port);
      if (status.status === "known") return done(true);
      if (status.status === "revoked") {
        hostKeyError = new RemoteError("hostKeyRevoked", t("the host key of {0} ({1}) is marked @revoked in {2}", target.name, presented, knownPath));
        return done(false);
      }
      if (status.status === "changed") {
        hostKeyError = new RemoteError(
          "hostKeyChanged",
          t(
            "HOST KEY CHANGED for {0} ({1}): the server presents {2} {3}, but {4} has {5}. Someone may be intercepting the connection; if the host was reinstalled on purpose, remove the old key with: ssh-keygen -R {6} -f {4}",
            target.name,
            name,
            keyTypeOf(key),
            presented,
            knownPath,
            status.knownFingerprints.join(", "),
            shQuote(name),
          ),
        );
        return done(false);
      }
      const info: UnknownHostKey = { target: target.name, host: target.host, port, keyType: keyTypeOf(key), fingerprint: presented, knownHostsPath: knownPath };
      const refuse = (): void => {
        hostKeyError = new RemoteError(
          "hostKeyUnknown",
          t(
            "the host key of {0} ({1}, {2} {3}) is not in {4}. Check the fingerprint with the host's administrator, then add the key: ssh-keyscan -p {5} {6} >> {4}",
            target.name,
            name,
            info.keyType,
            presented,
            knownPath,
            String(port),
            target.host,
          ),
        );
        done(false);
      };
      if (!options.hostKeys.confirmUnknown) return refuse();
      options.hostKeys.confirmUnknown(info).then(
        (ok) => {
          if (!ok) return refuse();
          appendKnownHost(knownPath, target.host, port, key);
          done(true);
        },
        () => refuse(),
      );
    };
    const algorithms = preferredHostKeyAlgorithms(knownText, target.host, port);
    return new Promise<SshSession>((resolve, reject) => {
      let settled = false;
      const onAbort = (): void => {
        client.end();
        fail(new RemoteError("cancelled", t("cancelled")));
      };
      const fail = (e: RemoteError): void => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener("abort", onAbort);
        client.end();
        reject(e);
      };
      options.signal?.addEventListener("abort", onAbort, { once: true });
      client.on("handshake", () => undefined);
      client.on("ready", () => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener("abort", onAbort);
        resolve(new SshSession(target, client, serverVersion));
      });
      client.on("error", (error: Error & { level?: string; code?: string }) => fail(hostKeyError ?? describeConnectError(target, error)));
      client.on("close", () => fail(hostKeyError ?? new RemoteError("connectionLost", t("{0} closed the connection", `${target.host}:${port}`))));
      // ssh2 parses the private key inside connect() and throws there (wrong passphrase, not a key).
      try {
        client.connect({
          host: target.host,
          port,
          username: target.user,
          readyTimeout: options.timeoutMs ?? 20000,
          // A host that vanishes without a TCP reset is noticed in ~30 s instead of the kernel's minutes.
          keepaliveInterval: 10000,
          keepaliveCountMax: 3,
          hostVerifier: verify,
          ...(algorithms ? { algorithms: { serverHostKey: algorithms as never } } : {}),
          ...auth,
          debug: (line: string) => {
            const m = /Remote ident: '([^']*)'/.exec(line);
            if (m) serverVersion = m[1].replace(/^SSH-2\.0-/, "");
          },
        });
      } catch (error) {
        fail(describeConnectError(target, error as Error));
      }
    });
  }

  close(): void {
    this.closed = true;
    this.client.end();
  }

  private lost(): RemoteError {
    return new RemoteError("connectionLost", t("the connection to {0} was lost", this.target.name));
  }

  /** Runs a command through the user's shell on the host; `code` is null when the connection dropped. */
  exec(command: string, signal?: AbortSignal): Promise<ExecResult> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(this.lost());
      this.client.exec(command, (err, stream) => {
        if (err) return reject(this.closed ? this.lost() : new RemoteError("remote", err.message));
        let stdout = "";
        let stderr = "";
        const onAbort = (): void => {
          stream.close();
          this.close();
          reject(new RemoteError("cancelled", t("cancelled")));
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        stream.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
        stream.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
        stream.on("close", (code: number | null) => {
          signal?.removeEventListener("abort", onAbort);
          if (typeof code !== "number") return reject(this.lost());
          resolve({ code, stdout, stderr });
        });
      });
    });
  }

  sftp(): Promise<SFTPWrapper> {
    this.sftpHandle ??= new Promise((resolve, reject) => {
      this.client.sftp((err, sftp) => (err ? reject(this.closed ? this.lost() : new RemoteError("remote", t("SFTP is not available on {0}: {1}", this.target.name, err.message))) : resolve(sftp)));
    });
    return this.sftpHandle;
  }

  /** The file's text, or undefined when it does not exist. */
  async readFile(path: string): Promise<string | undefined> {
    const sftp = await this.sftp();
    return new Promise((resolve, reject) => {
      sftp.readFile(path, (err: (Error & { code?: number | string }) | null | undefined, data: Buffer) => {
        if (!err) return resolve(data.toString("utf8"));
        if (err.code === 2 || err.code === "ENOENT") return resolve(undefined);
        if (err.code === 3) return reject(new RemoteError("permission", t("permission denied reading {0} on {1}", path, this.target.name)));
        reject(this.closed ? this.lost() : new RemoteError("remote", t("cannot read {0} on {1}: {2}", path, this.target.name, err.message)));
      });
    });
  }

  async readdir(path: string): Promise<string[]> {
    const sftp = await this.sftp();
    return new Promise((resolve, reject) => {
      sftp.readdir(path, (err, list) => {
        if (err) return reject(this.closed ? this.lost() : new RemoteError("remote", t("cannot list {0} on {1}: {2}", path, this.target.name, err.message)));
        resolve(list.map((e) => e.filename));
      });
    });
  }

  /**
   * Writes `data` to a new file in chunks so progress and cancellation are seen between them. The file
   * is created exclusively: a temp name that already exists is somebody else's.
   */
  async upload(path: string, data: Buffer, onProgress?: (sent: number) => void, signal?: AbortSignal): Promise<void> {
    const sftp = await this.sftp();
    const call = <T>(fn: (cb: (err: (Error & { code?: number | string }) | null | undefined, value: T) => void) => void): Promise<T> =>
      new Promise((resolve, reject) =>
        fn((err, value) => {
          if (!err) return resolve(value);
          if (this.closed) return reject(this.lost());
          if (err.code === 3) return reject(new RemoteError("permission", t("permission denied writing {0} on {1}", path, this.target.name)));
          reject(new RemoteError("remote", t("cannot write {0} on {1}: {2}", path, this.target.name, err.message)));
        }),
      );
    const handle = await call<Buffer>((cb) => sftp.open(path, "wx", 0o644, cb));
    const chunk = 32 * 1024;
    try {
      for (let offset = 0; offset < data.length; offset += chunk) {
        if (signal?.aborted) {
          this.close();
          throw new RemoteError("cancelled", t("cancelled"));
        }
        const length = Math.min(chunk, data.length - offset);
        await call<void>((cb) => sftp.write(handle, data, offset, length, offset, cb as never));
        onProgress?.(offset + length);
      }
    } finally {
      if (!this.closed) await call<void>((cb) => sftp.close(handle, cb as never)).catch(() => undefined);
    }
  }
}
