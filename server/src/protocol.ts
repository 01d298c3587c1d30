/**
 * Everything the client and the server agree on by name: the language id, the settings section, the
 * commands, and custom LSP messages. Both sides import this file; nothing here is declared twice.
 */

/** Language id contributed in package.json. */
export const LANGUAGE_ID = "logstash";

/** Prefix of every setting (`logsmith.format.enable`, …); mirrored by `LogsmithSettings` in lsp/settings.ts. */
export const SETTINGS_SECTION = "logsmith";

/** Command ids contributed in package.json. */
export const Commands = {
  /** Client-only: switches the active editor's document to the Logstash language. */
  setLanguage: "logsmith.setLanguage",
  /** Client-only: opens an unsaved sample pipeline (the walkthrough's first step). */
  openSample: "logsmith.openSample",
} as const;

/*
 * Custom requests and notifications. None yet: every feature so far is standard LSP. Declare new ones
 * here as `new RequestType<Params, Result, void>("logsmith/…")` from vscode-languageserver-protocol, with
 * a one-line note on which side sends it.
 */
