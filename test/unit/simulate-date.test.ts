// Cases from logstash-filter-date's spec/filters/date_spec.rb, named after their describe blocks.
import assert from "node:assert/strict";
import { test } from "node:test";
import { firstStep, one } from "./simulate-helpers";

async function ts(filter: string, event: Record<string, string | number>, options: { now?: Date; timezone?: string; locale?: string } = {}) {
  const e = await one(`date { ${filter} }`, event, options);
  return { ts: e["@timestamp"], tags: e.tags };
}

test("ISO8601: offsets, fractions with . or ,, and the space-separated casual forms ('parsing with ISO8601')", async () => {
  const times: Record<string, string> = {
    "2001-01-01T00:00:00-0800": "2001-01-01T08:00:00.000Z",
    "2010-05-03T08:18:18+00:00": "2010-05-03T08:18:18.000Z",
    "2004-07-04T12:27:27-00:00": "2004-07-04T12:27:27.000Z",
    "2001-12-07T23:54:54Z": "2001-12-07T23:54:54.000Z",
    "2004-07-04T12:27:27.123-04:00": "2004-07-04T16:27:27.123Z",
    "2001-09-05T16:36:36.123+0700": "2001-09-05T09:36:36.123Z",
    "2001-12-07T23:54:54,123Z": "2001-12-07T23:54:54.123Z",
    "2001-11-06 20:45:45.123-0000": "2001-11-06T20:45:45.123Z",
    "2001-12-07 23:54:54,123Z": "2001-12-07T23:54:54.123Z",
    "2001-11-06 20:45:45.123": "2001-11-06T20:45:45.123Z",
    "2001-11-06 20:45:45,123": "2001-11-06T20:45:45.123Z",
  };
  for (const [input, output] of Object.entries(times)) {
    const r = await ts('match => ["mydate", "ISO8601"] locale => "en" timezone => "UTC"', { mydate: input });
    assert.deepEqual(r, { ts: output, tags: undefined }, input);
  }
});

test("UNIX and UNIX_MS, as strings and numbers, with fractions ('parsing with UNIX', 'UNIX and UNIX_MS', '#213')", async () => {
  const unix: [string | number, string][] = [
    ["0", "1970-01-01T00:00:00.000Z"],
    ["1478207457", "2016-11-03T21:10:57.000Z"],
    [1000000000, "2001-09-09T01:46:40.000Z"],
    ["1350414944.123456", "2012-10-16T19:15:44.123Z"],
    [1350414944.123456, "2012-10-16T19:15:44.123Z"],
  ];
  for (const [input, output] of unix) assert.equal((await ts('match => ["mydate", "UNIX"]', { mydate: input })).ts, output, String(input));
  const both: [string | number, string][] = [
    ["1000000000123", "2001-09-09T01:46:40.123Z"],
    ["1478207457.456", "2016-11-03T21:10:57.456Z"],
    [1000000000123, "2001-09-09T01:46:40.123Z"],
  ];
  for (const [input, output] of both) assert.equal((await ts('match => ["mydate", "UNIX", "UNIX_MS"]', { mydate: input })).ts, output, String(input));
  assert.equal((await ts('match => ["mydate", "UNIX_MS"]', { mydate: 456 })).ts, "1970-01-01T00:00:00.456Z");
  // "Invalid value should not be evaluated to zero (String#to_i madness)".
  const bad = await ts('match => ["mydate", "UNIX"]', { mydate: "%{bad_value}" });
  assert.deepEqual(bad.tags, ["_dateparsefailure"]);
});

test("TAI64N, with and without @ ('TAI64N support')", async () => {
  for (const t of ["4000000050d506482dbdf024", "@4000000050d506482dbdf024"]) {
    assert.equal((await ts('match => ["t", "TAI64N"]', { t })).ts, "2012-12-22T01:00:46.767Z");
  }
});

test("Joda patterns: timezone option, sprintf timezone, HTTP dates, French months ('timezone parameter', 'timezone from event', 'http dates', 'Supporting locale only')", async () => {
  const la = 'match => ["mydate", "yyyy MMM dd HH:mm:ss"] locale => "en"';
  assert.equal((await ts(`${la} timezone => "America/Los_Angeles"`, { mydate: "2013 Nov 24 01:29:01" })).ts, "2013-11-24T09:29:01.000Z");
  assert.equal((await ts(`${la} timezone => "America/Los_Angeles"`, { mydate: "2013 Jun 24 01:29:01" })).ts, "2013-06-24T08:29:01.000Z");
  assert.equal((await ts(`${la} timezone => "%{mytz}"`, { mydate: "2013 Jun 24 01:29:01", mytz: "America/Los_Angeles" })).ts, "2013-06-24T08:29:01.000Z");
  assert.equal((await ts('match => ["timestamp", "dd/MMM/yyyy:HH:mm:ss Z"] locale => "en"', { timestamp: "25/Mar/2013:20:33:56 +0000" })).ts, "2013-03-25T20:33:56.000Z");
  for (const locale of ["fr", "fr-FR", "fr_FR"]) {
    assert.equal((await ts(`match => ["message", "dd MMMM yyyy"] locale => "${locale}" timezone => "UTC"`, { message: "14 juillet 1789" })).ts, "1789-07-14T00:00:00.000Z", locale);
  }
  // The ISO8601 casual forms honour a timezone taken from the event ('parsing IS08601 with timezone from event').
  assert.equal((await ts('match => ["mydate", "ISO8601"] timezone => "%{mytz}"', { mydate: "2007-12-09T01:00:00", mytz: "America/Caracas" })).ts, "2007-12-09T05:00:00.000Z");
  assert.equal((await ts('match => ["mydate", "ISO8601"] timezone => "%{mytz}"', { mydate: "2016-05-01T08:18:18.123", mytz: "America/Caracas" })).ts, "2016-05-01T12:18:18.123Z");
});

