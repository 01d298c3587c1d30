/**
 * Deploy and connection commands run only in trusted workspaces: a workspace's settings choose the hosts,
 * commands and key files, so an untrusted folder must not be able to point them anywhere. The manifest
 * disables the commands too (`enablement`); this covers calls from other extensions and keybindings.
 */
import * as vscode from "vscode";

export function requireTrust(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showErrorMessage(vscode.l10n.t("Logsmith does not connect to or deploy from an untrusted workspace. Trust the workspace first."));
  return false;
}
