/**
 * "Redis" lens: the broker's list length (or channel subscribers) in the lens title, and on click a
 * read-only peek of the newest items as pretty JSON in an untitled editor. Counts are cached briefly so
 * re-rendering lenses while typing does not hammer the broker.
 */
import * as vscode from "vscode";
import type { RedisLensArgs } from "../../../server/src/protocol";
import { brokerStatus, connectRedis, findRedisTarget, formatPeekItem, peekNewest, RedisError, type RedisEndpoint } from "../../../server/src/remote/redis";
import type { SecretSource } from "../../../server/src/remote/secrets";
import type { RedisTarget } from "../../../server/src/remote/targets";
import { readTargetsSetting, writeTargets } from "../targets/config";
import { requireTrust } from "../targets/trust";

const PEEK_COUNT = 10;
const COUNT_TTL_MS = 15_000;
const COUNT_TIMEOUT_MS = 1500;

function endpointOf(args: RedisLensArgs): RedisEndpoint {
  return { role: args.role, dataType: args.dataType, key: args.key, host: args.host, port: args.port, db: args.db, hasPassword: false };
}

export function redisTargetFor(args: RedisLensArgs): RedisTarget | undefined {
  return findRedisTarget(endpointOf(args), readTargetsSetting().targets);
}

async function offerRedisTarget(args: RedisLensArgs): Promise<RedisTarget | undefined> {
  const create = vscode.l10n.t("Create target");
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t("No Redis target matches {0}:{1}. Create one?", args.host, String(args.port)), create);
  if (answer !== create) return undefined;
  const { targets } = readTargetsSetting();
  const base = `redis-${args.host}`.replace(/[^A-Za-z0-9_-]/g, "-");
  let name = base;
  for (let i = 2; targets.some((t) => t.name === name); i++) name = `${base}-${i}`;
  const target: RedisTarget = { name, kind: "redis", host: args.host, port: args.port };
  await writeTargets([...targets, target]);
  void vscode.window.showInformationMessage(vscode.l10n.t("Added target {0}. Set its password in the Logsmith Targets view if the broker needs one.", name));
  return { ...target, db: args.db };
}

export class RedisCounts {
  private readonly cache = new Map<string, { at: number; title: string }>();

  constructor(private readonly secrets: SecretSource) {}

  /** The lens title with the live figure, or undefined when there is no target or no answer in time. */
  async title(args: RedisLensArgs): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted || !args.key) return undefined;
    const target = redisTargetFor(args);
    if (!target) return undefined;
    const key = `${target.name}|${args.db}|${args.dataType}|${args.key}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < COUNT_TTL_MS) return cached.title;
    const work = (async () => {
      const conn = await connectRedis(target, this.secrets, COUNT_TIMEOUT_MS);
      try {
        const status = await brokerStatus(conn, args.dataType ?? "list", args.key!);
        return status.dataType === "list" ? vscode.l10n.t("Redis: {0} items · peek", String(status.count)) : vscode.l10n.t("Redis: {0} subscribers", String(status.count));
      } finally {
        conn.close();
      }
    })();
    const title = await Promise.race([work.catch((e: unknown) => (e instanceof RedisError ? vscode.l10n.t("Redis: {0}", e.kind === "auth" ? vscode.l10n.t("authentication failed") : vscode.l10n.t("unreachable")) : undefined)), new Promise<undefined>((r) => setTimeout(() => r(undefined), COUNT_TIMEOUT_MS + 200))]);
    if (title) this.cache.set(key, { at: Date.now(), title });
    return title;
  }
}

export async function peekCommand(secrets: SecretSource, log: vscode.LogOutputChannel, args: RedisLensArgs): Promise<void> {
  if (!requireTrust() || !args) return;
  if (!args.key) {
    void vscode.window.showWarningMessage(vscode.l10n.t("This redis plugin has no key to look at."));
    return;
  }
  const target = redisTargetFor(args) ?? (await offerRedisTarget(args));
  if (!target) return;
  try {
    const conn = await connectRedis(target, secrets);
    try {
      const dataType = args.dataType ?? "list";
      const status = await brokerStatus(conn, dataType, args.key);
      if (dataType !== "list") {
        void vscode.window.showInformationMessage(vscode.l10n.t("{0}: {1} subscribers of {2}. Channels keep no items, so there is nothing to peek.", conn.where, String(status.count), args.key));
        return;
      }
      const items = await peekNewest(conn, args.key, PEEK_COUNT);
      const header = [
        `// ${vscode.l10n.t("{0}: {1} items waiting in list {2} (db {3})", conn.where, String(status.count), args.key, String(target.db ?? 0))}`,
        `// ${vscode.l10n.t("Newest first. The redis output appends at the tail (RPUSH); the redis input takes from the head (BLPOP).")}`,
      ];
      const body = items.map((item) => `// #${item.index}\n${formatPeekItem(item)}`).join("\n\n");
      const document = await vscode.workspace.openTextDocument({ language: "jsonc", content: `${header.join("\n")}\n\n${body}\n` });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    } finally {
      conn.close();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warn(`redis peek ${args.key} on ${target.name}: ${message}`);
    void vscode.window.showErrorMessage(message);
  }
}
