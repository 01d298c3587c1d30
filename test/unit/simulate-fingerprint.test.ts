// Expected digests are those of logstash-filter-fingerprint's spec/filters/fingerprint_spec.rb; each
// test names the spec case it follows.
import assert from "node:assert/strict";
import { test } from "node:test";
import { murmur3x64_128, murmur3x86_32 } from "../../server/src/core/simulate/murmur3";
import type { JsonObject } from "../../server/src/core/simulate";
import { one } from "./simulate-helpers";

const fp = (options: string) => `fingerprint { source => ["clientip"] ${options} ecs_compatibility => disabled }`;
const ip = { clientip: "123.123.123.123" };

test("digests of a string field, plain, HMAC and base64 (spec: 'with a string field', each method)", async () => {
  const cases: [string, string][] = [
    ['method => "SHA1"', "3a5076c520b4b463f43806896ea0b3978d09dcae"],
    ['method => "SHA1" key => "longencryptionkey"', "fdc60acc4773dc5ac569ffb78fcb93c9630797f4"],
    ['method => "SHA1" key => "longencryptionkey" base64encode => true', "/cYKzEdz3FrFaf+3j8uTyWMHl/Q="],
    ['method => "SHA1" base64encode => true', "OlB2xSC0tGP0OAaJbqCzl40J3K4="],
    ['method => "SHA256"', "4dabcab210766e35f03e77120e6986d6e6d4752b2a9ff22980b9253d026080d8"],
    ['method => "SHA256" key => "longencryptionkey" base64encode => true', "NFvsPv8kLVO1aJFsJhCz45PYhda5bWQ/OElP10v0qco="],
    ['method => "SHA384" key => "longencryptionkey"', "22d4c0e8c4fbcdc4887d2038fca7650f0e2e0e2457ff41c06eb2a980dded6749561c814fe182aff93e2538d18593947a"],
    ['method => "SHA512"', "5468e2dc64ea92b617782aae884b35af60041ac9e168a283615b6a462c54c13d42fa9542cce9b7d76a8124ac6616818905e3e5dd35d6e519f77c3b517558639a"],
    ['method => "MD5"', "ccdd8d3d940a01b2fb3258c059924c0d"],
    ['method => "MD5" key => "longencryptionkey" base64encode => true', "kzbIeeMFyWBKOEP8PnWUjw=="],
    ['method => "IPV4_NETWORK" key => "24"', "123.123.123.0"],
    ['method => "MURMUR3_128"', "41cbc4056eed401d091dfbeabf7ea9e0"],
    ['method => "MURMUR3_128" base64encode => true', "QcvEBW7tQB0JHfvqv36p4A=="],
  ];
  for (const [options, expected] of cases) assert.equal((await one(fp(options), ip)).fingerprint, expected, options);
  assert.equal((await one(fp('method => "MURMUR3"'), ip)).fingerprint, 4013733395);
});

test("MURMUR3 and MURMUR3_128 hash integers as little-endian int32/int64 (spec: 'number', 'int32/int64 hex encoding')", async () => {
  assert.equal((await one(fp('method => "MURMUR3"'), { clientip: 123 })).fingerprint, 823512154);
  assert.equal((await one(fp('method => "MURMUR3_128"'), { clientip: 123 })).fingerprint, "286816c693ac410ed63e1430dcd6f6fe");
  assert.equal((await one(fp('method => "MURMUR3_128" base64encode => true'), { clientip: 123 })).fingerprint, "KGgWxpOsQQ7WPhQw3Nb2/g==");
  assert.equal((await one(fp('method => "MURMUR3_128"'), { clientip: 2148483647 })).fingerprint, "fdc7699a82556c8c584131f0133ee989");
  // Empty input and a tail of every length exercise the block/tail split of both variants.
  assert.equal(murmur3x86_32(new Uint8Array(0)), 0);
  assert.notEqual(murmur3x64_128(Buffer.from("abcdefghijklmnopq"), 2).toString("hex"), murmur3x64_128(Buffer.from("abcdefghijklmnop"), 2).toString("hex"));
});

