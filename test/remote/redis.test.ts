/** Broker checks against a real redis-server started for this file (password on). */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import type { Plugin } from "../../server/src/core/ast";
import { parseConfig } from "../../server/src/core/parse";
import { forEachPlugin } from "../../server/src/core/walk";
import { RedisError, brokerStatus, checkRedis, connectRedis, findRedisTarget, formatPeekItem, peekNewest, redisEndpointOf, type RedisConnection } from "../../server/src/remote/redis";
import { RespConnection } from "../../server/src/remote/redis/resp";
import { environmentSecrets } from "../../server/src/remote/secrets";
import type { RedisTarget } from "../../server/src/remote/targets";
import { freePort } from "./elasticsearchServer";
import { startRedis, type RunningRedis } from "./redisServer";

const repo = resolve(import.meta.dirname, "../..");
const PASSWORD = "broker-test-password";
let redis: RunningRedis;
let conn: RedisConnection;
const secrets = environmentSecrets({ REDIS_PASSWORD: PASSWORD, WRONG: "nope-not-it" });
const target = (): RedisTarget => ({ name: "broker", kind: "redis", host: "127.0.0.1", port: redis.port, passwordEnv: "REDIS_PASSWORD" });

/** The shipper's side, written by the test as the redis output would (RPUSH of JSON events). */
async function shipperPush(key: string, events: unknown[]): Promise<void> {
  const c = await RespConnection.open("127.0.0.1", redis.port);
  try {
    await c.command("AUTH", PASSWORD);
    await c.command("RPUSH", key, ...events.map((e) => JSON.stringify(e)));
  } finally {
    c.close();
  }
}

before(async () => {
  redis = await startRedis(PASSWORD);
  conn = await connectRedis(target(), secrets);
});

after(async () => {
  conn?.close();
  await redis?.stop();
});

test("test connection: version on success; missing and wrong passwords are plain auth failures", async () => {
  const ok = await checkRedis(target(), secrets);
  assert.equal(ok.ok, true, ok.message);
  assert.match(ok.message, /^connected to Redis \d+\.\d+/);
  const none = await checkRedis({ ...target(), passwordEnv: undefined }, secrets);
  assert.equal(none.ok, false);
  assert.match(none.message, /requires a password/);
  const wrong = await checkRedis({ ...target(), passwordEnv: "WRONG" }, secrets);
  assert.equal(wrong.ok, false);
  assert.match(wrong.message, /rejected the password of target `broker`/);
  assert.ok(!wrong.message.includes("nope-not-it"));
  const port = await freePort();
  const down = await checkRedis({ ...target(), port }, secrets);
  assert.match(down.message, new RegExp(`Cannot reach Redis at 127\\.0\\.0\\.1:${port}: connection refused`));
});

test("LLEN and a read-only peek of the newest items, newest first, pretty-printed", async () => {
  const events = Array.from({ length: 7 }, (_, i) => ({ message: `line ${i}`, seq: i }));
  await shipperPush("logstash", events);
  const status = await brokerStatus(conn, "list", "logstash");
  assert.equal(status.count, 7);
  const newest = await peekNewest(conn, "logstash", 3);
  assert.deepEqual(newest.map((i) => (i.json as { seq: number }).seq), [6, 5, 4]);
  assert.deepEqual(newest.map((i) => i.index), [6, 5, 4]);
  assert.equal(formatPeekItem(newest[0]), JSON.stringify(events[6], null, 2));
  assert.equal((await brokerStatus(conn, "list", "logstash")).count, 7, "peeking consumed nothing");
  assert.deepEqual(await peekNewest(conn, "missing-key", 3), []);
  assert.equal((await brokerStatus(conn, "list", "missing-key")).count, 0);
});

test("a key of another type and channel subscribers", async () => {
  const c = await RespConnection.open("127.0.0.1", redis.port);
  await c.command("AUTH", PASSWORD);
  await c.command("SET", "not-a-list", "x");
  await c.command("SUBSCRIBE", "events");
  try {
    await assert.rejects(brokerStatus(conn, "list", "not-a-list"), (e: unknown) => e instanceof RedisError && e.kind === "wrongType" && /holds a string, not a list/.test(e.message));
    assert.equal((await brokerStatus(conn, "channel", "events")).count, 1);
    assert.equal((await brokerStatus(conn, "channel", "nobody")).count, 0);
  } finally {
    c.close();
  }
});

test("the redis plugins of a pipeline resolve to the broker target", () => {
  const plugins: [Plugin, "input" | "output"][] = [];
  forEachPlugin(parseConfig(`input { redis { host => "localhost" port => ${redis.port} data_type => "list" key => "logstash" db => 2 } }
output { redis { host => ["127.0.0.1:${redis.port}", "10.0.0.9"] data_type => channel key => "events" } }`).config, (p, ctx) => plugins.push([p, ctx.section as "input" | "output"]));
  const [input, output] = plugins.map(([p, role]) => redisEndpointOf(p, role));
  assert.deepEqual([input.dataType, input.key, input.port, input.db], ["list", "logstash", redis.port, 2]);
  assert.equal(findRedisTarget(input, [target()])?.db, 2);
  assert.deepEqual([output.dataType, output.key, output.host, output.port], ["channel", "events", "127.0.0.1", redis.port]);
  assert.equal(findRedisTarget(output, [target()])?.name, "broker");
  assert.equal(findRedisTarget({ ...output, port: 1 }, [target()]), undefined);
});

test("logsmith redis-peek prints the length and newest items as JSON", () => {
  const dir = mkdtempSync(join(tmpdir(), "logsmith-cli-redis-"));
  try {
    const file = join(dir, "targets.json");
    writeFileSync(file, JSON.stringify({ targets: [target()] }));
    const r = spawnSync(process.execPath, ["--import", "tsx", join(repo, "server/src/cli.ts"), "redis-peek", "--targets", file, "--target", "broker", "--key", "logstash", "--count", "2", "--format", "json"], {
      cwd: repo,
      env: { ...process.env, REDIS_PASSWORD: PASSWORD },
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.count, 7);
    assert.deepEqual(out.newest.map((i: { value: { seq: number } }) => i.value.seq), [6, 5]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
