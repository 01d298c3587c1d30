/**
 * OpenSSH known_hosts, read the way `ssh` reads it (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"): comma-separated
 * host patterns with `*`/`?` wildcards and `!` negation, `[host]:port` for non-22 ports, hashed
 * `|1|salt|hmac` entries (HashKnownHosts), and `@revoked` / `@cert-authority` markers.
 */
import { createHash, createHmac } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

export interface KnownKey {
  type: string;
  /** The public key blob (base64-decoded), as the server sends it. */
  blob: Buffer;
  revoked: boolean;
}

export type HostKeyStatus =
  | { status: "known" }
  | { status: "unknown" }
  | { status: "changed"; knownFingerprints: string[] }
  | { status: "revoked" };

/** `ssh-keygen -l` style: `SHA256:` and unpadded base64 of the SHA-256 of the key blob. */
export function fingerprint(blob: Buffer): string {
  return "SHA256:" + createHash("sha256").update(blob).digest("base64").replace(/=+$/, "");
}

/** The key type written inside an SSH public key blob (first length-prefixed string). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return "";
  const n = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + n).toString("latin1");
}

export function defaultKnownHostsPath(): string {
  return join(homedir(), ".ssh", "known_hosts");
}

/** The name ssh looks up: the bare host on port 22, else `[host]:port`. */
export function hostEntryName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp("^" + pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$", "i");
  return re.test(name);
}

function hashedMatch(entry: string, name: string): boolean {
  const [, magic, salt, hash] = entry.split("|");
  if (magic !== "1" || !salt || !hash) return false;
  return createHmac("sha1", Buffer.from(salt, "base64")).update(name).digest("base64") === hash;
}

/** ssh's rule: a line matches when some pattern matches and no negated pattern does. */
function hostsFieldMatches(field: string, name: string): boolean {
  if (field.startsWith("|")) return hashedMatch(field, name);
  let matched = false;
  for (const raw of field.split(",")) {
    const negated = raw.startsWith("!");
    const pattern = negated ? raw.slice(1) : raw;
    if (!globMatch(pattern, name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** Keys recorded for `host`:`port` in the text of a known_hosts file (CA lines are skipped: no certificates here). */
export function keysFor(text: string, host: string, port: number): KnownKey[] {
  const name = hostEntryName(host, port);
  const keys: KnownKey[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith("#")) continue;
    let fields = line.split(/\s+/);
    let revoked = false;
    if (fields[0].startsWith("@")) {
      if (fields[0] === "@revoked") revoked = true;
      else continue;
      fields = fields.slice(1);
    }
    if (fields.length < 3 || !hostsFieldMatches(fields[0], name)) continue;
    keys.push({ type: fields[1], blob: Buffer.from(fields[2], "base64"), revoked });
  }
  return keys;
}

export function readKnownHosts(path: string): string {
  return existsSync(path) ? readFileSync(path, "utf8") : "";
}

/** Compares the key a server presented with the file's keys for that host. */
export function checkHostKey(knownHostsText: string, host: string, port: number, blob: Buffer): HostKeyStatus {
  const keys = keysFor(knownHostsText, host, port);
  if (keys.some((k) => k.revoked && k.blob.equals(blob))) return { status: "revoked" };
  const valid = keys.filter((k) => !k.revoked);
  if (valid.some((k) => k.blob.equals(blob))) return { status: "known" };
  if (valid.length === 0) return { status: "unknown" };
  return { status: "changed", knownFingerprints: valid.map((k) => fingerprint(k.blob)) };
}

/** Host key algorithms to offer, known types first, so a server with several keys presents the one on file. */
export function preferredHostKeyAlgorithms(knownHostsText: string, host: string, port: number): string[] | undefined {
  const types = [...new Set(keysFor(knownHostsText, host, port).filter((k) => !k.revoked).map((k) => k.type))];
  if (types.length === 0) return undefined;
  const all = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"];
  const wanted = new Set(types.flatMap((t) => (t === "ssh-rsa" ? ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"] : [t])));
  return [...all.filter((a) => wanted.has(a)), ...all.filter((a) => !wanted.has(a))];
}

/** Records an accepted key the way `ssh` does on "yes": one plain line appended. */
export function appendKnownHost(path: string, host: string, port: number, blob: Buffer): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const text = readKnownHosts(path);
  const sep = text && !text.endsWith("\n") ? "\n" : "";
  appendFileSync(path, `${sep}${hostEntryName(host, port)} ${keyTypeOf(blob)} ${blob.toString("base64")}\n`, { mode: 0o600 });
}
