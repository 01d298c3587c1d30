/**
 * `logsmith.deploy` and `logsmith.rollback` for the active pipeline file: the targets come from the
 * workspace mapping (`logsmith.deploy.targets`), else from a pick that is then remembered, so the next
 * deploy of that file is one click. The host's file and the local one open in the diff editor before the
 * modal confirmation; Logstash's errors land in the Problems view on the line they name.
 */
import { basename } from "node:path";
import * as vscode from "vscode";
import type { DeployStep, HostPlan, HostResult } from "../../../server/src/remote/deploy";
import type { LogstashTarget } from "../../../server/src/remote/targets";
import { mappedTargets, readTargetsSetting, setMappedTargets } from "../targets/config";
import type { TargetsContext } from "../targets/commands";
import { requireTrust } from "../targets/trust";
import { askingHostKeyPolicy } from "./hostKeys";
import { loadDeploy } from "./lazy";
import type { RemoteContentProvider } from "./remoteContent";

export interface DeployContext extends TargetsContext {
  diagnostics: vscode.DiagnosticCollection;
  remote: RemoteContentProvider;
}

function stepLabel(step: DeployStep | "rollback"): string {
  switch (step) {
    case "connect":
      return vscode.l10n.t("connecting");
    case "plugins":
      return vscode.l10n.t("checking installed plugins");
    case "diff":
      return vscode.l10n.t("reading the current file");
    case "upload":
      return vscode.l10n.t("uploading");
    case "test":
      return vscode.l10n.t("testing the config on the host");
    case "install":
      return vscode.l10n.t("switching to the new file");
    case "reload":
      return vscode.l10n.t("reloading Logstash");
    case "cleanup":
      return vscode.l10n.t("removing the temporary file");
    case "rollback":
      return vscode.l10n.t("restoring the backup");
  }
}

async function pipelineDocument(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Open the pipeline file to deploy first."));
    return undefined;
  }
  if (doc.isUntitled || doc.uri.scheme !== "file") {
    void vscode.window.showErrorMessage(vscode.l10n.t("Save the pipeline first: it is deployed under its file name."));
    return undefined;
  }
  return doc;
}

/** The file's mapped targets; else a pick (the active target preselected), remembered for next time. */
async function targetsFor(ctx: DeployContext, uri: vscode.Uri): Promise<LogstashTarget[] | undefined> {
  const all = readTargetsSetting().targets.filter((t): t is LogstashTarget => t.kind === "logstash");
  const mapped = mappedTargets(uri);
  if (mapped) {
    const missing = mapped.filter((name) => !all.some((t) => t.name === name));
    if (missing.length === 0) return mapped.map((name) => all.find((t) => t.name === name)!);
    void vscode.window.showErrorMessage(vscode.l10n.t("logsmith.deploy.targets names Logstash targets that do not exist: {0}", missing.join(", ")));
    return undefined;
  }
  if (all.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t("No Logstash targets yet: add one in the Logsmith Targets view."));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    all.map((t) => ({ label: t.name, description: `${t.user}@${t.host}:${t.pipelineDir}`, picked: t.name === ctx.state.active, target: t })),
    { canPickMany: true, placeHolder: vscode.l10n.t("Deploy {0} to which hosts? (remembered for this file)", basename(uri.fsPath)) },
  );
  if (!picked || picked.length === 0) return undefined;
  await setMappedTargets(uri, picked.map((p) => p.target.name));
  return picked.map((p) => p.target);
}

function countChanges(diff: string): string {
  const lines = diff.split("\n");
  const added = lines.filter((l) => l.startsWith("+") && !l.startsWith("+++")).length;
  const removed = lines.filter((l) => l.startsWith("-") && !l.startsWith("---")).length;
  return `+${added} −${removed}`;
}

async function confirmPlans(ctx: DeployContext, doc: vscode.TextDocument, plans: HostPlan[]): Promise<boolean> {
  const fileName = basename(doc.uri.fsPath);
  const details: string[] = [];
  for (const plan of plans) {
    for (const file of plan.files) {
      if (!file.diff) {
        details.push(vscode.l10n.t("{0}: unchanged", plan.target.name));
        continue;
      }
      details.push(file.remoteText === undefined ? vscode.l10n.t("{0}: new file {1}", plan.target.name, file.remotePath) : `${plan.target.name}: ${file.remotePath} (${countChanges(file.diff)})`);
      const left = ctx.remote.put(plan.target.name, fileName, file.remoteText ?? "");
      await vscode.commands.executeCommand("vscode.diff", left, doc.uri, vscode.l10n.t("{0}: {1} ↔ local", fileName, plan.target.name), { preview: false });
    }
  }
  const deploy = vscode.l10n.t("Deploy");
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t("Deploy {0} to {1}?", fileName, plans.map((p) => p.target.name).join(", ")),
    { modal: true, detail: details.join("\n") },
    deploy,
  );
  return answer === deploy;
}

