/**
 * "Deploy to Centralized Pipeline Management": stores the open pipeline as `PUT _logstash/pipeline/<id>`
 * on an Elasticsearch target, for Logstash instances that read their pipelines from there. The only
 * command of this feature that writes to a cluster, and it asks first.
 */
import { basename } from "node:path";
import * as vscode from "vscode";
import type { SecretSource } from "../../../server/src/remote/secrets";
import type { ElasticsearchTarget } from "../../../server/src/remote/targets";
import { readTargetsSetting } from "../targets/config";
import { requireTrust } from "../targets/trust";

const loadElasticsearch = () => import("../../../server/src/remote/elasticsearch");

export async function centralDeployCommand(secrets: SecretSource, log: vscode.LogOutputChannel): Promise<void> {
  if (!requireTrust()) return;
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "logstash") {
    void vscode.window.showWarningMessage(vscode.l10n.t("Open a Logstash pipeline first."));
    return;
  }
  const targets = readTargetsSetting().targets.filter((t): t is ElasticsearchTarget => t.kind === "elasticsearch");
  if (!targets.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t("No Elasticsearch targets yet: add one in the Logsmith Targets view."));
    return;
  }
  const picked = targets.length === 1 ? targets[0] : (await vscode.window.showQuickPick(targets.map((t) => ({ label: t.name, description: t.nodes.join(", "), target: t })), { placeHolder: vscode.l10n.t("Choose a target") }))?.target;
  if (!picked) return;
  const es = await loadElasticsearch();
  const suggested = basename(editor.document.uri.path).replace(/\.conf$/, "").replace(/[^A-Za-z0-9_-]/g, "_");
  const id = await vscode.window.showInputBox({
    prompt: vscode.l10n.t("Pipeline id in centralized pipeline management"),
    value: /^[A-Za-z_]/.test(suggested) ? suggested : `_${suggested}`,
    validateInput: (v) => (es.validPipelineId(v) ? undefined : vscode.l10n.t("letters, digits, _ and -, starting with a letter or _")),
  });
  if (!id) return;
  const store = vscode.l10n.t("Store");
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t("Store this file as pipeline {0} in the centralized pipeline management of {1}? Logstash instances that manage {0} switch to it.", id, picked.name),
    { modal: true },
    store,
  );
  if (answer !== store) return;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Storing pipeline {0} on {1}", id, picked.name) }, async () => {
    let conn;
    try {
      conn = await es.connectElasticsearch(picked, secrets);
      const { created } = await es.deployCentralPipeline(conn, { id, pipeline: editor.document.getText() });
      void vscode.window.showInformationMessage(created ? vscode.l10n.t("Created pipeline {0} on {1}.", id, picked.name) : vscode.l10n.t("Updated pipeline {0} on {1}.", id, picked.name));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn(`central deploy ${id} to ${picked.name}: ${message}`);
      void vscode.window.showErrorMessage(message);
    } finally {
      await conn?.close();
    }
  });
}
