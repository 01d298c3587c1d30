/**
 * `logsmith.saveAsTestCase(uri, lines)`: the preview panel passes the pipeline and its sample lines;
 * the language server runs them and returns the test file with a new case whose `expected` is the
 * current output. The file is `<name>.test.yaml` beside the pipeline (or the .yml/.json one already
 * there), edited through a WorkspaceEdit so it can be undone.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { SaveTestCaseRequest } from "../../../server/src/protocol";

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The pipeline's test file: an existing `<name>.test.{yaml,yml,json}`, else a new `.yaml`. */
export async function testFileFor(pipeline: vscode.Uri): Promise<vscode.Uri> {
  const stem = pipeline.path.replace(/\.conf$/i, "");
  for (const ext of ["yaml", "yml", "json"]) {
    const candidate = pipeline.with({ path: `${stem}.test.${ext}` });
    if (await exists(candidate)) return candidate;
  }
  return pipeline.with({ path: `${stem}.test.yaml` });
}

export async function saveAsTestCase(client: LanguageClient | undefined, uri?: vscode.Uri, lines?: string[]): Promise<vscode.Uri | undefined> {
  const pipeline = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!client || !pipeline || pipeline.scheme !== "file") {
    void vscode.window.showErrorMessage(vscode.l10n.t("Open a saved pipeline file to save a test case for it."));
    return undefined;
  }
  let samples = lines;
  if (!samples) {
    // From the command palette: one sample line typed in.
    const typed = await vscode.window.showInputBox({ prompt: vscode.l10n.t("Sample log line for the new test case") });
    if (typed === undefined) return undefined;
    samples = [typed];
  }
  const testUri = await testFileFor(pipeline);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === testUri.toString());
  const testText = open?.getText() ?? ((await exists(testUri)) ? new TextDecoder().decode(await vscode.workspace.fs.readFile(testUri)) : undefined);
  let saved: { text: string; index: number; warning?: string };
  try {
    saved = await client.sendRequest(SaveTestCaseRequest, { pipeline: pipeline.toString(), lines: samples, testUri: testUri.toString(), testText });
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Could not save the test case: {0}", error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  if (testText === undefined) edit.createFile(testUri, { ignoreIfExists: true });
  const end = testText === undefined ? new vscode.Position(0, 0) : (open ?? (await vscode.workspace.openTextDocument(testUri))).positionAt(testText.length);
  edit.replace(testUri, new vscode.Range(new vscode.Position(0, 0), end), saved.text);
  await vscode.workspace.applyEdit(edit);
  const doc = await vscode.workspace.openTextDocument(testUri);
  await doc.save();
  await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  if (saved.warning) void vscode.window.showWarningMessage(vscode.l10n.t("Saved, but the case will be skipped: {0}", saved.warning));
  return testUri;
}
