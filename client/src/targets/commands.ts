/** Add, edit, test, remove targets; set a target's secret; choose the active target. */
import * as vscode from "vscode";
import type { PluginCache } from "../../../server/src/remote/deploy";
import { secretKey, type SecretSource } from "../../../server/src/remote/secrets";
import { DEFAULT_TEST_COMMAND, type LogstashTarget, type Target } from "../../../server/src/remote/targets";
import { checkTarget } from "./checks";
import { deleteSecrets, readTargetsSetting, secretNameFor, writeTargets } from "./config";
import type { TargetsState } from "./state";
import { TargetItem } from "./treeView";

export interface TargetsContext {
  state: TargetsState;
  secrets: SecretSource;
  storage: vscode.SecretStorage;
  /** The per-target plugin lists; loading it loads the SSH client, so only on first use. */
  plugins: () => Promise<PluginCache>;
  log: vscode.LogOutputChannel;
}

async function ask(prompt: string, value?: string, validate?: (v: string) => string | undefined): Promise<string | undefined> {
  return vscode.window.showInputBox({ prompt, value, ignoreFocusOut: true, validateInput: (v) => validate?.(v) });
}

const required = (v: string): string | undefined => (v.trim() ? undefined : vscode.l10n.t("required"));

/** A target picked from the view's item, or from a quick pick when the command comes from the palette. */
export async function pickTarget(item: unknown, filter: (t: Target) => boolean = () => true, placeHolder?: string): Promise<Target | undefined> {
  if (item instanceof TargetItem) return item.target;
  const targets = readTargetsSetting().targets.filter(filter);
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t("No targets yet: add one in the Logsmith Targets view."));
    return undefined;
  }
  if (targets.length === 1) return targets[0];
  const picked = await vscode.window.showQuickPick(
    targets.map((t) => ({ label: t.name, description: t.kind, target: t })),
    { placeHolder: placeHolder ?? vscode.l10n.t("Choose a target") },
  );
  return picked?.target;
}

async function askLogstash(existing?: LogstashTarget, names: string[] = []): Promise<LogstashTarget | undefined> {
  const name = existing?.name ?? (await ask(vscode.l10n.t("Target name (for example lab)"), undefined, (v) => required(v) ?? (names.includes(v) ? vscode.l10n.t("a target named {0} exists", v) : undefined)));
  if (!name) return undefined;
  const host = await ask(vscode.l10n.t("SSH host of the Logstash server"), existing?.host, required);
  if (!host) return undefined;
  const port = await ask(vscode.l10n.t("SSH port"), String(existing?.port ?? 22), (v) => (/^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536 ? undefined : vscode.l10n.t("a port number")));
  if (!port) return undefined;
  const user = await ask(vscode.l10n.t("SSH user"), existing?.user, required);
  if (!user) return undefined;
  const authPick = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t("ssh-agent"), auth: "agent" as const },
      { label: vscode.l10n.t("Private key file"), auth: "key" as const },
      { label: vscode.l10n.t("Password (kept in VS Code's secret storage)"), auth: "password" as const },
    ],
    { placeHolder: vscode.l10n.t("How to authenticate"), ignoreFocusOut: true },
  );
  if (!authPick) return undefined;
  let privateKeyPath: string | undefined;
  if (authPick.auth === "key") {
    privateKeyPath = await ask(vscode.l10n.t("Private key file"), existing?.privateKeyPath ?? "~/.ssh/id_ed25519", required);
    if (!privateKeyPath) return undefined;
  }
  const pipelineDir = await ask(vscode.l10n.t("Directory of the pipeline files on the host"), existing?.pipelineDir ?? "/etc/logstash/conf.d", (v) => required(v) ?? (v.startsWith("/") ? undefined : vscode.l10n.t("an absolute path")));
  if (!pipelineDir) return undefined;
  const testCommand = await ask(vscode.l10n.t("Config test command ({0} is the uploaded file)", "{file}"), existing?.testCommand ?? DEFAULT_TEST_COMMAND, (v) => (v.includes("{file}") ? undefined : vscode.l10n.t("must contain {0}", "{file}")));
  if (testCommand === undefined) return undefined;
  const reloadCommand = await ask(vscode.l10n.t("Reload command after a deploy (empty when config.reload.automatic is on)"), existing?.reloadCommand ?? "");
  if (reloadCommand === undefined) return undefined;
  const target: LogstashTarget = { ...(existing ?? {}), name, kind: "logstash", host, port: Number(port), user, auth: authPick.auth, pipelineDir, testCommand };
  if (privateKeyPath) target.privateKeyPath = privateKeyPath;
  else delete target.privateKeyPath;
  if (reloadCommand.trim()) target.reloadCommand = reloadCommand;
  else delete target.reloadCommand;
  return target;
}

