/**
 * Pipeline tests in the editor: the Test Explorer controller and the save-as-test-case command.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { Commands } from "../../../server/src/protocol";
import { PipelineTestController } from "./controller";
import { saveAsTestCase } from "./saveAsTestCase";

/** One call from `activate`; `client` is read lazily because the language server starts after registration. */
export function registerPipelineTests(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): PipelineTestController {
  const controller = new PipelineTestController(client);
  context.subscriptions.push(
    controller,
    vscode.commands.registerCommand(Commands.saveAsTestCase, async (uri?: vscode.Uri | string, lines?: string[]) => {
      const target = typeof uri === "string" ? vscode.Uri.parse(uri) : uri;
      const saved = await saveAsTestCase(client(), target, lines);
      if (saved) await controller.refresh(saved);
      return saved?.toString();
    }),
  );
  return controller;
}
