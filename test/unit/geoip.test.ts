import assert from "node:assert/strict";
import { existsSync, statSync } from "node:fs";
import { before, test } from "node:test";
import maxmind, { type Reader, type Response } from "maxmind";
import { geolite2Paths, selectGeoipDatabasePath } from "../../server/src/core/geoip/databasePath";
import { GeoipConfigError } from "../../server/src/core/geoip/fields";
import { parseIpLiteral } from "../../server/src/core/geoip/ipAddress";
import { applyGeoip, lookupGeoip, type GeoipOptions, type GeoipResult } from "../../server/src/core/geoip/lookup";
import * as facade from "../../server/src/core/geoip";

let city: Reader<Response>;
let asn: Reader<Response>;
let country: Reader<Response>;

before(async () => {
  const paths = geolite2Paths();
  assert.ok(paths, "the geolite2 package is installed");
  city = await maxmind.open(paths.City);
  asn = await maxmind.open(paths.ASN);
  country = await maxmind.open(paths.Country);
});

const asObject = (r: GeoipResult) => Object.fromEntries(r.writes.map((w) => [w.ref, w.value]));

test("the GeoLite2 databases come inside the geolite2 package", () => {
  const paths = geolite2Paths();
  assert.ok(paths);
  for (const p of [paths.City, paths.ASN, paths.Country]) {
    assert.match(p, /node_modules[\\/]geolite2[\\/]dbs[\\/]GeoLite2-(City|ASN|Country)\.mmdb$/);
    assert.ok(existsSync(p) && statSync(p).size > 1_000_000, p);
  }
  assert.equal(city.metadata.databaseType, "GeoLite2-City");
  assert.equal(asn.metadata.databaseType, "GeoLite2-ASN");
});

test("legacy shape for MaxMind's test address 81.2.69.142 (City)", () => {
  const r = lookupGeoip(city, "81.2.69.142", { source: "message" });
  assert.equal(r.matched, true);
  assert.deepEqual(r.tags, []);
  assert.deepEqual(asObject(r), {
    "[geoip][city_name]": "Arnold",
    "[geoip][country_name]": "United Kingdom",
    "[geoip][continent_code]": "EU",
    "[geoip][country_code2]": "GB",
    "[geoip][country_code3]": "GB",
    "[geoip][ip]": "81.2.69.142",
    "[geoip][postal_code]": "NG5",
    "[geoip][region_name]": "Nottinghamshire",
    "[geoip][region_code]": "NTT",
    "[geoip][timezone]": "Europe/London",
    "[geoip][location]": { lat: 53, lon: -1.1333 },
    "[geoip][latitude]": 53,
    "[geoip][longitude]": -1.1333,
  });
  // Written in the plugin's Field enum order.
  assert.deepEqual(r.writes.map((w) => w.path.at(-1)), [
    "city_name", "country_name", "continent_code", "country_code2", "country_code3", "ip", "postal_code",
    "region_name", "region_code", "timezone", "location", "latitude", "longitude",
  ]);
});

test("ECS shape: target derived from [client][ip], region_iso_code, no country_code3", () => {
  const options: GeoipOptions = { source: "[client][ip]", ecs_compatibility: "v8" };
  const r = lookupGeoip(city, "81.2.69.142", options);
  const event = applyGeoip({ client: { ip: "81.2.69.142" } }, r);
  assert.deepEqual(event, {
    client: {
      ip: "81.2.69.142",
      geo: {
        city_name: "Arnold",
        country_name: "United Kingdom",
        continent_code: "EU",
        country_iso_code: "GB",
        postal_code: "NG5",
        region_name: "Nottinghamshire",
        region_iso_code: "GB-NTT",
        timezone: "Europe/London",
        location: { lat: 53, lon: -1.1333 },
      },
    },
  });
  assert.equal(r.writes.some((w) => w.ref === "[client][geo][region_code]"), false);
  // v1 behaves like v8.
  assert.deepEqual(lookupGeoip(city, "81.2.69.142", { ...options, ecs_compatibility: "v1" }).writes, r.writes);
});

test("8.8.8.8 and 1.1.1.1 in the City database", () => {
  const google = asObject(lookupGeoip(city, "8.8.8.8", { source: "[source][ip]", ecs_compatibility: "v8" }));
  assert.deepEqual(google, {
    "[source][geo][country_name]": "United States",
    "[source][geo][continent_code]": "NA",
    "[source][geo][country_iso_code]": "US",
    "[source][ip]": "8.8.8.8",
    "[source][geo][location]": { lat: 37.751, lon: -97.822 },
    "[source][geo][location][lat]": 37.751,
    "[source][geo][location][lon]": -97.822,
  });
  const cloudflare = asObject(lookupGeoip(city, "1.1.1.1", { source: "ip", target: "geo_src" }));
  assert.equal(cloudflare["[geo_src][country_code2]"], "AU");
  assert.equal(cloudflare["[geo_src][city_name]"], "Research");
  assert.equal(cloudflare["[geo_src][region_code]"], "VIC");
  assert.equal(cloudflare["[geo_src][timezone]"], "Australia/Melbourne");
  assert.deepEqual(cloudflare["[geo_src][location]"], { lat: -37.7, lon: 145.1833 });
});

