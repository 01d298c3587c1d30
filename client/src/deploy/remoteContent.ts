/** Read-only documents holding a host's current file, the left side of the deploy diff editor. */
import * as vscode from "vscode";

export const REMOTE_SCHEME = "logsmith-remote";

export class RemoteContentProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private counter = 0;

  /** A fresh URI per deploy, so an open diff of an earlier deploy is not reused with stale text. */
  put(target: string, fileName: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REMOTE_SCHEME, path: `/${target}/${fileName}`, query: String(++this.counter) });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }
}