test("no year in the pattern: this year, last year for December seen in January, next for January in December ('Default year handling')", async () => {
  const syslog = 'match => ["message", "MMM dd HH:mm:ss"] locale => "en" timezone => "UTC"';
  assert.equal((await ts(syslog, { message: "Jun 02 20:38:03" }, { now: new Date("2024-03-05T00:00:00Z") })).ts, "2024-06-02T20:38:03.000Z");
  assert.equal((await ts(syslog, { message: "Dec 31 23:59:00" }, { now: new Date("2014-01-01T00:00:00Z") })).ts, "2013-12-31T23:59:00.000Z");
  assert.equal((await ts(syslog, { message: "Jan 01 01:00:00" }, { now: new Date("2013-12-31T23:59:59Z") })).ts, "2014-01-01T01:00:00.000Z");
});

test("a local time in a DST gap fails, one just before and after parses ('do fail on 2016 DST switchover in CET')", async () => {
  const cet = 'match => ["message", "MMM dd HH:mm:ss"] locale => "en" timezone => "CET"';
  const now = { now: new Date("2016-03-01T00:00:00Z") };
  assert.deepEqual(await ts(cet, { message: "Mar 27 01:59:59" }, now), { ts: "2016-03-27T00:59:59.000Z", tags: undefined });
  assert.deepEqual((await ts(cet, { message: "Mar 27 02:00:01" }, now)).tags, ["_dateparsefailure"]);
  assert.deepEqual(await ts(cet, { message: "Mar 27 03:00:01" }, now), { ts: "2016-03-27T01:00:01.000Z", tags: undefined });
  // 'don't fail on next years DST switchover in CET': the year is in the text.
  const withYear = await ts('match => ["message", "yyyy MMM dd HH:mm:ss"] locale => "en" timezone => "CET"', { message: "2016 Mar 26 02:00:37" });
  assert.deepEqual(withYear, { ts: "2016-03-26T01:00:37.000Z", tags: undefined });
});

test("success decorates, failure tags tag_on_failure and does not decorate; target; a missing field does nothing ('on_success config', 'tag_on_failure', 'deep nested field')", async () => {
  const ok = await one('date { match => ["thedate", "yyyy/MM/dd"] add_tag => ["tagged"] timezone => "UTC" }', { thedate: "2013/04/21" });
  assert.deepEqual([ok["@timestamp"], ok.tags], ["2013-04-21T00:00:00.000Z", ["tagged"]]);
  const bad = await one('date { match => ["thedate", "yyyy/MM/dd"] add_tag => ["tagged"] tag_on_failure => ["date_failed"] }', { thedate: "2013/Apr/21" });
  assert.deepEqual(bad.tags, ["date_failed"]);
  const target = await one('date { match => ["[data][deep]", "ISO8601"] target => "[parsed]" }', { data: { deep: "2013-01-01T00:00:00.000Z" } });
  assert.equal(target.parsed, "2013-01-01T00:00:00.000Z");
  const missing = await firstStep('date { match => ["nope", "ISO8601"] add_tag => ["x"] }', {});
  assert.equal(missing.status, "applied");
  assert.equal(missing.event.tags, undefined);
  // Text formats refuse numbers (only UNIX/UNIX_MS take them).
  assert.deepEqual((await one('date { match => ["n", "yyyy"] }', { n: 2013 })).tags, ["_dateparsefailure"]);
});

test("Joda details: fixed-width adjacent numbers, two-digit years pivot, 12-hour clock, fraction digits, whole text consumed", async () => {
  const utc = 'timezone => "UTC" locale => "en"';
  assert.equal((await ts(`match => ["d", "yyyyMMddHHmmss"] ${utc}`, { d: "20240102030405" })).ts, "2024-01-02T03:04:05.000Z");
  assert.equal((await ts(`match => ["d", "dd/MM/yy"] ${utc}`, { d: "05/03/99" })).ts, "1999-03-05T00:00:00.000Z");
  assert.equal((await ts(`match => ["d", "dd/MM/yy"] ${utc}`, { d: "05/03/24" })).ts, "2024-03-05T00:00:00.000Z");
  assert.equal((await ts(`match => ["d", "yyyy-MM-dd hh:mm a"] ${utc}`, { d: "2024-01-02 01:30 PM" })).ts, "2024-01-02T13:30:00.000Z");
  assert.equal((await ts(`match => ["d", "HH:mm:ss.SSSSSS yyyy-MM-dd"] ${utc}`, { d: "10:00:00.123456 2024-01-02" })).ts, "2024-01-02T10:00:00.123Z");
  assert.deepEqual((await ts(`match => ["d", "yyyy-MM-dd"] ${utc}`, { d: "2024-01-02 trailing" })).tags, ["_dateparsefailure"]);
  assert.deepEqual((await ts(`match => ["d", "yyyy-MM-dd"] ${utc}`, { d: "2024-02-30" })).tags, ["_dateparsefailure"]);
  assert.equal((await ts(`match => ["d", "EEE MMM dd HH:mm:ss ZZZ yyyy"] ${utc}`, { d: "Tue Mar 05 10:00:00 Europe/Paris 2024" })).ts, "2024-03-05T09:00:00.000Z");
  // The first format that parses wins; the pipeline's zone is the default.
  assert.equal((await ts('match => ["d", "yyyy", "dd.MM.yyyy HH:mm"]', { d: "05.03.2024 10:00" }, { timezone: "Asia/Seoul" })).ts, "2024-03-05T01:00:00.000Z");
});
