import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams } from "vscode-languageserver";
import { findSemanticTokens, TOKEN_TYPES, type TokenType } from "../core/semanticTokens";
import { parsed, type ServerContext } from "./context";

/** Core token types mapped to LSP's standard ones, which every theme already colours. */
const LSP_TYPES: Record<TokenType, string> = {
  keyword: "keyword",
  plugin: "class",
  property: "property",
  string: "string",
  number: "number",
  bareword: "enumMember",
  boolean: "keyword",
  field: "variable",
  operator: "operator",
  regex: "regexp",
  comment: "comment",
  function: "function",
};

const legendTypes = [...new Set(TOKEN_TYPES.map((t) => LSP_TYPES[t]))];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: legendTypes, tokenModifiers: [] };

const typeIndex = new Map<TokenType, number>(TOKEN_TYPES.map((t) => [t, legendTypes.indexOf(LSP_TYPES[t])]));

export function onSemanticTokensFull(context: ServerContext, params: SemanticTokensParams): SemanticTokens {
  const entry = parsed(context, params.textDocument.uri);
  if (!entry) return { data: [] };
  const { lines } = entry;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const emit = (line: number, character: number, length: number, type: number) => {
    if (length <= 0) return;
    data.push(line - prevLine, line === prevLine ? character - prevChar : character, length, type, 0);
    prevLine = line;
    prevChar = character;
  };
  for (const token of findSemanticTokens(entry.parse.config, entry.text)) {
    const type = typeIndex.get(token.type)!;
    const start = lines.positionAt(token.offset);
    const endOffset = token.offset + token.length;
    // Clients need not support multi-line tokens, so a multi-line string is sent one line at a time.
    for (let line = start.line; ; line++) {
      const from = line === start.line ? token.offset : lines.lineStart(line);
      const to = Math.min(endOffset, lines.lineEnd(line));
      emit(line, from - lines.lineStart(line), to - from, type);
      if (endOffset <= lines.lineEnd(line) || line + 1 >= lines.lineCount) break;
    }
  }
  return { data };
}
