/**
 * Switches documents that VS Code opened as plain text (or as another extension's `.conf` language) to
 * Logstash when their content or location says they are pipelines. The rules live in `sniff.ts`.
 */
import * as vscode from "vscode";
import { LANGUAGE_ID } from "../../server/src/protocol";
import { isLogstashDocument, pipelineMarkerCandidates } from "./sniff";

/** Language ids other extensions give `.conf` files; we only look at documents with one of these. */
const CANDIDATE_LANGUAGES = new Set(["plaintext", "properties", "ini", "conf", "nginx", "apacheconf", "shellscript"]);

export function registerLanguageDetection(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  /** Documents we switched once: if the user switches one back, it stays as they chose. */
  const switched = new Set<string>();

  const consider = async (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    if (document.languageId === LANGUAGE_ID || switched.has(key)) return;
    if (document.uri.scheme !== "file" && document.uri.scheme !== "untitled") return;
    const isConf = /\.conf$/i.test(document.uri.path);
    if (document.languageId !== "plaintext" && !(isConf && CANDIDATE_LANGUAGES.has(document.languageId))) return;
    const path = document.uri.scheme === "file" ? document.uri.fsPath : document.uri.path;
    const hasPipelineMarker = document.uri.scheme === "file" && (await anyExists(pipelineMarkerCandidates(path)));
    if (!isLogstashDocument({ path, text: document.getText(), hasPipelineMarker })) return;
    switched.add(key);
    log.info(vscode.l10n.t("Treating {0} (opened as {1}) as a Logstash pipeline", path, document.languageId));
    try {
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    } catch (error) {
      log.warn(vscode.l10n.t("Could not switch {0} to Logstash: {1}", path, String(error)));
    }
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void consider(d)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      // Changing a language closes and reopens the document; forget only when it really goes away.
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((o) => o.uri.toString() === d.uri.toString())) switched.delete(d.uri.toString());
      }, 1000);
    }),
  );
  for (const document of vscode.workspace.textDocuments) void consider(document);
}

async function anyExists(paths: string[]): Promise<boolean> {
  for (const path of paths) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.file(path));
      return true;
    } catch {
      // Not there; try the next one.
    }
  }
  return false;
}

/** `logsmith.setLanguage`: from the editor (no argument) or the explorer context menu (a URI). */
export async function setLanguageCommand(log: vscode.LogOutputChannel, uri?: vscode.Uri): Promise<void> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Open a file to treat it as a Logstash pipeline."));
    return;
  }
  await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  log.info(vscode.l10n.t("Set {0} to Logstash on request", document.uri.toString(true)));
}
