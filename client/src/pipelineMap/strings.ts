/** The page's text, translated on the extension side (the page has no l10n of its own). */
import * as vscode from "vscode";

export function pipelineMapStrings(): Record<string, string> {
  return {
    exportSvg: vscode.l10n.t("Export SVG"),
    refresh: vscode.l10n.t("Refresh"),
    fit: vscode.l10n.t("Fit to window"),
    empty: vscode.l10n.t("No pipelines found: open a pipeline file, a conf.d folder or a workspace with pipelines.yml"),
    errors: vscode.l10n.t("{0} errors"),
    warnings: vscode.l10n.t("{0} warnings"),
    openHint: vscode.l10n.t("Click a node to open its code"),
    else: vscode.l10n.t("else"),
  };
}
