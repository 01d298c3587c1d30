/** Go to definition and find references for fields and custom grok pattern names. */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Location, ReferenceParams, DefinitionParams } from "vscode-languageserver";
import { findFieldLocations, grokPatternAt, inlinePatternDefinitions, parsePatternFile, patternsDirs } from "../core/definition";
import { parsed, type ServerContext } from "./context";
import { toOffset, toRange } from "./convert";

export function onDefinition(context: ServerContext, params: DefinitionParams): Location[] | undefined {
  const doc = parsed(context, params.textDocument.uri);
  if (!doc) return undefined;
  const offset = toOffset(doc.lines, params.position);
  const pattern = grokPatternAt(doc.parse, offset);
  if (pattern) {
    const inline = inlinePatternDefinitions(doc.parse).filter((d) => d.name === pattern.name && d.range);
    if (inline.length) return inline.map((d) => ({ uri: doc.uri, range: toRange(doc.lines, d.range!) }));
    return patternFileLocations(doc.uri, patternsDirs(doc.parse), pattern.name);
  }
  const spans = findFieldLocations(doc.parse, offset, "definition");
  return spans?.map((s) => ({ uri: doc.uri, range: toRange(doc.lines, s) }));
}

export function onReferences(context: ServerContext, params: ReferenceParams): Location[] | undefined {
  const doc = parsed(context, params.textDocument.uri);
  if (!doc) return undefined;
  const offset = toOffset(doc.lines, params.position);
  const pattern = grokPatternAt(doc.parse, offset);
  if (pattern) {
    const re = new RegExp(`%\\{${pattern.name}(?=[:}])`, "g");
    const out: Location[] = [];
    for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
      const start = m.index + 2;
      out.push({ uri: doc.uri, range: toRange(doc.lines, { start, end: start + pattern.name.length }) });
    }
    return out;
  }
  const spans = findFieldLocations(doc.parse, offset, "references");
  return spans?.map((s) => ({ uri: doc.uri, range: toRange(doc.lines, s) }));
}

/** Pattern files of `patterns_dir`, resolved against the document's folder when relative. */
function patternFileLocations(uri: string, dirs: string[], name: string): Location[] {
  if (!uri.startsWith("file:")) return [];
  const base = join(fileURLToPath(uri), "..");
  const out: Location[] = [];
  for (const dir of dirs) {
    const abs = isAbsolute(dir) ? dir : join(base, dir);
    let files: string[];
    try {
      files = statSync(abs).isDirectory() ? readdirSync(abs).map((f) => join(abs, f)) : [abs];
    } catch {
      continue;
    }
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      for (const d of parsePatternFile(file, text)) {
        if (d.name === name && d.file) out.push({ uri: pathToFileURL(file).toString(), range: { start: { line: d.file.line, character: 0 }, end: { line: d.file.line, character: name.length } } });
      }
    }
  }
  return out;
}
