import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { ParseCache, ParsedDocument } from "./parseCache";
import type { SettingsStore } from "./settings";

/** What every handler needs; built once by `startServer`. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: ParseCache;
  settings: SettingsStore;
}

/** The parsed document for a URI the client has open, or undefined for an unknown URI. */
export function parsed(context: ServerContext, uri: string): ParsedDocument | undefined {
  const document = context.documents.get(uri);
  return document ? context.cache.get(document) : undefined;
}
