/**
 * Whole-document and range formatting. The formatter rewrites the whole text; the edits sent back are
 * the minimal diff, and for a range only the changes to lines inside it.
 */
import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from "vscode-languageserver";
import { formatConfig } from "../core/format";
import { computeEdits } from "../core/textEdits";
import { toTextEdit } from "./convert";
import { parsed, type ServerContext } from "./context";
import type { ParsedDocument } from "./parseCache";

export async function onFormatting(context: ServerContext, params: DocumentFormattingParams): Promise<TextEdit[] | null> {
  const entry = await formattable(context, params.textDocument.uri);
  if (!entry) return null;
  const formatted = formatConfig(entry.text, { tabSize: params.options.tabSize, insertSpaces: params.options.insertSpaces });
  return computeEdits(entry.text, formatted).map((e) => toTextEdit(entry.lines, e));
}

export async function onRangeFormatting(context: ServerContext, params: DocumentRangeFormattingParams): Promise<TextEdit[] | null> {
  const entry = await formattable(context, params.textDocument.uri);
  if (!entry) return null;
  const { start, end } = params.range;
  // A selection ending at column 0 does not include that line.
  const last = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  const formatted = formatConfig(entry.text, { tabSize: params.options.tabSize, insertSpaces: params.options.insertSpaces });
  return computeEdits(entry.text, formatted, [start.line, last]).map((e) => toTextEdit(entry.lines, e));
}

/**
 * Undefined when formatting is switched off, or when the document has syntax errors: a layout guessed
 * from a broken tree could move text the user is halfway through typing.
 */
async function formattable(context: ServerContext, uri: string): Promise<ParsedDocument | undefined> {
  const entry = parsed(context, uri);
  if (!entry) return undefined;
  const settings = await context.settings.get(uri);
  if (!settings.format.enable) return undefined;
  if (entry.parse.issues.some((i) => i.severity === "error" && i.code.startsWith("syntax"))) return undefined;
  return entry;
}
