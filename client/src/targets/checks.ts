/** "Test connection" for every target kind; each kind's check lives beside its client in server/src/remote/. */
import type { ConnectionCheck, SecretSource } from "../../../server/src/remote/secrets";
import type { Target } from "../../../server/src/remote/targets";
import { checkLogstash, type PluginCache } from "../../../server/src/remote/deploy";
import { askingHostKeyPolicy } from "../deploy/hostKeys";
import * as vscode from "vscode";

export async function checkTarget(target: Target, secrets: SecretSource, plugins: PluginCache): Promise<ConnectionCheck> {
  switch (target.kind) {
    case "logstash":
      // A test is also the way to make the next deploy ask the host for its plugins again.
      plugins.clear(target.name);
      return checkLogstash(target, { secrets, hostKeys: askingHostKeyPolicy });
    default:
      return { ok: false, message: vscode.l10n.t("testing {0} targets is not available in this build", target.kind) };
  }
}
