// Tokenizes whole pipelines and expanded snippets with the shipped grammar, the way VS Code does,
// to catch regions that never close (a stray begin rule colours the rest of the file) and
// valid text that the grammar marks invalid.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import oniguruma from "vscode-oniguruma";
import vsctm from "vscode-textmate";

const root = join(import.meta.dirname, "..", "..");
const require = createRequire(import.meta.url);

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== "source.logstash") return null;
      const path = join(root, "syntaxes", "logstash.tmLanguage.json");
      return vsctm.parseRawGrammar(readFileSync(path, "utf8"), path);
    },
  });
  const grammar = await registry.loadGrammar("source.logstash");
  assert.ok(grammar, "grammar source.logstash loads");
  return grammar;
}

const grammarPromise = loadGrammar();

interface Scan {
  invalid: string[];
  finalDepth: number;
}

async function scan(text: string): Promise<Scan> {
  const grammar = await grammarPromise;
  let stack = vsctm.INITIAL;
  const invalid: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const result = grammar.tokenizeLine(line, stack);
    for (const token of result.tokens) {
      if (token.scopes.some((s) => s.startsWith("invalid."))) {
        invalid.push(`${i + 1}:${token.startIndex + 1} ${JSON.stringify(line.slice(token.startIndex, token.endIndex))}`);
      }
    }
    stack = result.ruleStack;
  });
  return { invalid, finalDepth: stack.depth };
}

test("every snapshot case has a committed snapshot (vscode-tmgrammar-snap would create a missing one and pass)", () => {
  const dir = join(root, "test", "grammar");
  const cases = readdirSync(dir).filter((f) => f.endsWith(".logstash"));
  assert.ok(cases.length > 0);
  for (const name of cases) assert.ok(existsSync(join(dir, `${name}.snap`)), `${name}.snap is missing`);
});

const pipelinesDir = join(root, "test-fixtures", "pipelines");
for (const name of readdirSync(pipelinesDir).filter((f) => f.endsWith(".conf"))) {
  test(`valid pipeline ${name} has no invalid tokens and closes every region`, async () => {
    const { invalid, finalDepth } = await scan(readFileSync(join(pipelinesDir, name), "utf8"));
    assert.deepEqual(invalid, []);
    assert.equal(finalDepth, 1);
  });
}

// Broken fixtures whose error is lexical, so the grammar alone can flag it.
const lexicallyBroken: Record<string, string> = {
  "commas-between-options.conf": '","',
  "one-char-bareword.conf": '"a"',
  "spaced-arrow.conf": '"= >"',
  "regex-flags.conf": '"i"',
  "elsif.conf": '"elsif"',
};
for (const [name, token] of Object.entries(lexicallyBroken)) {
  test(`broken fixture ${name} marks ${token} invalid`, async () => {
    const { invalid } = await scan(readFileSync(join(root, "test-fixtures", "broken", name), "utf8"));
    assert.ok(invalid.some((t) => t.endsWith(` ${token}`)), `invalid tokens: ${invalid.join(", ")}`);
  });
}

test("unterminated string (path ending in a backslash) stays open to the end of the file", async () => {
  const text = readFileSync(join(root, "test-fixtures", "broken", "unterminated-string.conf"), "utf8");
  const { finalDepth } = await scan(text);
  assert.ok(finalDepth > 1, `depth ${finalDepth}`);
});

/**
 * Expands a VS Code snippet body the way inserting it and accepting every default would,
 * except that `choose` picks the option of each choice placeholder.
 */
function expandSnippet(body: string, choose: (index: number, options: string[]) => string): string {
  let i = 0;
  let choiceIndex = 0;
  function parse(stopAtBrace: boolean): string {
    let out = "";
    while (i < body.length) {
      const c = body[i];
      if (c === "\\" && i + 1 < body.length && "$}\\".includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (stopAtBrace && c === "}") {
        return out;
      } else if (c === "$" && /[0-9]/.test(body[i + 1] ?? "")) {
        i++;
        while (/[0-9]/.test(body[i] ?? "")) i++;
      } else if (c === "$" && body[i + 1] === "{") {
        i += 2;
        while (/[0-9]/.test(body[i])) i++;
        if (body[i] === ":") {
          i++;
          out += parse(true);
        } else if (body[i] === "|") {
          const end = body.indexOf("|}", i + 1);
          const options = body.slice(i + 1, end).split(",");
          out += choose(choiceIndex++, options);
          i = end + 1;
        }
        assert.equal(body[i], "}", `unclosed placeholder in ${JSON.stringify(body)}`);
        i++;
      } else {
        out += c;
        i++;
      }
    }
    assert.ok(!stopAtBrace, `unclosed placeholder in ${JSON.stringify(body)}`);
    return out;
  }
  return parse(false);
}

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const snippets = JSON.parse(
  readFileSync(join(root, "snippets", "logstash.code-snippets"), "utf8"),
) as Record<string, Snippet>;

for (const [name, snippet] of Object.entries(snippets)) {
  test(`snippet "${name}" expands to valid Logstash for every choice`, async () => {
    const body = Array.isArray(snippet.body) ? snippet.body.join("\n") : snippet.body;
    const choiceLists: string[][] = [];
    expandSnippet(body, (index, options) => {
      choiceLists[index] = options;
      return options[0];
    });
    // One expansion per option of each choice (others at their first option).
    const variants: string[] = [expandSnippet(body, (_, options) => options[0])];
    choiceLists.forEach((options, which) => {
      for (const option of options.slice(1)) {
        variants.push(expandSnippet(body, (index, opts) => (index === which ? option : opts[0])));
      }
    });
    for (const text of variants) {
      // Fragments (a plugin, an if block) are valid inside a section.
      const wrapped = /^\s*(input|filter|output)\b/.test(text) ? text : `filter {\n${text}\n}\n`;
      const { invalid, finalDepth } = await scan(wrapped);
      assert.deepEqual(invalid, [], wrapped);
      assert.equal(finalDepth, 1, wrapped);
    }
  });
}

test("snippet expansion honours escapes and nested placeholders", () => {
  assert.equal(expandSnippet("a ${1:b ${2:c}\\} d} $0", () => "x"), "a b c} d ");
  assert.equal(expandSnippet("k => ${1|list,channel|}", (_, o) => o[1]), "k => channel");
  assert.equal(expandSnippet("\\${ENV\\}", () => "x"), "${ENV}");
});