function showResults(ctx: DeployContext, action: string, results: HostResult[]): void {
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const r of results) {
    (r.ok ? ctx.log.info : ctx.log.error).call(ctx.log, `${action} ${r.target}: ${r.message}`);
    for (const e of r.errors) {
      const line = Math.max(0, (e.line ?? 1) - 1);
      const column = Math.max(0, (e.column ?? 1) - 1);
      const d = new vscode.Diagnostic(new vscode.Range(line, column, line, Number.MAX_SAFE_INTEGER), `${r.target}: ${e.message}`, vscode.DiagnosticSeverity.Error);
      d.source = "Logsmith deploy";
      byFile.set(e.file, [...(byFile.get(e.file) ?? []), d]);
      ctx.log.error(`  ${e.file}:${e.line ?? "?"}:${e.column ?? "?"} ${e.message}`);
    }
    for (const l of r.leftovers) ctx.log.warn(vscode.l10n.t("{0}: temporary file left on the host: {1}", r.target, l));
  }
  for (const [file, diagnostics] of byFile) ctx.diagnostics.set(vscode.Uri.file(file), diagnostics);
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) {
    void vscode.window.showInformationMessage(results.map((r) => r.message).join(" · "));
    return;
  }
  const output = vscode.l10n.t("Show Output");
  void vscode.window.showErrorMessage(failed.map((r) => r.message).join(" · "), output).then((a) => a === output && ctx.log.show(true));
}

export async function deployCommand(ctx: DeployContext, uri?: vscode.Uri): Promise<HostResult[] | undefined> {
  if (!requireTrust()) return undefined;
  const doc = await pipelineDocument(uri);
  if (!doc) return undefined;
  const targets = await targetsFor(ctx, doc.uri);
  if (!targets) return undefined;
  ctx.diagnostics.delete(doc.uri);
  const { deployPipelines } = await loadDeploy();
  const plugins = await ctx.plugins();
  const fileName = basename(doc.uri.fsPath);
  const results = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Deploying {0}", fileName), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return deployPipelines(targets, [{ path: doc.uri.fsPath, text: doc.getText() }], {
        secrets: ctx.secrets,
        hostKeys: askingHostKeyPolicy,
        plugins,
        signal: controller.signal,
        progress: (target, step, detail) => progress.report({ message: `${target}: ${stepLabel(step)}${detail ? ` (${detail})` : ""}` }),
        confirm: (plans) => confirmPlans(ctx, doc, plans),
      });
    },
  );
  // Answering "no" to the confirmation is not a failure to report.
  if (results.length > 0 && results.every((r) => r.failure === "declined")) return results;
  for (const r of results) if (r.failure !== "declined") ctx.state.setConnection(r.target, { kind: "checked", ok: r.ok || !["unreachable", "auth", "hostKeyChanged", "hostKeyUnknown", "hostKeyRevoked", "connectionLost"].includes(r.failure ?? ""), message: r.message });
  showResults(ctx, vscode.l10n.t("deploy"), results);
  return results;
}

export async function rollbackCommand(ctx: DeployContext, uri?: vscode.Uri): Promise<HostResult[] | undefined> {
  if (!requireTrust()) return undefined;
  const doc = await pipelineDocument(uri);
  if (!doc) return undefined;
  const targets = await targetsFor(ctx, doc.uri);
  if (!targets) return undefined;
  const fileName = basename(doc.uri.fsPath);
  const rollback = vscode.l10n.t("Roll Back");
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t("Put back the previous {0} on {1}?", fileName, targets.map((t) => t.name).join(", ")),
    { modal: true, detail: vscode.l10n.t("The newest backup the last deploy left on each host replaces the current file.") },
    rollback,
  );
  if (answer !== rollback) return undefined;
  const { rollbackPipeline } = await loadDeploy();
  const results = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Rolling back {0}", fileName) }, (progress) =>
    Promise.all(
      targets.map((target) =>
        rollbackPipeline(target, fileName, {
          secrets: ctx.secrets,
          hostKeys: askingHostKeyPolicy,
          progress: (name, step) => progress.report({ message: `${name}: ${stepLabel(step)}` }),
        }),
      ),
    ),
  );
  showResults(ctx, vscode.l10n.t("rollback"), results);
  return results;
}
