/**
 * Code lenses: each provider turns a parsed document into lenses; add a provider to the list to add lenses.
 */
import type { CodeLens, CodeLensParams } from "vscode-languageserver";
import { parsed, type ServerContext } from "./context";
import type { ParsedDocument } from "./parseCache";
import { previewCodeLenses } from "./preview";
import { remoteCodeLenses } from "./remoteLenses";

export type CodeLensProvider = (document: ParsedDocument, context: ServerContext) => CodeLens[];

/** In the order their lenses appear on one line. */
export const codeLensProviders: CodeLensProvider[] = [previewCodeLenses, remoteCodeLenses];

export function onCodeLens(context: ServerContext, params: CodeLensParams): CodeLens[] {
  const document = parsed(context, params.textDocument.uri);
  if (!document) return [];
  return codeLensProviders.flatMap((provide) => provide(document, context));
}
