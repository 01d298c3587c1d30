/** The query page's strings, translated here (the page cannot call vscode.l10n) and sent with `init`. */
import * as vscode from "vscode";

export function queryPageStrings(): Record<string, string> {
  return {
    "Query string": vscode.l10n.t("Query string"),
    "Query DSL (JSON)": vscode.l10n.t("Query DSL (JSON)"),
    "ES|QL": vscode.l10n.t("ES|QL"),
    Run: vscode.l10n.t("Run"),
    Documents: vscode.l10n.t("Documents"),
    Mapping: vscode.l10n.t("Mapping"),
    "Pipeline vs mapping": vscode.l10n.t("Pipeline vs mapping"),
    "{0} documents": vscode.l10n.t("{0} documents"),
    "per {0}": vscode.l10n.t("per {0}"),
    Time: vscode.l10n.t("Time"),
    Index: vscode.l10n.t("Index"),
    Document: vscode.l10n.t("Document"),
    "Running…": vscode.l10n.t("Running…"),
    "No findings: every field the pipeline writes is in the mapping with a compatible type.": vscode.l10n.t("No findings: every field the pipeline writes is in the mapping with a compatible type."),
    "type conflict": vscode.l10n.t("type conflict"),
    "never arrived": vscode.l10n.t("never arrived"),
    "loses precision": vscode.l10n.t("loses precision"),
    "Newest documents": vscode.l10n.t("Newest documents"),
    "Size": vscode.l10n.t("Size"),
  };
}