async function askOther(kind: "elasticsearch" | "redis", names: string[]): Promise<Target | undefined> {
  const name = await ask(vscode.l10n.t("Target name (for example lab)"), undefined, (v) => required(v) ?? (names.includes(v) ? vscode.l10n.t("a target named {0} exists", v) : undefined));
  if (!name) return undefined;
  if (kind === "elasticsearch") {
    const node = await ask(vscode.l10n.t("Elasticsearch URL"), "https://localhost:9200", (v) => (/^https?:\/\//.test(v) ? undefined : vscode.l10n.t("an http:// or https:// URL")));
    if (!node) return undefined;
    const username = await ask(vscode.l10n.t("User name for basic authentication (empty for none)"), "");
    if (username === undefined) return undefined;
    return { name, kind, nodes: [node], auth: username ? { type: "basic", username } : { type: "none" } };
  }
  const host = await ask(vscode.l10n.t("Redis host"), "127.0.0.1", required);
  if (!host) return undefined;
  const port = await ask(vscode.l10n.t("Redis port"), "6379", (v) => (/^\d+$/.test(v) ? undefined : vscode.l10n.t("a port number")));
  if (!port) return undefined;
  return { name, kind, host, port: Number(port) };
}

export async function addTarget(ctx: TargetsContext): Promise<void> {
  const { targets } = readTargetsSetting();
  const names = targets.map((t) => t.name);
  const kind = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t("Logstash host (deploy over SSH)"), targetKind: "logstash" as const },
      { label: vscode.l10n.t("Elasticsearch cluster"), targetKind: "elasticsearch" as const },
      { label: vscode.l10n.t("Redis broker"), targetKind: "redis" as const },
    ],
    { placeHolder: vscode.l10n.t("What kind of target?") },
  );
  if (!kind) return;
  const target = kind.targetKind === "logstash" ? await askLogstash(undefined, names) : await askOther(kind.targetKind, names);
  if (!target) return;
  await writeTargets([...targets, target]);
  if (!ctx.state.active) await ctx.state.setActive(target.name);
  if ((target.kind === "logstash" && target.auth === "password") || (target.kind === "elasticsearch" && target.auth?.type === "basic")) await setPassword(ctx, target);
}

export async function editTarget(ctx: TargetsContext, item: unknown): Promise<void> {
  const target = await pickTarget(item);
  if (!target) return;
  if (target.kind !== "logstash") {
    await vscode.commands.executeCommand("workbench.action.openWorkspaceSettingsFile");
    return;
  }
  const edited = await askLogstash(target);
  if (!edited) return;
  const { targets } = readTargetsSetting();
  await writeTargets(targets.map((t) => (t.name === target.name ? edited : t)));
  (await ctx.plugins()).clear(target.name);
  ctx.state.forget(target.name);
}

export async function removeTarget(ctx: TargetsContext, item: unknown): Promise<void> {
  const target = await pickTarget(item);
  if (!target) return;
  const remove = vscode.l10n.t("Remove");
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t("Remove the target {0} and its stored secrets?", target.name), { modal: true }, remove);
  if (answer !== remove) return;
  const { targets } = readTargetsSetting();
  await writeTargets(targets.filter((t) => t.name !== target.name));
  await deleteSecrets(ctx.storage, target.name);
  ctx.state.forget(target.name);
  if (ctx.state.active === target.name) await ctx.state.setActive(undefined);
}

export async function testTarget(ctx: TargetsContext, item: unknown): Promise<void> {
  const target = await pickTarget(item);
  if (!target) return;
  ctx.state.setConnection(target.name, { kind: "checking" });
  const result = await checkTarget(target, ctx.secrets, ctx.plugins).catch((error: unknown) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }));
  ctx.state.setConnection(target.name, { kind: "checked", ...result });
  ctx.log.info(`${target.name}: ${result.message}`);
  if (result.ok) void vscode.window.showInformationMessage(result.message);
  else void vscode.window.showErrorMessage(result.message);
}

export async function setPassword(ctx: TargetsContext, item: unknown): Promise<void> {
  const target = await pickTarget(item);
  if (!target) return;
  const which = secretNameFor(target);
  const prompt =
    which === "passphrase"
      ? vscode.l10n.t("Passphrase of the private key of {0} (empty to remove it)", target.name)
      : which === "apiKey"
        ? vscode.l10n.t("API key for {0} (empty to remove it)", target.name)
        : vscode.l10n.t("Password for {0} (empty to remove it)", target.name);
  const value = await vscode.window.showInputBox({ prompt, password: true, ignoreFocusOut: true });
  if (value === undefined) return;
  if (value === "") await ctx.storage.delete(secretKey(target.name, which));
  else await ctx.storage.store(secretKey(target.name, which), value);
  ctx.state.forget(target.name);
}

export async function chooseActive(ctx: TargetsContext, item: unknown): Promise<void> {
  const target = await pickTarget(item, () => true, vscode.l10n.t("Choose the active target"));
  if (target) await ctx.state.setActive(target.name);
}
