import assert from "node:assert/strict";
import { test } from "node:test";
import maxmind from "maxmind";
import { geolite2Paths } from "../../server/src/core/geoip/databasePath";
import { parseConfig } from "../../server/src/core/parse";
import { computePreview, type GeoipPreview } from "../../server/src/core/preview";

const paths = geolite2Paths();

async function geoip(plugin: string, lines: string[], extra: object = {}): Promise<GeoipPreview & { error?: string }> {
  assert.ok(paths, "the geolite2 npm package (devDependency) is missing: run npm install");
  const text = `filter {\n  ${plugin}\n}\n`;
  const r = await computePreview(parseConfig(text).config, { kind: "geoip", index: 0 }, lines, {
    ecsDefault: "disabled",
    openGeoipReader: (path) => maxmind.open(path),
    ...extra,
  });
  return r as GeoipPreview & { error?: string };
}

test("geoip preview: a public address gets the legacy `geoip` fields from the City database", async () => {
  const r = await geoip(`geoip { source => "clientip" }`, ["8.8.8.8"]);
  assert.equal(r.error, undefined);
  assert.equal(r.databaseType, "GeoLite2-City");
  const l = r.lines[0];
  assert.equal(l.matched, true);
  const geo = l.event.geoip as Record<string, unknown>;
  assert.equal(geo.ip, "8.8.8.8");
  assert.equal(geo.country_code2, "US");
  assert.ok(l.changes.some((c) => c.field === "[geoip]" && c.kind === "added"));
  assert.equal(l.event.clientip, "8.8.8.8");
});

test("geoip preview: ECS target derived from [client][ip], ASN database by default_database_type", async () => {
  const r = await geoip(`geoip { source => "[client][ip]" ecs_compatibility => "v8" default_database_type => "ASN" }`, ["8.8.8.8"]);
  assert.equal(r.databaseType, "GeoLite2-ASN");
  const client = r.lines[0].event.client as Record<string, any>;
  assert.equal(client.as.number, 15169);
});

test("geoip preview: private, not-an-address and empty lines fail with their reason and the failure tag", async () => {
  const r = await geoip(`geoip { source => "ip" tag_on_failure => ["nogeo"] }`, ["10.1.2.3", "example.org", ""]);
  assert.deepEqual(r.lines.map((l) => l.matched), [false, false, false]);
  assert.deepEqual(r.lines.map((l) => l.tags), [["nogeo"], ["nogeo"], ["nogeo"]]);
  assert.match(r.lines[0].reason!, /private/);
  assert.match(r.lines[1].reason!, /not an IP address/);
  assert.match(r.lines[2].reason!, /empty/);
  // Logstash still creates the empty target for a looked-up address that has no record.
  assert.deepEqual(r.lines[0].event.geoip, {});
});

test("geoip preview: the database setting, an unreadable file and an untrusted `database` option", async () => {
  const asn = await geoip(`geoip { source => "ip" }`, ["1.1.1.1"], { geoipDatabasePath: { City: paths!.ASN } });
  assert.equal(asn.databaseType, "GeoLite2-ASN");
  const missing = await geoip(`geoip { source => "ip" database => "/nonexistent/x.mmdb" }`, ["1.1.1.1"]);
  assert.match(missing.error!, /\/nonexistent\/x\.mmdb/);
  const untrusted = await geoip(`geoip { source => "ip" database => "/etc/x.mmdb" }`, ["1.1.1.1"], { readDatabaseOption: false });
  assert.match(untrusted.error!, /untrusted/);
});
