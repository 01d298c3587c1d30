/**
 * Deploy and query targets: the shape of the `logsmith.targets` setting and of the CLI's `--targets`
 * file. Shared by the extension (secrets from SecretStorage) and the CLI (secrets from environment
 * variables named in the file); neither form ever holds a secret value itself.
 */

export interface LogstashTarget {
  name: string;
  kind: "logstash";
  host: string;
  port?: number;
  user: string;
  /** How to authenticate; default: the private key when one is named, else ssh-agent. */
  auth?: "agent" | "key" | "password";
  privateKeyPath?: string;
  /** CLI: environment variable holding the password (auth "password") or the key's passphrase. */
  passwordEnv?: string;
  passphraseEnv?: string;
  /** OpenSSH known_hosts file; default ~/.ssh/known_hosts. */
  knownHostsPath?: string;
  /** Directory the pipeline files live in on the host (a conf.d, or a pipelines.yml entry's path). */
  pipelineDir: string;
  /** `{file}` is replaced by the remote path of the file to test. */
  testCommand?: string;
  /** Run after the new file is in place; empty when `config.reload.automatic` is on. */
  reloadCommand?: string;
  /** `bin/logstash-plugin list --verbose` on the host, for plugin validation before upload. */
  pluginListCommand?: string;
}

export type ElasticsearchAuth =
  | { type: "none" }
  | { type: "basic"; username: string; passwordEnv?: string }
  | { type: "apiKey"; apiKeyEnv?: string };

export interface ElasticsearchTarget {
  name: string;
  kind: "elasticsearch";
  nodes: string[];
  auth?: ElasticsearchAuth;
  caCertPath?: string;
  /** TLS verification; on unless the user turns it off for this one target. */
  tlsVerify?: boolean;
}

export interface RedisTarget {
  name: string;
  kind: "redis";
  host: string;
  port?: number;
  db?: number;
  passwordEnv?: string;
}

export type Target = LogstashTarget | ElasticsearchTarget | RedisTarget;

export const DEFAULT_TEST_COMMAND = "/usr/share/logstash/bin/logstash --config.test_and_exit -f {file}";
/** Asked before every deploy (cached per target); `""` in a target skips the plugin check. */
export const DEFAULT_PLUGIN_LIST_COMMAND = "/usr/share/logstash/bin/logstash-plugin list --verbose";

export class TargetsError extends Error {}

function requireString(o: Record<string, unknown>, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== "string" || v === "") throw new TargetsError(`${where}: \`${key}\` must be a non-empty string`);
  return v;
}

/** Checks the shape of a parsed targets document (`{"targets": [...]}` or a bare array). */
export function readTargets(doc: unknown): Target[] {
  const list = Array.isArray(doc) ? doc : (doc as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(list)) throw new TargetsError("expected {\"targets\": [...]}");
  const seen = new Set<string>();
  return list.map((raw, i) => {
    if (!raw || typeof raw !== "object") throw new TargetsError(`targets[${i}] is not an object`);
    const o = raw as Record<string, unknown>;
    const name = requireString(o, "name", `targets[${i}]`);
    if (seen.has(name)) throw new TargetsError(`two targets are named \`${name}\``);
    seen.add(name);
    const where = `target \`${name}\``;
    for (const secretKey of ["password", "passphrase", "apiKey"]) {
      if (typeof o[secretKey] === "string") throw new TargetsError(`${where}: secrets are not written in the targets file; name an environment variable with \`${secretKey}Env\``);
    }
    switch (o.kind) {
      case "logstash":
        requireString(o, "host", where);
        requireString(o, "user", where);
        requireString(o, "pipelineDir", where);
        return o as unknown as LogstashTarget;
      case "elasticsearch":
        if (!Array.isArray(o.nodes) || o.nodes.length === 0 || o.nodes.some((n) => typeof n !== "string")) throw new TargetsError(`${where}: \`nodes\` must be a list of URLs`);
        return o as unknown as ElasticsearchTarget;
      case "redis":
        requireString(o, "host", where);
        return o as unknown as RedisTarget;
      default:
        throw new TargetsError(`${where}: \`kind\` must be logstash, elasticsearch or redis`);
    }
  });
}

export function findTarget(targets: Target[], name: string): Target {
  const t = targets.find((x) => x.name === name);
  if (!t) throw new TargetsError(`no target named \`${name}\` (have: ${targets.map((x) => x.name).join(", ") || "none"})`);
  return t;
}
