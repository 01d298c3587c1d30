import { MarkupKind, type Hover, type HoverParams } from "vscode-languageserver";
import { getCatalog } from "../core/catalog/catalog";
import { doHover } from "../core/hover";
import { parsed, type ServerContext } from "./context";
import { toOffset, toRange } from "./convert";
import { grokPatternsFor } from "./grokPatterns";
import { patternsPathTexts } from "./grokPatternsPath";

export async function onHover(context: ServerContext, params: HoverParams): Promise<Hover | undefined> {
  const doc = parsed(context, params.textDocument.uri);
  if (!doc) return undefined;
  const settings = await context.settings.get(doc.uri);
  const offset = toOffset(doc.lines, params.position);
  const hover = doHover(doc.parse, offset, {
    catalog: getCatalog(settings.logstashVersion, settings.plugins.installed),
    grokPatterns: () => grokPatternsFor(doc.parse, offset, settings.logstashVersion, patternsPathTexts(context, doc.uri, settings)),
    lineOf: (o) => doc.lines.positionAt(o).line + 1,
  });
  if (!hover) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: toRange(doc.lines, hover.range) };
}
