/**
 * Localisation of user-facing text. The core runs in the language server and the CLI, not in the
 * extension host, so it uses `@vscode/l10n`, whose bundle the host configures (see `configureL10n`).
 *
 * Every message is a string literal passed to `t()`, or marked with `localizable()` where it is
 * looked up later, so `scripts/l10n-export.mjs` can find it for `l10n/bundle.l10n.json`.
 */
import * as l10n from "@vscode/l10n";

export const t: typeof l10n.t = l10n.t;

/**
 * Marks a message kept in a table or passed along before it is translated with `t(message, ...args)`;
 * returns it unchanged.
 */
export function localizable<T extends string>(message: T): T {
  return message;
}

/** Loads the translation bundle at `fsPath` (a `bundle.l10n.<locale>.json`); English needs none. */
export function configureL10n(fsPath: string | undefined): void {
  if (fsPath) l10n.config({ fsPath });
  configuredBundle = fsPath;
}

let configuredBundle: string | undefined;

/** The bundle `configureL10n` loaded, so worker threads can load the same one. */
export function configuredL10nBundle(): string | undefined {
  return configuredBundle;
}
