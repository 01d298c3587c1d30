// Regenerates l10n/bundle.l10n.json, the English message bundle, from the sources (npm run l10n:export);
// with --check it only reports whether the bundle and the Korean translation are up to date (exit 1 if not).
//
// @vscode/l10n-dev's extractor only recognises `l10n.t("…")` / `vscode.l10n.t("…")` calls, while the core
// calls `t("…")` imported from server/src/core/l10n.ts and marks deferred messages with `localizable("…")`.
// So each source is rewritten in memory (those calls become `l10n.t(`) and handed to l10n-dev's own
// extractor, which keeps its unescaping and template rules.
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { getL10nJson } from "@vscode/l10n-dev";

const root = fileURLToPath(new URL("..", import.meta.url));
const SOURCE_DIRS = ["client/src", "server/src"];
const BUNDLE = join(root, "l10n/bundle.l10n.json");
const TRANSLATIONS = ["ko"];
const WRAPPER = /(^|\/)l10n$/;
const MARKERS = new Set(["t", "localizable"]);

async function sourceFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out.sort();
}

/** Local names under which a file imports `t` / `localizable` from the core's l10n module. */
function wrapperImports(source) {
  const names = new Set();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !WRAPPER.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if (MARKERS.has((element.propertyName ?? element.name).text)) names.add(element.name.text);
    }
  }
  return names;
}

/** The file's text with calls of the wrapper's functions spelled `l10n.t(`; `nonLiteral` collects the rest. */
function rewrite(path, text, nonLiteral) {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const names = wrapperImports(source);
  if (names.size === 0) return undefined;
  const edits = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && names.has(node.expression.text)) {
      edits.push(node.expression);
      const first = node.arguments[0];
      if (!first || !(ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        nonLiteral.push(`${relative(root, path)}:${line + 1}: ${node.getText(source).slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = text;
  for (const callee of edits.sort((a, b) => b.getStart(source) - a.getStart(source))) {
    out = out.slice(0, callee.getStart(source)) + "l10n.t" + out.slice(callee.getEnd());
  }
  return `import * as l10n from "@vscode/l10n";\n${out}`;
}

/** Every message the sources pass to the localisation functions, in file order, and the calls without a literal. */
export async function extractMessages() {
  const files = [];
  const nonLiteral = [];
  for (const dir of SOURCE_DIRS) {
    for (const path of await sourceFiles(join(root, dir))) {
      const text = await readFile(path, "utf8");
      files.push({ extension: ".ts", contents: rewrite(path, text, nonLiteral) ?? text });
    }
  }
  return { bundle: await getL10nJson(files), nonLiteral };
}

async function readJson(path) {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return undefined;
  }
}

const placeholders = (message) => [...new Set(message.match(/\{\d+\}/g) ?? [])].sort().join(" ");

async function main() {
  const check = process.argv.includes("--check");
  const { bundle, nonLiteral } = await extractMessages();
  const text = `${JSON.stringify(bundle, null, 2)}\n`;
  const problems = [];
  if (check) {
    if ((await readFile(BUNDLE, "utf8").catch(() => "")) !== text) problems.push(`${relative(root, BUNDLE)} is out of date: run npm run l10n:export`);
  } else {
    await writeFile(BUNDLE, text);
    console.log(`${relative(root, BUNDLE)}: ${Object.keys(bundle).length} messages`);
  }
  // Tables translated through `t(variable)` must mark their entries with localizable().
  if (process.argv.includes("--verbose")) for (const call of nonLiteral) console.warn(`not a literal (its sources must be marked with localizable()): ${call}`);
  for (const language of TRANSLATIONS) {
    const path = join(root, `l10n/bundle.l10n.${language}.json`);
    const translated = (await readJson(path)) ?? {};
    const missing = Object.keys(bundle).filter((key) => typeof translated[key] !== "string");
    const stale = Object.keys(translated).filter((key) => !(key in bundle));
    const mismatched = Object.keys(bundle).filter((key) => typeof translated[key] === "string" && placeholders(key) !== placeholders(translated[key]));
    for (const key of missing) problems.push(`${relative(root, path)}: missing ${JSON.stringify(key)}`);
    for (const key of stale) problems.push(`${relative(root, path)}: no longer used ${JSON.stringify(key)}`);
    for (const key of mismatched) problems.push(`${relative(root, path)}: placeholders differ for ${JSON.stringify(key)}`);
  }
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
