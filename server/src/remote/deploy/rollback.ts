/**
 * "Roll back": put the newest backup a deploy left (`.NAME.logsmith-backup-<UTC stamp>`) back in place with
 * one rename, then reload. The backup is consumed, so rolling back again goes one deploy further back.
 */
import { basename } from "node:path";
import { t } from "../../core/l10n";
import type { LogstashTarget } from "../targets";
import { backupPrefix, remotePathOf, type DeployStep, type HostResult } from "./deploy";
import { RemoteError, shQuote, SshSession, type ConnectOptions } from "./session";

export interface RollbackOptions extends ConnectOptions {
  progress?(target: string, step: DeployStep | "rollback", detail?: string): void;
}

export async function rollbackPipeline(target: LogstashTarget, pipelineFile: string, options: RollbackOptions): Promise<HostResult> {
  const name = basename(pipelineFile);
  const base = { target: target.name, errors: [], backups: [], leftovers: [] };
  let session: SshSession | undefined;
  try {
    options.progress?.(target.name, "connect");
    session = await SshSession.open(target, options);
    const prefix = backupPrefix(name);
    // The stamp sorts as text (UTC, fixed width), so the last name is the newest backup.
    const backups = (await session.readdir(target.pipelineDir)).filter((f) => f.startsWith(prefix)).sort();
    const latest = backups.pop();
    if (!latest) return { ...base, ok: false, changed: false, failure: "config", message: t("{0} has no backup of {1} to roll back to", target.name, name) };
    options.progress?.(target.name, "rollback", latest);
    const r = await session.exec(`mv -f ${shQuote(remotePathOf(target, latest))} ${shQuote(remotePathOf(target, name))}`);
    if (r.code !== 0) throw new RemoteError(/permission denied/i.test(r.stderr) ? "permission" : "remote", t("restoring {0} on {1} failed: {2}", latest, target.name, r.stderr.trim()));
    if (target.reloadCommand && target.reloadCommand.trim()) {
      options.progress?.(target.name, "reload");
      const rr = await session.exec(target.reloadCommand);
      if (rr.code !== 0) return { ...base, ok: false, changed: true, failure: "reloadFailed", message: t("{0} was restored on {1}, but the reload command failed (exit {2})", latest, target.name, String(rr.code)) };
    }
    return { ...base, ok: true, changed: true, message: t("{0} on {1} is back to the backup {2}", name, target.name, latest) };
  } catch (error) {
    const e = error instanceof RemoteError ? error : new RemoteError("remote", String(error));
    return { ...base, ok: false, changed: false, failure: e.kind, message: e.message };
  } finally {
    session?.close();
  }
}
