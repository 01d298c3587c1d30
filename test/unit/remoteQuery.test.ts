import assert from "node:assert/strict";
import { test } from "node:test";
import { centralPipelineBody, validPipelineId, chooseInterval, parseDsl, parseHostAddress, simulatedFieldsOf, compareFieldsWithMapping } from "../../server/src/remote/elasticsearch";
import { encodeCommand, parseReply, RespError } from "../../server/src/remote/redis/resp";

test("RESP replies parse whole or wait for more bytes", () => {
  const arr = Buffer.from("*3\r\n$5\r\nhello\r\n:42\r\n$-1\r\n");
  assert.deepEqual(parseReply(arr)?.value, ["hello", 42, null]);
  assert.equal(parseReply(arr.subarray(0, arr.length - 3)), undefined);
  const err = parseReply(Buffer.from("-WRONGPASS invalid username-password pair\r\n"))?.value;
  assert.ok(err instanceof RespError && err.code === "WRONGPASS");
  // Bulk strings count bytes, not characters.
  const korean = Buffer.concat([Buffer.from("$6\r\n"), Buffer.from("로그", "utf8"), Buffer.from("\r\n")]);
  assert.equal(parseReply(korean)?.value, "로그");
  assert.equal(encodeCommand(["LRANGE", "k", -3, -1]).toString(), "*4\r\n$6\r\nLRANGE\r\n$1\r\nk\r\n$2\r\n-3\r\n$2\r\n-1\r\n");
});

test("histogram interval: the smallest that gives at most 60 buckets", () => {
  assert.equal(chooseInterval(60 * 1000), "1s");
  assert.equal(chooseInterval(3 * 3600 * 1000), "5m");
  assert.equal(chooseInterval(19 * 3600 * 1000), "30m");
  assert.equal(chooseInterval(400 * 86400 * 1000), "7d");
  assert.equal(chooseInterval(1000 * 86400 * 1000), "30d");
});

test("Query DSL: a bare query or a body with `query`", () => {
  assert.deepEqual(parseDsl('{"term": {"a": 1}}'), { term: { a: 1 } });
  assert.deepEqual(parseDsl('{"query": {"match_all": {}}, "size": 3}'), { match_all: {} });
  assert.throws(() => parseDsl("[1]"), /JSON object/);
});

test("host addresses: bare, with port, URLs, IPv6", () => {
  assert.deepEqual(parseHostAddress("es1"), { host: "es1", port: 9200 });
  assert.deepEqual(parseHostAddress("ES1:9201"), { host: "es1", port: 9201 });
  assert.deepEqual(parseHostAddress("https://user:pw@es.example:9243/prefix"), { host: "es.example", port: 9243 });
  assert.deepEqual(parseHostAddress("[::1]:9200"), { host: "::1", port: 9200 });
});

test("simulated events give exact field types, and compare against a mapping", () => {
  const fields = simulatedFieldsOf([
    { "@timestamp": "2026-11-24T00:00:00Z", bytes: 12, ratio: 0.5, client: { ip: "10.0.0.1" }, tags: ["a", "b"], code: "404" },
    { "@timestamp": "2026-11-24T00:00:01Z", bytes: 13, ratio: 1, client: { ip: "10.0.0.2" }, tags: ["c"], code: "x" },
  ]);
  const type = (p: string) => fields.find((f) => f.path === p)?.type;
  assert.equal(type("@timestamp"), "date");
  assert.equal(type("bytes"), "integer");
  assert.equal(type("ratio"), "float");
  assert.equal(type("client"), "object");
  assert.equal(type("client.ip"), "string");
  assert.equal(type("tags"), "string");
  const mapping = new Map([["bytes", new Set(["keyword"])], ["ratio", new Set(["long"])], ["client", new Set(["keyword"])], ["client.ip", new Set(["ip"])], ["tags", new Set(["keyword"])], ["code", new Set(["long"])], ["@timestamp", new Set(["date"])]]);
  const kinds = Object.fromEntries(compareFieldsWithMapping(fields, mapping).map((f) => [f.path, f.kind]));
  assert.deepEqual(kinds, { client: "typeConflict", ratio: "lossy", code: "typeConflict" });
});

test("centralized management document: the fields Logstash's config management reads", () => {
  const body = centralPipelineBody({ id: "main", pipeline: "input {}", settings: { "pipeline.workers": 2 }, now: new Date(Date.UTC(2026, 10, 24)) });
  assert.deepEqual(Object.keys(body).sort(), ["description", "last_modified", "pipeline", "pipeline_metadata", "pipeline_settings", "username"]);
  assert.equal(body.last_modified, "2026-11-24T00:00:00.000Z");
  assert.deepEqual(body.pipeline_metadata, { type: "logstash_pipeline", version: 1 });
  assert.deepEqual(body.pipeline_settings, { "pipeline.workers": 2 });
  assert.ok(validPipelineId("main_2-b") && validPipelineId("_x"));
  assert.ok(!validPipelineId("2main") && !validPipelineId("a b") && !validPipelineId(""));
});
