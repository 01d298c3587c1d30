/**
 * The `logsmith.targets` setting (same shape as the CLI's targets file, never a secret in it), the
 * pipeline → target mapping `logsmith.deploy.targets`, and the extension's SecretStorage as a `SecretSource`.
 */
import * as vscode from "vscode";
import { secretKey, type SecretName, type SecretSource } from "../../../server/src/remote/secrets";
import { readTargets, type Target } from "../../../server/src/remote/targets";

export interface TargetsRead {
  targets: Target[];
  /** Set when the setting does not have the expected shape. */
  error?: string;
}

export function readTargetsSetting(): TargetsRead {
  const raw = vscode.workspace.getConfiguration("logsmith").get<unknown[]>("targets") ?? [];
  try {
    return { targets: readTargets(raw) };
  } catch (error) {
    return { targets: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/** Workspace settings when a folder is open, else user settings. */
function configTarget(): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

export async function writeTargets(targets: Target[]): Promise<void> {
  await vscode.workspace.getConfiguration("logsmith").update("targets", targets, configTarget());
}

/** `logsmith.deploy.targets`: workspace-relative pipeline path → target name(s). */
export function deployMapping(): Record<string, string | string[]> {
  return vscode.workspace.getConfiguration("logsmith").get<Record<string, string | string[]>>("deploy.targets") ?? {};
}

export function mappedTargets(uri: vscode.Uri): string[] | undefined {
  const mapping = deployMapping();
  const relative = vscode.workspace.asRelativePath(uri, false);
  const value = mapping[relative] ?? mapping[uri.fsPath];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

export async function setMappedTargets(uri: vscode.Uri, names: string[]): Promise<void> {
  const mapping = { ...deployMapping(), [vscode.workspace.asRelativePath(uri, false)]: names.length === 1 ? names[0] : names };
  await vscode.workspace.getConfiguration("logsmith").update("deploy.targets", mapping, configTarget());
}

/** The secret a target's "Set password" stores: the key's passphrase for key auth, an API key for ES API-key auth. */
export function secretNameFor(target: Target): SecretName {
  if (target.kind === "logstash") return target.auth === "password" ? "password" : "passphrase";
  if (target.kind === "elasticsearch" && target.auth?.type === "apiKey") return "apiKey";
  return "password";
}

export function secretStorageSource(storage: vscode.SecretStorage): SecretSource {
  return { get: async (target, name) => (await storage.get(secretKey(target.name, name))) ?? undefined };
}

export async function deleteSecrets(storage: vscode.SecretStorage, name: string): Promise<void> {
  for (const which of ["password", "passphrase", "apiKey"] as const) await storage.delete(secretKey(name, which));
}
