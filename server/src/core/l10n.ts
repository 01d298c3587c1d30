/**
 * Localisation of user-facing text. The core runs in the language server and the CLI, not in the
 * extension host, so it uses `@vscode/l10n`, whose bundle the host configures (see `configureL10n`).
 */
import * as l10n from "@vscode/l10n";

export const t: typeof l10n.t = l10n.t;

/** Loads the translation bundle at `fsPath` (a `bundle.l10n.<locale>.json`); English needs none. */
export function configureL10n(fsPath: string | undefined): void {
  if (fsPath) l10n.config({ fsPath });
}
