/**
 * Read-only broker checks for the `redis` inputs and outputs of a pipeline: how many events wait in a
 * list (or how many subscribers a channel has), and a peek at the newest items. Nothing here writes:
 * the only commands sent are AUTH, SELECT, PING, INFO, TYPE, LLEN, LRANGE and PUBSUB.
 */
import { t } from "../../core/l10n";
import type { ConnectionCheck, SecretSource } from "../secrets";
import type { RedisTarget } from "../targets";
import { RespConnection, RespError, type RespValue } from "./resp";

export class RedisError extends Error {
  constructor(message: string, readonly kind: "unreachable" | "auth" | "wrongType" | "request" | "config") {
    super(message);
  }
}

export interface RedisConnection {
  target: RedisTarget;
  where: string;
  command(...args: (string | number)[]): Promise<RespValue>;
  close(): void;
}

export type RedisDataType = "list" | "channel" | "pattern_channel";

function where(target: RedisTarget): string {
  return `${target.host}:${target.port ?? 6379}`;
}

function unreachable(target: RedisTarget, error: NodeJS.ErrnoException): RedisError {
  const why = error.code === "ECONNREFUSED" ? t("connection refused") : error.code === "ETIMEDOUT" ? t("no answer in time") : error.code ?? error.message;
  return new RedisError(t("Cannot reach Redis at {0}: {1}", where(target), why), "unreachable");
}

function authFailure(target: RedisTarget, reply: RespError, gavePassword: boolean): RedisError {
  if (!gavePassword) return new RedisError(t("Redis at {0} requires a password: give target `{1}` one (Targets view, or `passwordEnv` for the CLI).", where(target), target.name), "auth");
  if (/without any password configured|no password is set/i.test(reply.message)) return new RedisError(t("Redis at {0} has no password set, but target `{1}` gives one.", where(target), target.name), "auth");
  return new RedisError(t("Redis at {0} rejected the password of target `{1}` (authentication failed).", where(target), target.name), "auth");
}

/** Connects, authenticates and selects the target's database; errors are RedisError sentences. */
export async function connectRedis(target: RedisTarget, secrets: SecretSource, timeoutMs = 5000): Promise<RedisConnection> {
  let conn: RespConnection;
  try {
    conn = await RespConnection.open(target.host, target.port ?? 6379, timeoutMs);
  } catch (error) {
    throw unreachable(target, error as NodeJS.ErrnoException);
  }
  const run = async (...args: (string | number)[]): Promise<RespValue> => {
    try {
      return await conn.command(...args);
    } catch (error) {
      throw unreachable(target, error as NodeJS.ErrnoException);
    }
  };
  try {
    const password = await secrets.get(target, "password");
    if (password !== undefined) {
      const reply = await run("AUTH", password);
      if (reply instanceof RespError) throw authFailure(target, reply, true);
    }
    const pong = await run("PING");
    if (pong instanceof RespError) {
      if (pong.code === "NOAUTH") throw authFailure(target, pong, password !== undefined);
      throw new RedisError(t("Redis at {0}: {1}", where(target), pong.message), "request");
    }
    if (target.db) {
      const selected = await run("SELECT", target.db);
      if (selected instanceof RespError) throw new RedisError(t("Redis at {0} cannot select database {1}: {2}", where(target), String(target.db), selected.message), "config");
    }
  } catch (error) {
    conn.close();
    throw error;
  }
  return {
    target,
    where: where(target),
    async command(...args) {
      const reply = await run(...args);
      if (reply instanceof RespError) throw new RedisError(t("Redis at {0}: {1}", where(target), reply.message), "request");
      return reply;
    },
    close: () => conn.close(),
  };
}

/** "Test connection": authenticates, selects the db and reads the server version from INFO. */
export async function checkRedis(target: RedisTarget, secrets: SecretSource): Promise<ConnectionCheck> {
  let conn: RedisConnection | undefined;
  try {
    conn = await connectRedis(target, secrets);
    const info = String(await conn.command("INFO", "server"));
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? "?";
    return { ok: true, message: t("connected to Redis {0} at {1} (db {2})", version, conn.where, String(target.db ?? 0)) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    conn?.close();
  }
}

export interface BrokerStatus {
  dataType: RedisDataType;
  key: string;
  /** Items waiting in the list, or subscribers of the channel (all pattern subscriptions for patterns). */
  count: number;
  /** The key exists but holds something else than a list. */
  keyType?: string;
}

/** LLEN for a list, PUBSUB NUMSUB for a channel, PUBSUB NUMPAT for a pattern channel. */
export async function brokerStatus(conn: RedisConnection, dataType: RedisDataType, key: string): Promise<BrokerStatus> {
  if (dataType === "list") {
    const type = String(await conn.command("TYPE", key));
    if (type !== "list" && type !== "none") throw new RedisError(t("Key {0} on {1} holds a {2}, not a list: the pipeline's `data_type => list` will fail on it.", key, conn.where, type), "wrongType");
    return { dataType, key, count: Number(await conn.command("LLEN", key)) };
  }
  if (dataType === "channel") {
    const reply = (await conn.command("PUBSUB", "NUMSUB", key)) as RespValue[];
    return { dataType, key, count: Number(reply[1] ?? 0) };
  }
  // Redis counts pattern subscriptions only in total; it has no per-pattern figure.
  return { dataType, key, count: Number(await conn.command("PUBSUB", "NUMPAT")) };
}

export interface PeekItem {
  /** Position in the list, 0 = head (the end the redis input pops from). */
  index: number;
  raw: string;
  /** The parsed item when it is JSON (the json codec both plugins use by default). */
  json?: unknown;
}

/**
 * The newest `count` items of a list, newest first. The redis output appends with RPUSH (the tail is
 * newest) and the redis input consumes from the head (BLPOP, or LRANGE+LTRIM for batches), so the
 * tail holds what arrived last and the head what the input takes next.
 */
export async function peekNewest(conn: RedisConnection, key: string, count: number): Promise<PeekItem[]> {
  const type = String(await conn.command("TYPE", key));
  if (type === "none") return [];
  if (type !== "list") throw new RedisError(t("Key {0} on {1} holds a {2}, not a list: the pipeline's `data_type => list` will fail on it.", key, conn.where, type), "wrongType");
  const length = Number(await conn.command("LLEN", key));
  const n = Math.max(0, Math.min(count, length));
  if (n === 0) return [];
  const items = (await conn.command("LRANGE", key, -n, -1)) as string[];
  return items
    .map((raw, i) => {
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        json = undefined;
      }
      return { index: length - n + i, raw, json };
    })
    .reverse();
}

/** Pretty JSON when the item is JSON, else the raw text. */
export function formatPeekItem(item: PeekItem): string {
  return item.json !== undefined ? JSON.stringify(item.json, null, 2) : item.raw;
}