test("@timestamp hashes as Logstash prints it, with milliseconds (spec: 'Timestamps')", async () => {
  const epoch = { "@timestamp": "1970-01-01T00:00:00Z" };
  assert.equal((await one('fingerprint { source => ["@timestamp"] method => "SHA1" key => "0123" ecs_compatibility => disabled }', epoch)).fingerprint, "1d5379ec92d86a67cfc642d55aa050ca312d3b9a");
  assert.equal((await one('fingerprint { source => ["@timestamp"] method => "MURMUR3" ecs_compatibility => disabled }', epoch)).fingerprint, 743372282);
  assert.equal((await one('fingerprint { source => ["@timestamp"] method => "MURMUR3_128" ecs_compatibility => disabled }', epoch)).fingerprint, "37785b62a8cae473acc315d39b66d86e");
  const ms = { "@timestamp": "2000-01-01T05:00:00.12Z" };
  assert.equal((await one('fingerprint { source => ["@timestamp"] method => "MURMUR3" ecs_compatibility => disabled }', ms)).fingerprint, 4263087275);
});

test("an array source gives an array of digests; several sources: the last present wins (spec: 'multiple values', 'when multiple fields are used')", async () => {
  const arr = await one(fp('method => "SHA1"'), { clientip: ["123.123.123.123", "223.223.223.223"] });
  assert.deepEqual(arr.fingerprint, ["3a5076c520b4b463f43806896ea0b3978d09dcae", "47bbc4e06edebbace047fed35abeceec64968b81"]);
  const two = 'fingerprint { source => ["field1", "field2"] ecs_compatibility => disabled';
  assert.equal((await one(`${two} }`, { field1: "test1", field2: "test2" })).fingerprint, "109f4b3c50d7b0df729d299bc6f8e9ef9066971f");
  assert.equal((await one(`${two} concatenate_sources => true }`, { field1: "test1", field2: "test2" })).fingerprint, "e3b6b71eedc656f1d29408264e8a75535db985cb");
  // spec: 'when utf-8 chars used' with concatenate_sources: nested hashes canonicalised as sorted k|v.
  const utf: JsonObject = { field1: [{ inner_key: "🂡" }, { "1": "2" }], field2: "🂡" };
  assert.equal((await one(`${two} concatenate_sources => true }`, utf)).fingerprint, "d2a1c14e0c9ef137d67114db23b3f2fdbcc90d08");
  assert.equal((await one(`${two} }`, utf)).fingerprint, "58fa9e0e60c9f0d24b51d84cddb26732a39eeb3d");
});

test("concatenate_all_fields hashes every field but @metadata, sorted (spec: 'concatenate_all_fields')", async () => {
  const data = { "@timestamp": "2017-07-26T14:44:27.064Z", clientip: "123.123.123.123", message: "This is a test message", log_level: "INFO", offset: 123456789, type: "test", "@metadata": { ignored: "yes" } };
  assert.equal((await one("fingerprint { concatenate_all_fields => true ecs_compatibility => disabled }", data)).fingerprint, "cbf022518e97860403160ed8a41847c0db104e63");
});

test("PUNCTUATION keeps punctuation and symbols only; decorations apply (spec: 'PUNCTUATION method', 'post fingerprint execution triggers')", async () => {
  const msg = "PHP Warning:  json_encode() [<a href='function.json-encode'>function.json-encode</a>]: Invalid UTF-8 sequence in argument in /var/www/htdocs/test.php on line 233";
  const e = await one('fingerprint { method => "PUNCTUATION" source => "field1" add_field => { "myfield" => "myvalue" } add_tag => ["mytag"] ecs_compatibility => disabled }', { field1: msg });
  assert.equal(e.fingerprint, ":_()[<='.-'>.-</>]:-////.");
  assert.equal(e.myfield, "myvalue");
  assert.deepEqual(e.tags, ["mytag"]);
});

test("the target is [event][hash] in ECS mode, fingerprint in legacy mode; UUID writes a v4 UUID", async () => {
  const ecs = await one('fingerprint { source => ["clientip"] }', ip);
  assert.deepEqual(ecs.event, { hash: "3a5076c520b4b463f43806896ea0b3978d09dcae" });
  assert.equal(ecs.fingerprint, undefined);
  const uuid = await one('fingerprint { method => "UUID" ecs_compatibility => disabled }', {});
  assert.match(String(uuid.fingerprint), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
