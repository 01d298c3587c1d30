import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { CodeLens } from "vscode-languageserver-protocol";
import type { QueryLensArgs, RedisLensArgs } from "../../server/src/protocol";
import { startTestServer, type TestServer } from "../helpers/lspClient";

const URI = "file:///tmp/remote-lenses.conf";
const TEXT = `input {
  redis { host => "broker" data_type => "list" key => "logstash" }
}
filter {
  grok { match => { "message" => "%{WORD:verb} %{NUMBER:bytes:int}" } }
}
output {
  redis { host => ["10.0.0.5:6380"] data_type => "channel" key => "events" db => 1 }
  elasticsearch { hosts => ["es1:9200"] index => "web-%{+YYYY.MM.dd}" }
}
`;

let server: TestServer;
before(async () => {
  server = await startTestServer();
  server.open(URI, TEXT);
  await server.diagnostics(URI);
});
after(() => server.stop());

test("Query index over elasticsearch outputs and Redis lenses over redis inputs/outputs", async () => {
  const lenses = await server.connection.sendRequest<CodeLens[]>("textDocument/codeLens", { textDocument: { uri: URI } });
  const remote = lenses.filter((l) => l.command!.command === "logsmith.queryIndex" || l.command!.command === "logsmith.redisPeek");
  assert.deepEqual(remote.map((l) => `${l.range.start.line}:${l.range.start.character} ${l.command!.title}`), [
    "1:2 Redis: peek list logstash",
    "7:2 Redis: subscribers of events",
    "8:2 Query index web-*",
  ]);
  const input = remote[0].command!.arguments![0] as RedisLensArgs;
  assert.deepEqual([input.role, input.host, input.port, input.db, input.key], ["input", "broker", 6379, 0, "logstash"]);
  const output = remote[1].command!.arguments![0] as RedisLensArgs;
  assert.deepEqual([output.role, output.host, output.port, output.db, output.dataType], ["output", "10.0.0.5", 6380, 1, "channel"]);
  const query = remote[2].command!.arguments![0] as QueryLensArgs;
  assert.deepEqual(query.hosts, ["es1:9200"]);
  assert.deepEqual(query.suggestedNodes, ["http://es1:9200"]);
  assert.deepEqual(query.fields.map((f) => `${f.path}:${f.type}`), ["@timestamp:date", "bytes:integer", "verb:string"]);
});
