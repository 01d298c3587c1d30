/**
 * What every Logsmith webview page starts from: a fresh nonce, the URIs of its bundled assets
 * (dist/webview/), and a strict Content-Security-Policy that runs only scripts carrying that nonce.
 */
import * as vscode from "vscode";

export interface WebviewPage {
  nonce: string;
  /** A file of dist/webview/ as the webview may load it. */
  asset(name: string): string;
  /** Nothing by default; styles from the extension (and inline), fonts and images where asked. */
  csp: string;
}

export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, allow: { fonts?: boolean; images?: boolean } = {}): WebviewPage {
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
  const csp = [
    `default-src 'none'`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    ...(allow.fonts ? [`font-src ${webview.cspSource}`] : []),
    ...(allow.images ? [`img-src ${webview.cspSource} data:`] : []),
    `script-src 'nonce-${nonce}'`,
  ].join("; ");
  return {
    nonce,
    asset: (name) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview", name)).toString(),
    csp,
  };
}
