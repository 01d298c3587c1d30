/**
 * "Test connection" for a Logstash target: connect (host key and authentication as for a deploy) and see
 * whether the pipeline directory is there and writable.
 */
import { t } from "../../core/l10n";
import type { ConnectionCheck } from "../secrets";
import type { LogstashTarget } from "../targets";
import { RemoteError, shQuote, SshSession, type ConnectOptions } from "./session";

export async function checkLogstash(target: LogstashTarget, options: ConnectOptions): Promise<ConnectionCheck> {
  let session: SshSession | undefined;
  try {
    session = await SshSession.open(target, { ...options, timeoutMs: options.timeoutMs ?? 15000 });
    const dir = shQuote(target.pipelineDir);
    const r = await session.exec(`if [ ! -d ${dir} ]; then echo missing; elif [ ! -w ${dir} ]; then echo readonly; else echo ok; fi`);
    const state = r.stdout.trim();
    const server = session.serverVersion ? ` (${session.serverVersion})` : "";
    if (state === "missing") return { ok: false, message: t("connected to {0}{1}, but {2} does not exist", target.name, server, target.pipelineDir) };
    if (state === "readonly") return { ok: false, message: t("connected to {0}{1}, but permission is denied on {2}", target.name, server, target.pipelineDir) };
    return { ok: true, message: t("connected to {0}{1}; {2} is writable", target.name, server, target.pipelineDir) };
  } catch (error) {
    return { ok: false, message: error instanceof RemoteError ? error.message : String(error) };
  } finally {
    session?.close();
  }
}
