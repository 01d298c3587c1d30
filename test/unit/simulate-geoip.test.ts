// The geoip filter in the simulator, over the real GeoLite2 databases of geolite2@1.3.0 (the lookup
// itself is pinned in geoip.test.ts); MaxMind's test address 81.2.69.142 is in Arnold, UK.
import assert from "node:assert/strict";
import { test } from "node:test";
import { geolite2Paths } from "../../server/src/core/geoip/databasePath";
import { firstStep, one, runFilters } from "./simulate-helpers";

const paths = geolite2Paths();

test("the geolite2 package is installed (the geoip tests need it)", () => {
  assert.ok(paths, "npm install geolite2@1.3.0");
});

test("database option; ECS target from [client][ip]; decorations on success", async () => {
  const e = await one(`geoip { source => "[client][ip]" database => "${paths!.City}" add_tag => ["located"] }`, { client: { ip: "81.2.69.142" } });
  const geo = (e.client as { geo: Record<string, unknown> }).geo;
  assert.equal(geo.city_name, "Arnold");
  assert.equal(geo.country_iso_code, "GB");
  assert.deepEqual(e.tags, ["located"]);
});

test("legacy shape under `geoip`; geoipDatabasePath per database type; ASN", async () => {
  const legacy = await one('geoip { source => "ip" ecs_compatibility => disabled }', { ip: "81.2.69.142" }, { geoipDatabasePath: paths!.City });
  assert.equal((legacy.geoip as Record<string, unknown>).country_code3, "GB");
  const asn = await one('geoip { source => "ip" default_database_type => "ASN" ecs_compatibility => disabled }', { ip: "8.8.8.8" }, { geoipDatabasePath: { ASN: paths!.ASN } });
  assert.equal((asn.geoip as Record<string, unknown>).asn, 15169);
});

test("private addresses tag _geoip_lookup_failure, leave an empty target and skip decorations", async () => {
  const e = await one('geoip { source => "[source][ip]" add_tag => ["located"] }', { source: { ip: "10.1.2.3" } }, { geoipDatabasePath: paths!.City });
  assert.deepEqual(e.tags, ["_geoip_lookup_failure"]);
  assert.deepEqual(e.source, { ip: "10.1.2.3" }, "the ECS target is [source] itself, already there");
  const step = await firstStep('geoip { source => "ip" target => "g" }', { ip: "192.168.0.1" }, { geoipDatabasePath: paths!.City });
  assert.equal(step.status, "failed");
  assert.deepEqual(step.event.g, {});
});

test("configurations Logstash refuses, and unreadable databases, are reported skipped", async () => {
  const ecs = await runFilters('geoip { source => "ip" }', [{ ip: "8.8.8.8" }], { geoipDatabasePath: paths!.City });
  assert.match(ecs.skipped[0]?.reason ?? "", /requires a `target`/);
  const missing = await runFilters('geoip { source => "ip" target => "g" database => "/nonexistent/x.mmdb" }', [{ ip: "8.8.8.8" }]);
  assert.match(missing.skipped[0]?.reason ?? "", /cannot read the GeoIP database/);
});
