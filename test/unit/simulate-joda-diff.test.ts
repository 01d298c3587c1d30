// Differential test: the simulator's date parsing against Joda-Time 2.10.5 itself (the library
// logstash-filter-date parses with), through tools/joda-harness built by scripts/setup-joda.sh.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { makeParser } from "../../server/src/core/simulate/date";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT = join(ROOT, ".tools/joda-harness");

const JAN = Date.UTC(2024, 0, 10);
const JUN = Date.UTC(2024, 5, 10);
const DEC = Date.UTC(2023, 11, 28);

// pattern, locale, zone, now, text. Two-digit years stay clear of the pivot's edges: Joda takes its
// pivot from the wall clock when the pattern is compiled, the simulator from its `now`.
const CASES: [string, string, string, number, string][] = [
  ["ISO8601", "en", "UTC", JUN, "2001-01-01T00:00:00-0800"],
  ["ISO8601", "en", "UTC", JUN, "2010-05-03T08:18:18.123+00:00"],
  ["ISO8601", "en", "UTC", JUN, "2001-12-07T23:54:54,123Z"],
  ["ISO8601", "en", "America/Caracas", JUN, "2016-05-01T08:18:18.123"],
  ["ISO8601", "en", "Europe/Paris", JUN, "2016-05-01"],
  ["ISO8601", "en", "UTC", JUN, "2016-05"],
  ["ISO8601", "en", "UTC", JUN, "2016"],
  ["ISO8601", "en", "UTC", JUN, "2016-05-01T08"],
  ["ISO8601", "en", "UTC", JUN, "2016-05-01T08:30"],
  ["ISO8601", "en", "UTC", JUN, "2016-05-01T08:30:15.123456789+05:30"],
  ["ISO8601", "en", "Asia/Seoul", JUN, "2001-11-06 20:45:45.123"],
  ["ISO8601", "en", "UTC", JUN, "2001-11-06 20:45:45,123-0700"],
  ["ISO8601", "en", "UTC", JUN, "2001-11-06 20:45:45"],
  ["ISO8601", "en", "UTC", JUN, "2016-13-01"],
  ["ISO8601", "en", "UTC", JUN, "not a date"],
  ["ISO8601", "en", "UTC", JUN, "2016-02-29T00:00:00Z"],
  ["ISO8601", "en", "UTC", JUN, "2015-02-29T00:00:00Z"],
  ["ISO8601", "en", "UTC", JUN, "2016-123"],
  ["dd/MMM/yyyy:HH:mm:ss Z", "en", "UTC", JUN, "25/Mar/2013:20:33:56 +0000"],
  ["dd/MMM/yyyy:HH:mm:ss Z", "en", "UTC", JUN, "25/mar/2013:20:33:56 -0330"],
  ["dd/MMM/yyyy:HH:mm:ss Z", "en", "UTC", JUN, "25/March/2013:20:33:56 +0000"],
  ["dd/MMM/yyyy:HH:mm:ss Z", "en", "UTC", JUN, "5/Mar/2013:20:33:56 +00:00"],
  ["MMM dd HH:mm:ss", "en", "UTC", JUN, "Jun 02 20:38:03"],
  ["MMM dd HH:mm:ss", "en", "UTC", JAN, "Dec 31 23:59:00"],
  ["MMM dd HH:mm:ss", "en", "UTC", DEC, "Jan 01 01:00:00"],
  ["MMM  d HH:mm:ss", "en", "UTC", JUN, "Jun  2 20:38:03"],
  ["MMM  d HH:mm:ss", "en", "UTC", JUN, "Jun 2 20:38:03"],
  ["MMM d HH:mm:ss", "en", "UTC", JUN, "Jun 12 20:38:03"],
  ["MMM dd HH:mm:ss", "en", "CET", Date.UTC(2016, 2, 1), "Mar 27 02:00:01"],
  ["MMM dd HH:mm:ss", "en", "CET", Date.UTC(2016, 2, 1), "Mar 27 03:00:01"],
  ["yyyy MMM dd HH:mm:ss", "en", "America/Los_Angeles", JUN, "2013 Nov 24 01:29:01"],
  ["yyyy MMM dd HH:mm:ss", "en", "America/Los_Angeles", JUN, "2013 Nov 03 01:29:01"],
  ["yyyy-MM-dd HH:mm:ss", "en", "America/New_York", JUN, "2023-11-05 01:30:00"],
  ["yyyy-MM-dd HH:mm:ss", "en", "America/New_York", JUN, "2023-03-12 02:30:00"],
  ["dd MMMM yyyy", "fr", "UTC", JUN, "14 juillet 1789"],
  ["dd MMMM yyyy", "de", "UTC", JUN, "03 März 2020"],
  ["EEE MMM dd HH:mm:ss yyyy", "en", "UTC", JUN, "Tue Mar 05 10:00:00 2024"],
  ["EEEE, dd-MMM-yy HH:mm:ss", "en", "UTC", JUN, "Tuesday, 05-Mar-24 10:00:00"],
  ["dd/MM/yy", "en", "UTC", JUN, "05/03/99"],
  ["dd/MM/yy", "en", "UTC", JUN, "05/03/2024"],
  ["yyyyMMddHHmmss", "en", "UTC", JUN, "20240102030405"],
  ["yyyyMMdd", "en", "UTC", JUN, "2024012"],
  ["yyyy-MM-dd'T'HH:mm:ss.SSSZZ", "en", "UTC", JUN, "2024-01-02T03:04:05.678+01:00"],
  ["yyyy-MM-dd'T'HH:mm:ss.SSSZ", "en", "UTC", JUN, "2024-01-02T03:04:05.678Z"],
  ["yyyy-MM-dd HH:mm:ss.SSS", "en", "UTC", JUN, "2024-01-02 03:04:05.6"],
  ["yyyy-MM-dd HH:mm:ss.SSS", "en", "UTC", JUN, "2024-01-02 03:04:05.123456"],
  ["yyyy-MM-dd hh:mm:ss a", "en", "UTC", JUN, "2024-01-02 12:04:05 AM"],
  ["yyyy-MM-dd hh:mm:ss a", "en", "UTC", JUN, "2024-01-02 12:04:05 pm"],
  ["yyyy-MM-dd HH:mm:ss ZZZ", "en", "UTC", JUN, "2024-01-02 03:04:05 Europe/Berlin"],
  ["yyyy-MM-dd HH:mm:ss z", "en", "UTC", JUN, "2024-01-02 03:04:05 PST"],
  ["yyyy-MM-dd", "en", "UTC", JUN, "2024-02-30"],
  ["yyyy-MM-dd", "en", "UTC", JUN, "2024-1-2"],
  ["yyyy-MM-dd", "en", "UTC", JUN, " 2024-01-02"],
  ["yyyy-MM-dd", "en", "UTC", JUN, "2024-01-02 "],
  ["yyyy-DDD", "en", "UTC", JUN, "2024-060"],
  ["HH:mm:ss", "en", "UTC", JUN, "10:11:12"],
  ["yyyy-MM-dd HH:mm", "en", "Australia/Lord_Howe", JUN, "2024-04-07 01:45"],
  ["yyyy-MM-dd HH:mm", "en", "Asia/Kolkata", JUN, "1990-07-01 12:00"],
  ["dd/MM/yy", "en", "UTC", JUN, "05/03/50"],
  ["dd/MM/yy HH", "en", "UTC", JUN, "05/03/123 10"],
  ["yyyy-MM-dd", "en", "UTC", JUN, "12024-01-02"],
  ["yyyy-MM-dd", "en", "UTC", JUN, "-0044-03-15"],
  ["yyyy-MM-dd kk:mm", "en", "UTC", JUN, "2024-01-02 24:30"],
  ["yyyy-MM-dd KK:mm a", "en", "UTC", JUN, "2024-01-02 11:30 PM"],
  ["yyyy-MM-dd hh:mm", "en", "UTC", JUN, "2024-01-02 12:30"],
  ["yyyy-MM-dd HH:mm Z", "en", "UTC", JUN, "2024-01-02 10:30 +05"],
  ["yyyy-MM-dd HH:mm ZZ", "en", "UTC", JUN, "2024-01-02 10:30 Z"],
  ["yyyy-MM-dd HH:mm ZZ", "en", "UTC", JUN, "2024-01-02 10:30 +0530"],
  ["yyyy-MM-dd HH:mm z", "en", "UTC", JUN, "2024-01-02 10:30 UTC"],
  ["yyyy-MM-dd'T'HH:mm:ss", "en", "UTC", JUN, "2024-01-02t10:30:00"],
  ["dd.MM.yyyy HH:mm:ss,SSS", "en", "Europe/Moscow", JUN, "02.01.2010 10:30:00,5"],
  ["MMM dd yyyy HH:mm:ss", "en", "UTC", JUN, "SEP 05 2024 10:30:00"],
  ["MMM dd yyyy HH:mm:ss", "en", "UTC", JUN, "Sept 05 2024 10:30:00"],
  ["yyyy-MM-dd HH:mm:ss", "en", "UTC", JUN, "2024-01-02 10:60:00"],
  ["yyyy-MM-dd HH:mm:ss", "en", "UTC", JUN, "2024-01-02 7:5:3"],
  ["G yyyy-MM-dd", "en", "UTC", JUN, "BC 0044-03-15"],
  ["G YYYY-MM-dd", "en", "UTC", JUN, "BC 0044-03-15"],
];

