import assert from "node:assert/strict";
import { test } from "node:test";
import { parseLines } from "../../server/src/cli/logformat";
import { planDissect, possibleChars } from "../../server/src/core/logformat/dissect";
import { getDialect } from "../../server/src/core/logformat/registry";

const apache = getDialect("apache")!;
const tomcat = getDialect("tomcat")!;

test("characters a value shape can contain", () => {
  const digits = possibleChars("\\d+");
  assert.ok(digits("7") && !digits(" ") && !digits("-"));
  const token = possibleChars('[^\\s"]+');
  assert.ok(token("a") && token("-") && !token(" ") && !token("\t") && !token('"'));
  const escaped = possibleChars('(?:[^"\\\\]|\\\\.)*?');
  assert.ok(escaped(" ") && escaped('"') && escaped("\\"));
  const ip = possibleChars("[0-9A-Fa-f:.]+");
  assert.ok(ip("f") && ip(":") && !ip("g") && !ip(" "));
  const time = possibleChars("\\d{2}/(?:Jan|Feb)/\\d{4}");
  assert.ok(time("/") && time("J") && !time(" ") && !time("{"));
});

test("dissect only where no value can contain the text after it", () => {
  const common = planDissect(apache.parseFormat(String.raw`%h %l %u %t \"%r\" %>s %b`), true);
  assert.ok("reason" in common && /%l/.test(common.reason), JSON.stringify(common));
  const glued = planDissect(apache.parseFormat("%h%m"), true);
  assert.ok("reason" in glued && /no delimiter/.test(glued.reason));
  const timeRun = planDissect(apache.parseFormat("%{%d/%b/%Y %T}t.%{msec_frac}t %h"), true);
  assert.ok("reason" in timeRun && /one timestamp/.test(timeRun.reason));
  const tabs = planDissect(apache.parseFormat(String.raw`%h\t%m\t%U\t%q\t%>s\t%B\t%{User-Agent}i`), true);
  assert.ok("mapping" in tabs);
  assert.equal(tabs.mapping.split("\t").length, 7);
  const bracket = planDissect(tomcat.parseFormat("%a %t %s %b %D"), true);
  assert.ok("mapping" in bracket);
  assert.match(bracket.mapping, /\[%\{\[timestamp\]\} %\{\+\[timestamp\]\}\]/);
  assert.deepEqual(bracket.bracketed, ["[timestamp]"]);
});

test("a format dissect cannot cut keeps grok and says why", () => {
  const text = apache.generatePipeline(apache.parseFormat(String.raw`%h %l %u %t \"%r\" %>s %b`), { ecs: true, parser: "dissect" });
  assert.match(text, /# dissect cannot cut this format: %l can contain " "/);
  assert.match(text, /grok \{/);
  assert.doesNotMatch(text, /dissect \{/);
});

const CASES: { dialect: typeof apache; format: string; lines: string[] }[] = [
  {
    dialect: apache,
    format: String.raw`%h\t%m\t%U\t%q\t%>s\t%B\t%{User-Agent}i`,
    lines: [
      String.raw`127.0.0.1	GET	/x	?a=1&b=2	200	12	Mozilla/5.0 (X11) \"quoted\" \\ back`,
      "::1\tHEAD\t/y\t\t404\t0\t",
      String.raw`10.0.0.2	POST	/caf\xc3\xa9	?q	500	5	tab\there`,
    ],
  },
  {
    dialect: apache,
    format: "%a %t %>s %b %D %k %X",
    lines: ["127.0.0.1 [24/Nov/2026:20:45:06 +0000] 404 - 123 0 -", "2001:db8::1 [01/Jan/2026:00:00:00 -0700] 200 5120 99 3 +"],
  },
  {
    dialect: tomcat,
    format: "%a\t%t\t%m\t%U\t%q\t%s\t%b\t%{User-Agent}i\t%I",
    lines: [
      String.raw`127.0.0.1	[24/Nov/2026:20:45:06 +0000]	GET	/a%20b	?x=1	200	18	curl \"q\" \\b	http-nio-8080-exec-1`,
      "127.0.0.1\t[24/Nov/2026:20:45:07 +0000]\tHEAD\t/\t-\t200\t-\t-\texec-2",
    ],
  },
];

test("where dissect applies, its pipeline puts exactly the fields grok's does (ECS and legacy names)", async () => {
  for (const c of CASES) {
    const parsed = c.dialect.parseFormat(c.format);
    assert.ok("mapping" in planDissect(parsed, true), c.format);
    const input = c.lines.join("\n") + "\n";
    for (const ecs of [true, false]) {
      const grok = (await parseLines(c.dialect, parsed, input, ecs, "grok")) as { fields: Record<string, unknown> }[];
      const dissect = (await parseLines(c.dialect, parsed, input, ecs, "dissect")) as { fields: Record<string, unknown> }[];
      assert.equal(dissect.length, c.lines.length);
      dissect.forEach((row, i) => {
        assert.ok(!(row.fields.tags as string[] | undefined)?.length, `${c.format} line ${i + 1}: ${JSON.stringify(row.fields.tags)}`);
        assert.ok(Object.keys(grok[i].fields).length > 2, "grok parsed the line");
        assert.deepEqual(row.fields, grok[i].fields, `${c.format} line ${i + 1} (ecs ${ecs})`);
      });
    }
  }
});
