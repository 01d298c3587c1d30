import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { ParseCache, ParsedDocument } from "./parseCache";
import type { SettingsStore } from "./settings";
import { isPipelinesYmlUri, type WorkspaceIndex } from "./workspaceIndex";

/** What every handler needs; built once by `startServer`. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: ParseCache;
  settings: SettingsStore;
  /** Pipelines across the workspace (pipelines.yml, pipeline-to-pipeline links); set once initialized. */
  workspace?: WorkspaceIndex;
}

/** The parsed document for a URI the client has open, or undefined for an unknown URI. */
export function parsed(context: ServerContext, uri: string): ParsedDocument | undefined {
  const document = context.documents.get(uri);
  // pipelines.yml documents are YAML: only lsp/pipelinesYml.ts serves them.
  return document && !isPipelinesYmlUri(uri) ? context.cache.get(document) : undefined;
}