test("the Joda-Time harness is built (scripts/setup-joda.sh)", () => {
  assert.ok(existsSync(join(OUT, "classes/JodaHarness.class")), "run scripts/setup-joda.sh (npm test runs it)");
});

test("date parsing agrees with Joda-Time 2.10.5 on every case", () => {
  const input = CASES.map((c) => c.join("\t")).join("\n") + "\n";
  const r = spawnSync("java", ["-cp", `${join(OUT, "classes")}:${join(OUT, "lib/*")}`, "JodaHarness"], { input, encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const expected = r.stdout.trimEnd().split("\n");
  assert.equal(expected.length, CASES.length);
  const disagreements: string[] = [];
  CASES.forEach(([pattern, locale, zone, now, text], i) => {
    let mine: string;
    try {
      mine = String(makeParser(pattern, locale, new Date(now))(text, zone));
    } catch {
      mine = "FAIL";
    }
    const joda = expected[i];
    if (mine !== joda) {
      const show = (v: string) => (v === "FAIL" ? v : new Date(Number(v)).toISOString());
      disagreements.push(`${pattern} | ${zone} | ${JSON.stringify(text)}: Joda ${show(joda)}, simulator ${show(mine)}`);
    }
  });
  assert.deepEqual(disagreements, []);
});
