/**
 * First contact with a host: show the key's SHA256 fingerprint and ask. Nothing is accepted silently; on
 * "Trust" the key is appended to known_hosts by the session, so the next connection does not ask.
 */
import * as vscode from "vscode";
import type { HostKeyPolicy, UnknownHostKey } from "../../../server/src/remote/deploy";

export const askingHostKeyPolicy: HostKeyPolicy = {
  async confirmUnknown(key: UnknownHostKey): Promise<boolean> {
    const trust = vscode.l10n.t("Trust and Connect");
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t("The host key of {0} ({1}:{2}) is not known.", key.target, key.host, String(key.port)),
      {
        modal: true,
        detail: vscode.l10n.t(
          "{0} key fingerprint: {1}\n\nCompare it with the fingerprint the host's administrator gives you (ssh-keygen -lf /etc/ssh/ssh_host_{2}_key.pub). If you trust it, it is added to {3}.",
          key.keyType,
          key.fingerprint,
          key.keyType.replace(/^ssh-/, "").replace(/^ecdsa-sha2-nistp\d+$/, "ecdsa"),
          key.knownHostsPath,
        ),
      },
      trust,
    );
    return answer === trust;
  },
};
