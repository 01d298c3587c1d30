/**
 * The preview page's strings, translated here (the page cannot call vscode.l10n) and sent with `init`.
 * Keys are the English texts the page asks for; keep both lists in step with client/webview/preview.
 */
import * as vscode from "vscode";

export function webviewStrings(): Record<string, string> {
  return {
    "From file…": vscode.l10n.t("From file…"),
    "From selection": vscode.l10n.t("From selection"),
    "Grok patterns…": vscode.l10n.t("Grok patterns…"),
    "Save as test case": vscode.l10n.t("Save as test case"),
    "Sample lines (one event per line)": vscode.l10n.t("Sample lines (one event per line)"),
    "Type or paste log lines here": vscode.l10n.t("Type or paste log lines here"),
    "No fields changed": vscode.l10n.t("No fields changed"),
    added: vscode.l10n.t("added"),
    removed: vscode.l10n.t("removed"),
    changed: vscode.l10n.t("changed"),
    Field: vscode.l10n.t("Field"),
    Value: vscode.l10n.t("Value"),
    "pattern {0} matched": vscode.l10n.t("pattern {0} matched"),
    "pattern {0} matched on {1}": vscode.l10n.t("pattern {0} matched on {1}"),
    "This pattern has a top-level | or a single element: no partial match to show": vscode.l10n.t(
      "This pattern has a top-level | or a single element: no partial match to show",
    ),
    "first element that does not match": vscode.l10n.t("first element that does not match"),
    "{0} of {1} elements matched; matching stopped at column {2}": vscode.l10n.t("{0} of {1} elements matched; matching stopped at column {2}"),
    "Not even the first element matched": vscode.l10n.t("Not even the first element matched"),
    "Pattern {0}": vscode.l10n.t("Pattern {0}"),
    "timed out": vscode.l10n.t("timed out"),
    "no match": vscode.l10n.t("no match"),
    found: vscode.l10n.t("found"),
    "Tags: {0}": vscode.l10n.t("Tags: {0}"),
    "{0} #{1} of event {2}": vscode.l10n.t("{0} #{1} of event {2}"),
    "dropped by {0}": vscode.l10n.t("dropped by {0}"),
    dropped: vscode.l10n.t("dropped"),
    "reaches the outputs": vscode.l10n.t("reaches the outputs"),
    applied: vscode.l10n.t("applied"),
    failed: vscode.l10n.t("failed"),
    skipped: vscode.l10n.t("skipped"),
    "Event at the outputs": vscode.l10n.t("Event at the outputs"),
    "{0} ms": vscode.l10n.t("{0} ms"),
    "Nothing to preview": vscode.l10n.t("Nothing to preview"),
    "{0} of {1} lines matched": vscode.l10n.t("{0} of {1} lines matched"),
    "pattern set {0}": vscode.l10n.t("pattern set {0}"),
    "{0} of {1} addresses found": vscode.l10n.t("{0} of {1} addresses found"),
    "{0} events in, {1} out, {2} dropped": vscode.l10n.t("{0} events in, {1} out, {2} dropped"),
    "Skipped filters": vscode.l10n.t("Skipped filters"),
    "{0} more not shown": vscode.l10n.t("{0} more not shown"),
    "first {0} of {1} lines; the rest follow": vscode.l10n.t("first {0} of {1} lines; the rest follow"),
  };
}
