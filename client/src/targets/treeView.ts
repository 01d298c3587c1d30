/** The Targets view: every target of `logsmith.targets` with its connection state. */
import * as vscode from "vscode";
import type { Target } from "../../../server/src/remote/targets";
import { readTargetsSetting } from "./config";
import type { TargetsState } from "./state";

export class TargetItem extends vscode.TreeItem {
  constructor(
    readonly target: Target,
    state: TargetsState,
  ) {
    super(target.name, vscode.TreeItemCollapsibleState.None);
    this.description = describeTarget(target);
    this.contextValue = `logsmithTarget.${target.kind}`;
    const connection = state.connection(target.name);
    const active = state.active === target.name;
    const kindLabel = target.kind === "logstash" ? vscode.l10n.t("Logstash host") : target.kind === "elasticsearch" ? vscode.l10n.t("Elasticsearch cluster") : vscode.l10n.t("Redis broker");
    let stateText: string;
    if (connection.kind === "checking") {
      this.iconPath = new vscode.ThemeIcon("sync~spin");
      stateText = vscode.l10n.t("testing the connection…");
    } else if (connection.kind === "checked") {
      this.iconPath = new vscode.ThemeIcon(connection.ok ? "pass" : "error", new vscode.ThemeColor(connection.ok ? "testing.iconPassed" : "testing.iconFailed"));
      stateText = connection.message;
    } else {
      this.iconPath = new vscode.ThemeIcon(target.kind === "logstash" ? "server" : target.kind === "elasticsearch" ? "database" : "layers");
      stateText = vscode.l10n.t("connection not tested yet");
    }
    this.tooltip = new vscode.MarkdownString(`**${target.name}** (${kindLabel}${active ? `, ${vscode.l10n.t("active")}` : ""})\n\n${this.description}\n\n${stateText}`);
    if (active) this.description = `${this.description} ★`;
    this.accessibilityInformation = { label: `${target.name}, ${kindLabel}, ${stateText}` };
  }
}

export function describeTarget(target: Target): string {
  if (target.kind === "logstash") return `${target.user}@${target.host}${target.port && target.port !== 22 ? `:${target.port}` : ""}:${target.pipelineDir}`;
  if (target.kind === "elasticsearch") return target.nodes.join(", ");
  return `${target.host}:${target.port ?? 6379}${target.db ? `/${target.db}` : ""}`;
}

class MessageItem extends vscode.TreeItem {
  constructor(message: string) {
    super(message, vscode.TreeItemCollapsibleState.None);
    this.iconPath = new vscode.ThemeIcon("warning");
    this.command = { command: "workbench.action.openWorkspaceSettingsFile", title: vscode.l10n.t("Open settings") };
  }
}

export class TargetsTreeProvider implements vscode.TreeDataProvider<vscode.TreeItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly state: TargetsState) {
    state.onDidChange(() => this.changed.fire());
  }

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(item?: vscode.TreeItem): vscode.TreeItem[] {
    if (item) return [];
    const { targets, error } = readTargetsSetting();
    const items: vscode.TreeItem[] = targets.map((t) => new TargetItem(t, this.state));
    if (error) items.unshift(new MessageItem(vscode.l10n.t("logsmith.targets is not valid: {0}", error)));
    return items;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
