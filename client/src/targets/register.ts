/**
 * Wires targets and deploy into the extension: the Targets view, the status bar's active target, and the
 * commands (all disabled in untrusted workspaces by the manifest and re-checked here).
 */
import * as vscode from "vscode";
import type { PluginCache } from "../../../server/src/remote/deploy";
import { deployCommand, rollbackCommand, type DeployContext } from "../deploy/deployCommand";
import { loadDeploy } from "../deploy/lazy";
import { RemoteContentProvider, REMOTE_SCHEME } from "../deploy/remoteContent";
import { addTarget, chooseActive, editTarget, removeTarget, setPassword, testTarget } from "./commands";
import { readTargetsSetting, secretStorageSource } from "./config";
import { TargetsState } from "./state";
import { requireTrust } from "./trust";
import { TargetsTreeProvider } from "./treeView";

export const TargetCommands = {
  add: "logsmith.targets.add",
  edit: "logsmith.targets.edit",
  test: "logsmith.targets.test",
  remove: "logsmith.targets.remove",
  setPassword: "logsmith.targets.setPassword",
  setActive: "logsmith.targets.setActive",
  refresh: "logsmith.targets.refresh",
  deploy: "logsmith.deploy",
  rollback: "logsmith.rollback",
} as const;

export const TARGETS_VIEW = "logsmith.targetsView";

export function registerTargets(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): DeployContext {
  const state = new TargetsState(context.workspaceState);
  const tree = new TargetsTreeProvider(state);
  const remote = new RemoteContentProvider();
  let pluginCache: Promise<PluginCache> | undefined;
  const ctx: DeployContext = {
    state,
    secrets: secretStorageSource(context.secrets),
    storage: context.secrets,
    plugins: () => (pluginCache ??= loadDeploy().then((m) => new m.PluginCache())),
    log,
    diagnostics: vscode.languages.createDiagnosticCollection("logsmith-deploy"),
    remote,
  };
  const view = vscode.window.createTreeView(TARGETS_VIEW, { treeDataProvider: tree, showCollapseAll: false });
  const status = vscode.window.createStatusBarItem("logsmith.activeTarget", vscode.StatusBarAlignment.Left, 50);
  status.name = vscode.l10n.t("Logsmith active target");
  status.command = TargetCommands.setActive;
  const updateStatus = (): void => {
    const { targets } = readTargetsSetting();
    const active = targets.find((t) => t.name === state.active);
    view.message = vscode.workspace.isTrusted ? undefined : vscode.l10n.t("Targets are disabled until you trust this workspace.");
    if (targets.length === 0) {
      status.hide();
      return;
    }
    status.text = `$(server) ${active?.name ?? vscode.l10n.t("no target")}`;
    status.tooltip = active ? vscode.l10n.t("Active Logsmith target: {0} (click to change)", active.name) : vscode.l10n.t("Choose the active Logsmith target");
    status.show();
  };
  updateStatus();

  // Every command checks trust at run time as well: `enablement` does not stop executeCommand calls.
  const guarded = (id: string, run: (...args: unknown[]) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => (requireTrust() ? run(...args) : undefined));
  context.subscriptions.push(
    state,
    tree,
    view,
    status,
    ctx.diagnostics,
    vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, remote),
    state.onDidChange(updateStatus),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("logsmith.targets")) {
        tree.refresh();
        updateStatus();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      tree.refresh();
      updateStatus();
    }),
    guarded(TargetCommands.add, () => addTarget(ctx)),
    guarded(TargetCommands.edit, (item) => editTarget(ctx, item)),
    guarded(TargetCommands.test, (item) => testTarget(ctx, item)),
    guarded(TargetCommands.remove, (item) => removeTarget(ctx, item)),
    guarded(TargetCommands.setPassword, (item) => setPassword(ctx, item)),
    guarded(TargetCommands.setActive, (item) => chooseActive(ctx, item)),
    guarded(TargetCommands.refresh, () => tree.refresh()),
    guarded(TargetCommands.deploy, (uri) => deployCommand(ctx, uri instanceof vscode.Uri ? uri : undefined)),
    guarded(TargetCommands.rollback, (uri) => rollbackCommand(ctx, uri instanceof vscode.Uri ? uri : undefined)),
  );
  return ctx;
}
