// The CLI (dist/cli.cjs, after `npm run build`) picks its language from LOGSMITH_LOCALE, then the POSIX
// locale variables, and finds the bundles in dist/../l10n.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { requestedLanguage } from "../../server/src/cli/locale";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist/cli.cjs");
const ko: Record<string, string> = JSON.parse(readFileSync(join(ROOT, "l10n/bundle.l10n.ko.json"), "utf8"));
const FIXTURE = "test-fixtures/broken/missing-arrow.conf";
const ENGLISH = "Expected `=>` after option name `type`";
const KOREAN = ko["Expected `=>` after option name `{0}`"].replace("{0}", "type");

/** Runs the CLI with only the locale variables given (none inherited from the caller's shell). */
function run(locale: Record<string, string | undefined>, ...args: string[]) {
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, ...locale };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: "/", env, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = join(ROOT, FIXTURE);

test("LOGSMITH_LOCALE=ko prints the Korean message, from any working directory", () => {
  const r = run({ LOGSMITH_LOCALE: "ko" }, "check", fixture);
  assert.equal(r.code, 1, r.stderr);
  assert.ok(r.stdout.includes(`error syntax-expected-arrow ${KOREAN}`), r.stdout);
  assert.ok(!r.stdout.includes(ENGLISH));
  assert.equal(r.stderr.trim(), ko["{0} file(s) checked: {1} error(s), {2} warning(s)"].replace("{0}", "1").replace("{1}", "1").replace("{2}", "0"));
});

test("LANG, LC_MESSAGES and LC_ALL starting with ko pick Korean; LC_ALL wins over LANG", () => {
  for (const locale of [{ LANG: "ko_KR.UTF-8" }, { LC_MESSAGES: "ko_KR" }, { LC_ALL: "ko" }, { LANG: "en_US.UTF-8", LC_ALL: "ko_KR.UTF-8" }]) {
    const r = run(locale, "check", fixture);
    assert.ok(r.stdout.includes(KOREAN), `${JSON.stringify(locale)}: ${r.stdout}`);
  }
  assert.ok(run({ LANG: "ko_KR.UTF-8", LC_ALL: "C" }, "check", fixture).stdout.includes(ENGLISH));
});

test("English by default, for other languages, and when LOGSMITH_LOCALE=en overrides a Korean LANG", () => {
  for (const locale of [{}, { LANG: "C.UTF-8" }, { LANG: "de_DE.UTF-8" }, { LANG: "ko_KR.UTF-8", LOGSMITH_LOCALE: "en" }]) {
    const r = run(locale, "check", fixture);
    assert.ok(r.stdout.includes(`error syntax-expected-arrow ${ENGLISH}`), `${JSON.stringify(locale)}: ${r.stdout}`);
  }
});

test("usage errors and help are translated too", () => {
  const r = run({ LOGSMITH_LOCALE: "ko" }, "bogus");
  assert.equal(r.code, 2);
  assert.ok(r.stderr.includes(ko["unknown command {0}"].replace("{0}", "bogus")), r.stderr);
  const help = run({ LOGSMITH_LOCALE: "ko" }, "--help");
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^사용법: logsmith/);
});

test("requestedLanguage reads the language subtag in POSIX precedence", () => {
  assert.equal(requestedLanguage({ LANG: "ko_KR.UTF-8" }), "ko");
  assert.equal(requestedLanguage({ LANG: "ko_KR.UTF-8", LC_MESSAGES: "fr_FR" }), "fr");
  assert.equal(requestedLanguage({ LC_ALL: "", LANG: "ko" }), "ko");
  assert.equal(requestedLanguage({ LOGSMITH_LOCALE: "en", LC_ALL: "ko_KR" }), "en");
  assert.equal(requestedLanguage({ LANG: "C.UTF-8" }), undefined);
  assert.equal(requestedLanguage({}), undefined);
});
