// Every message the code can show has an English and a Korean bundle entry, the Korean entries keep the
// placeholders, and package.json's %keys% match both package.nls files.
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));
const en: Record<string, string> = readJson("l10n/bundle.l10n.json");
const ko: Record<string, string> = readJson("l10n/bundle.l10n.ko.json");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

interface Call {
  where: string;
  message?: string;
  /** Set when the first argument is a template with substitutions: it can never match a bundle key. */
  substituted?: boolean;
}

/**
 * Calls of `t(…)`, `localizable(…)` and `[vscode.]l10n.t(…)`, found with the TypeScript parser rather
 * than with l10n-dev's extractor, so a message the exporter misses shows up here. `message` is the
 * literal's runtime value.
 */
function localisationCalls(): Call[] {
  const calls: Call[] = [];
  for (const path of [...sourceFiles(join(ROOT, "server/src")), ...sourceFiles(join(ROOT, "client/src"))]) {
    const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression.getText(source);
        if (callee === "t" || callee === "localizable" || callee === "l10n.t" || callee === "vscode.l10n.t") {
          const first = node.arguments[0];
          const where = `${relative(ROOT, path)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
          if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) calls.push({ where, message: first.text });
          else if (first && ts.isTemplateExpression(first)) calls.push({ where, substituted: true });
          else calls.push({ where });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

const calls = localisationCalls();
const messages = calls.filter((c) => c.message !== undefined) as Required<Pick<Call, "where" | "message">>[];
const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

test("the scan finds the messages of the core, the CLI and the client", () => {
  const files = new Set(messages.map((m) => m.where.split(":")[0]));
  for (const file of ["server/src/core/parser/syntaxIssues.ts", "server/src/core/validation/options.ts", "server/src/core/hover.ts", "server/src/cli.ts", "client/src/languageDetection.ts"]) {
    assert.ok(files.has(file), `no messages found in ${file}`);
  }
  assert.ok(messages.length > 150, `only ${messages.length} messages found`);
});

test("no message is built with a template substitution", () => {
  assert.deepEqual(calls.filter((c) => c.substituted).map((c) => c.where), []);
});

test("every message passed to t()/localizable()/l10n.t() is in bundle.l10n.json and bundle.l10n.ko.json", () => {
  const missingEn = messages.filter((m) => en[m.message] !== m.message).map((m) => `${m.where}: ${m.message}`);
  const missingKo = messages.filter((m) => typeof ko[m.message] !== "string" || ko[m.message] === "").map((m) => `${m.where}: ${m.message}`);
  assert.deepEqual(missingEn, [], "run `npm run l10n:export`");
  assert.deepEqual(missingKo, [], "translate these in l10n/bundle.l10n.ko.json");
});

test("the bundles hold only messages the code uses, and the Korean one holds all of them", () => {
  const used = new Set(messages.map((m) => m.message));
  assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), []);
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
});

test("each Korean entry has exactly the placeholders of its key", () => {
  const mismatched = Object.entries(ko).filter(([key, value]) => placeholders(key).join() !== placeholders(value).join());
  assert.deepEqual(mismatched, []);
});

test("a message with placeholders has no other braces, in English or Korean (@vscode/l10n would not substitute them)", () => {
  // @vscode/l10n formats with /{([^}]+)}/g: a literal `{` before `{0}` swallows the placeholder.
  const stray = (s: string) => placeholders(s).length > 0 && /[{}]/.test(s.replace(/\{\d+\}/g, ""));
  assert.deepEqual(Object.keys(en).filter(stray), []);
  assert.deepEqual(Object.values(ko).filter(stray), []);
});

test("the Korean entries are translated (Hangul), apart from names kept as Logstash writes them", () => {
  const names = new Set(["a URI", "an input", "a filter", "an output"]);
  const untranslated = Object.entries(ko).filter(([key, value]) => !names.has(key) && !/[\uac00-\ud7a3]/.test(value));
  assert.deepEqual(untranslated, []);
});

test("code spans and quoted names survive translation", () => {
  // Option, plugin and section names in backticks are Logstash syntax, not prose.
  const spans = (s: string) => (s.match(/`[^`]*`/g) ?? []).filter((x) => !/[\uac00-\ud7a3]/.test(x)).sort();
  const changed = Object.entries(ko).filter(([key, value]) => spans(key).join("\n") !== spans(value).join("\n"));
  assert.deepEqual(changed, []);
});

test("the English bundle is what `npm run l10n:export` produces from the sources", async () => {
  const { extractMessages } = await import("../../scripts/l10n-export.mjs");
  const { bundle } = await extractMessages();
  assert.deepEqual(bundle, en);
});

test("the runtime looks messages up with the Korean bundle and substitutes arguments", async () => {
  const l10n = await import("../../server/src/core/l10n");
  l10n.configureL10n(join(ROOT, "l10n/bundle.l10n.ko.json"));
  const key = "Unknown option `{0}` for the {1} plugin `{2}`.";
  assert.equal(l10n.t(key, "hots", "output", "elasticsearch"), ko[key].replace("{0}", "hots").replace("{1}", "output").replace("{2}", "elasticsearch"));
});

function nlsKeys(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) nlsKeys(v, out);
  }
  return out;
}

test("every %key% in package.json is in package.nls.json and package.nls.ko.json, and nothing else is", () => {
  const used = [...nlsKeys(readJson("package.json"))].sort();
  const nls: Record<string, string> = readJson("package.nls.json");
  const nlsKo: Record<string, string> = readJson("package.nls.ko.json");
  assert.ok(used.includes("displayName") && used.includes("description"), "package.json shows strings without %keys%");
  assert.deepEqual(Object.keys(nls).sort(), used);
  assert.deepEqual(Object.keys(nlsKo).sort(), used);
  for (const key of used) {
    assert.ok(nls[key].trim() !== "", `empty English ${key}`);
    assert.ok(nlsKo[key].trim() !== "", `empty Korean ${key}`);
  }
});

test("package.json's contributions show no literal text where a translation belongs", () => {
  const pkg = readJson("package.json");
  const literal: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === "string") {
      if (/(^|\.)(title|description|markdownDescription|category|patternErrorMessage|deprecationMessage|markdownDeprecationMessage|enumDescriptions\.\d+|markdownEnumDescriptions\.\d+|label)$/.test(path) && !/^%.+%$/.test(value)) literal.push(`${path}: ${value}`);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    }
  };
  visit(pkg.contributes, "contributes");
  for (const field of ["displayName", "description"]) if (!/^%.+%$/.test(pkg[field])) literal.push(field);
  assert.deepEqual(literal, []);
});

test("every walkthrough markdown step has a Korean version VS Code picks by name (<step>.nls.ko.md)", () => {
  const pkg = readJson("package.json");
  const media: string[] = (pkg.contributes.walkthroughs ?? []).flatMap((w: { steps: { media?: { markdown?: string } }[] }) =>
    w.steps.map((s) => s.media?.markdown).filter((m): m is string => typeof m === "string"),
  );
  for (const path of media) {
    const korean = readFileSync(join(ROOT, path.replace(/\.md$/, ".nls.ko.md")), "utf8");
    assert.match(korean, /[\uac00-\ud7a3]/, path);
    // Code blocks are Logstash syntax and stay as they are, apart from the messages they quote.
    const fences = (s: string) => (s.match(/```/g) ?? []).length;
    assert.equal(fences(korean), fences(readFileSync(join(ROOT, path), "utf8")), path);
  }
});