test("ASN database: legacy asn/as_org and ECS [as][number]/[as][organization][name]", () => {
  const legacy = lookupGeoip(asn, "8.8.8.8", { source: "message" });
  assert.deepEqual(asObject(legacy), { "[geoip][asn]": 15169, "[geoip][as_org]": "Google LLC", "[geoip][ip]": "8.8.8.8" });
  const ecs = applyGeoip({}, lookupGeoip(asn, "81.2.69.142", { source: "[destination][ip]", ecs_compatibility: "v8" }));
  assert.deepEqual(ecs, { destination: { as: { number: 20712, organization: { name: "Andrews & Arnold Ltd" } }, ip: "81.2.69.142" } });
  const network = lookupGeoip(asn, "8.8.8.8", { source: "message", fields: ["network"] });
  assert.deepEqual(asObject(network), { "[geoip][network]": "8.8.8.0/24" });
  // The 2018 GeoLite2-ASN has no record for 1.1.1.1: a failed lookup, not an empty success.
  assert.equal(lookupGeoip(asn, "1.1.1.1", { source: "message" }).matched, false);
});

test("Country database defaults: ip, country_code2, country_name, continent_name", () => {
  assert.deepEqual(asObject(lookupGeoip(country, "81.2.69.142", { source: "message" })), {
    "[geoip][country_name]": "United Kingdom",
    "[geoip][continent_name]": "Europe",
    "[geoip][country_code2]": "GB",
    "[geoip][ip]": "81.2.69.142",
  });
});

test("fields option picks fields case-insensitively and replaces the defaults", () => {
  const r = lookupGeoip(city, "81.2.69.142", { source: "message", target: "[server][geo_info]", fields: ["City_Name", "continent_name", "region_iso_code", "dma_code"] });
  assert.deepEqual(asObject(r), {
    "[server][geo_info][city_name]": "Arnold",
    "[server][geo_info][continent_name]": "Europe",
    "[server][geo_info][region_iso_code]": "GB-NTT",
  });
  assert.throws(() => lookupGeoip(city, "8.8.8.8", { source: "message", fields: ["country"] }), GeoipConfigError);
});

test("IPv6 is written the way Java spells it, IPv4-mapped becomes IPv4", () => {
  const v6 = asObject(lookupGeoip(city, "2001:4860:4860::8888", { source: "message", fields: ["ip", "country_code2"] }));
  assert.deepEqual(v6, { "[geoip][country_code2]": "US", "[geoip][ip]": "2001:4860:4860:0:0:0:0:8888" });
  const mapped = asObject(lookupGeoip(asn, "::ffff:8.8.8.8", { source: "message" }));
  assert.equal(mapped["[geoip][ip]"], "8.8.8.8");
  assert.equal(mapped["[geoip][asn]"], 15169);
  assert.equal(parseIpLiteral("2607:f0d0:1002:51::4")?.hostAddress, "2607:f0d0:1002:51:0:0:0:4");
  assert.equal(parseIpLiteral("1:2:3:4:5:6:7:8:9"), undefined);
  assert.equal(parseIpLiteral("256.1.1.1"), undefined);
});

test("private, reserved and unknown addresses or non-addresses: empty target plus tag_on_failure", () => {
  for (const ip of ["10.0.0.1", "192.168.1.1", "0.0.0.0", "::1", "-", "N/A", "123.45.67.89,61.160.232.222", "not-an-ip"]) {
    const r = lookupGeoip(city, ip, { source: "message" });
    assert.equal(r.matched, false, ip);
    assert.deepEqual(r.writes, [], ip);
    assert.deepEqual(applyGeoip({ message: ip }, r), { message: ip, geoip: {}, tags: ["_geoip_lookup_failure"] }, ip);
  }
  const custom = lookupGeoip(city, "10.0.0.1", { source: "[client][ip]", ecs_compatibility: "v8", tag_on_failure: ["no_geo", "private"] });
  assert.deepEqual(applyGeoip({ client: { ip: "10.0.0.1" }, tags: ["beats"] }, custom), {
    client: { ip: "10.0.0.1" },
    tags: ["beats", "no_geo", "private"],
  });
});

test("missing, blank or whitespace source: tagged without creating the target", () => {
  for (const value of [undefined, null, "", "      "]) {
    const r = lookupGeoip(city, value, { source: "message" });
    assert.equal(r.createsTarget, false);
    assert.deepEqual(applyGeoip({}, r), { tags: ["_geoip_lookup_failure"] });
  }
  // An array source uses its first element only.
  assert.equal(lookupGeoip(city, ["8.8.8.8", "10.0.0.1"], { source: "message" }).matched, true);
  assert.throws(() => lookupGeoip(city, 42, { source: "message" }), TypeError);
  assert.throws(() => lookupGeoip(city, [], { source: "message" }), TypeError);
});

test("ECS mode needs a target unless source is an [ip] sub-field", () => {
  assert.throws(() => lookupGeoip(city, "8.8.8.8", { source: "host_ip", ecs_compatibility: "v1" }), GeoipConfigError);
  assert.throws(() => lookupGeoip(city, "8.8.8.8", { source: "[ip]", ecs_compatibility: "v1" }), GeoipConfigError);
  const r = lookupGeoip(city, "8.8.8.8", { source: "host_ip", target: "host", ecs_compatibility: "v1" });
  assert.equal(r.writes[0].path[0], "host");
});

test("database path: the option, then the caller's default, then geolite2 by default_database_type", () => {
  const paths = geolite2Paths();
  assert.ok(paths);
  assert.equal(selectGeoipDatabasePath({ database: "/x/a.mmdb" }, "/y/b.mmdb"), "/x/a.mmdb");
  assert.equal(selectGeoipDatabasePath({}, "/y/b.mmdb"), "/y/b.mmdb");
  assert.equal(selectGeoipDatabasePath({ default_database_type: "ASN" }, { City: "/c.mmdb" }), paths.ASN);
  assert.equal(selectGeoipDatabasePath({}), paths.City);
  assert.equal(facade.lookupGeoip, lookupGeoip);
});
