import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, test } from "node:test";
import {
  buildPatternMap,
  builtinPatternFile,
  builtinPatternFiles,
  compileGrok,
  initOniguruma,
  loadPatternSet,
  OnigRegex,
  parsePatternText,
  validateGrokPattern,
  type PatternSet,
} from "../../server/src/core/grok";

/** Names per set and file as listed in the team's grok notes (logstash-patterns-core). */
const NAMES = JSON.parse(readFileSync(new URL("../../test-fixtures/grok/pattern-names.json", import.meta.url), "utf8")) as Record<
  PatternSet,
  Record<string, string[]>
>;
const SETS: PatternSet[] = ["legacy", "ecs-v1"];

before(() => initOniguruma());

for (const set of SETS) {
  test(`${set}: every file and every pattern name of the notes is in the library`, () => {
    const files = builtinPatternFiles(set);
    for (const [file, names] of Object.entries(NAMES[set])) {
      assert.ok(files.includes(file), `${set}/${file} missing`);
      const defined = builtinPatternFile(set, file).map(([name]) => name);
      for (const name of names) assert.ok(defined.includes(name), `${set}/${file}: ${name} missing`);
    }
    const all = loadPatternSet(set);
    for (const names of Object.values(NAMES[set])) for (const name of names) assert.ok(all.has(name), name);
  });

  test(`${set}: every pattern expands, passes validation and compiles in Oniguruma`, () => {
    const all = loadPatternSet(set);
    assert.ok(all.size > 300);
    for (const name of all.keys()) {
      assert.deepEqual(validateGrokPattern(`%{${name}}`, set), [], name);
      const grok = compileGrok(`%{${name}:x}`, all);
      assert.doesNotThrow(() => new OnigRegex(grok.regex).dispose(), name);
    }
  });
}

test("sets differ where Logstash's do: zeek only in ecs-v1, mcollective-patterns only in legacy", () => {
  assert.ok(builtinPatternFiles("ecs-v1").includes("zeek"));
  assert.ok(!builtinPatternFiles("legacy").includes("zeek"));
  assert.ok(builtinPatternFiles("legacy").includes("mcollective-patterns"));
  assert.ok(loadPatternSet("ecs-v1").has("ZEEK_CONN"));
  assert.ok(!loadPatternSet("legacy").has("ZEEK_CONN"));
  assert.match(loadPatternSet("ecs-v1").get("HTTPD_COMMONLOG") ?? "", /\[source\]\[address\]/);
  assert.match(loadPatternSet("legacy").get("HTTPD_COMMONLOG") ?? "", /clientip/);
});

test("pattern files: comments, blank lines and names without a regex are skipped; the regex keeps inner spaces", () => {
  const parsed = parsePatternText("# comment\n\n  MYNUM \\d+\nLONELY\nTWO %{WORD} %{WORD}\r\n   # indented comment\n");
  assert.deepEqual(
    parsed.map((p) => [p.name, p.regex, p.line]),
    [
      ["MYNUM", "\\d+", 2],
      ["TWO", "%{WORD} %{WORD}", 4],
    ],
  );
});

test("user patterns win in Logstash's order: extra texts, then patterns_dir files, then pattern_definitions", () => {
  const map = buildPatternMap("legacy", {
    extraPatterns: ["WORD [a-z]+\nA extra"],
    patternsDirTexts: ["A dir\nB dir"],
    patternDefinitions: { B: "inline\n", C: "c" },
  });
  assert.equal(map.get("WORD"), "[a-z]+");
  assert.equal(map.get("A"), "dir");
  assert.equal(map.get("B"), "inline");
  assert.equal(map.get("C"), "c");
  // The built-in set itself is not modified.
  assert.equal(loadPatternSet("legacy").get("WORD"), "\\b\\w+\\b");
});

test("patterns_dir + patterns_files_glob: sorted matches, directories and dotfiles skipped, a file path taken as is", async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { readPatternsDirs } = await import("../../server/src/core/grok");
  const dir = mkdtempSync(join(tmpdir(), "grok-patterns-"));
  try {
    writeFileSync(join(dir, "b.grok"), "B b");
    writeFileSync(join(dir, "a.grok"), "A a");
    writeFileSync(join(dir, "c.txt"), "C c");
    writeFileSync(join(dir, ".hidden"), "H h");
    mkdirSync(join(dir, "sub.grok"));
    assert.deepEqual(readPatternsDirs([dir]).map((f) => f.text), ["A a", "B b", "C c"]);
    assert.deepEqual(readPatternsDirs([dir], "*.grok").map((f) => f.text), ["A a", "B b"]);
    assert.deepEqual(readPatternsDirs([dir], "{c,a}.*").map((f) => f.text), ["A a", "C c"]);
    assert.deepEqual(readPatternsDirs([join(dir, "c.txt")], "*.grok").map((f) => f.text), ["C c"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
