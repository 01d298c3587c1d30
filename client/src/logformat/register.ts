/**
 * Log formats in the client: the document selector entries that send httpd configs and Tomcat's
 * server.xml/context.xml to the server, and the `logsmith.generatePipeline` command that writes the generated
 * pipeline beside the format's file and opens it.
 */
import * as vscode from "vscode";
import type { DocumentFilter, LanguageClient } from "vscode-languageclient/node";
import { Commands, GeneratePipelineRequest, type GeneratePipelineParams } from "../../../server/src/protocol";

/** httpd configs (our `apacheconf` language) and the XML files that carry Tomcat's AccessLogValve. */
export const LOG_FORMAT_SELECTOR: DocumentFilter[] = [
  { language: "apacheconf", scheme: "file" },
  { language: "apacheconf", scheme: "untitled" },
  { language: "xml", pattern: "**/{server,context}.xml" },
  // log4j 1 and 2 configurations, whatever language the editor gives .properties files.
  { pattern: "**/log4j*.{properties,xml}" },
  { pattern: "**/log4j2*.{yaml,yml,json}" },
];

async function freeUri(dir: vscode.Uri, name: string): Promise<vscode.Uri> {
  const dot = name.lastIndexOf(".");
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(dir, n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

export function registerLogFormats(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.generatePipeline, async (params?: GeneratePipelineParams) => {
      const editor = vscode.window.activeTextEditor;
      const args = params ?? (editor ? { uri: editor.document.uri.toString(), offset: editor.document.offsetAt(editor.selection.active) } : undefined);
      const c = client();
      if (!args || !c) return;
      const result = await c.sendRequest(GeneratePipelineRequest, args);
      if (!result) {
        void vscode.window.showInformationMessage(vscode.l10n.t("No log format (LogFormat, AccessLogValve pattern, log4j layout) here to generate a pipeline from."));
        return;
      }
      const source = vscode.Uri.parse(args.uri);
      const dir = source.scheme === "file" ? vscode.Uri.joinPath(source, "..") : vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!dir) {
        const doc = await vscode.workspace.openTextDocument({ language: "logstash", content: result.text });
        await vscode.window.showTextDocument(doc);
        return;
      }
      const target = await freeUri(dir, result.name);
      await vscode.workspace.fs.writeFile(target, Buffer.from(result.text, "utf8"));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
    }),
  );
}
