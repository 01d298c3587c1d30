/** Completion over LSP: the core's items with snippets, ranges and ranking. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from "vscode-languageserver";
import { getCatalog } from "../core/catalog/catalog";
import { doComplete, type CompletionKind } from "../core/completion";
import { parsed, type ServerContext } from "./context";
import { toOffset, toRange } from "./convert";
import { grokPatternsFor } from "./grokPatterns";
import { patternsPathTexts } from "./grokPatternsPath";

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  plugin: CompletionItemKind.Module,
  option: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  codec: CompletionItemKind.Module,
  pattern: CompletionItemKind.Constant,
  field: CompletionItemKind.Field,
  snippet: CompletionItemKind.Snippet,
};

export async function onCompletion(context: ServerContext, params: CompletionParams): Promise<CompletionList | undefined> {
  const doc = parsed(context, params.textDocument.uri);
  if (!doc) return undefined;
  const settings = await context.settings.get(doc.uri);
  const catalog = getCatalog(settings.logstashVersion, settings.plugins.installed);
  const offset = toOffset(doc.lines, params.position);
  const items = doComplete(doc.parse, offset, { catalog, grokPatterns: () => grokPatternsFor(doc.parse, offset, settings.logstashVersion, patternsPathTexts(context, doc.uri, settings)) });
  return {
    isIncomplete: false,
    items: items.map(
      (i): CompletionItem => ({
        label: i.label,
        kind: KINDS[i.kind],
        detail: i.detail,
        documentation: i.documentation ? { kind: MarkupKind.Markdown, value: i.documentation } : undefined,
        sortText: i.sortText,
        tags: i.deprecated ? [1] : undefined,
        insertTextFormat: i.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: toRange(doc.lines, i.replace), newText: i.insertText },
      }),
    ),
  };
}
