/**
 * Deploys pipeline files to Logstash hosts over SSH, several hosts in parallel. Per host: connect (host
 * key checked), ask the host for its plugins and refuse pipelines that need one it lacks, read the remote
 * files for the diff; then, after one confirmation for all hosts: upload each file to a temp name beside
 * it, run the host's config test on the temp file, and only when every file passes back up the current
 * files and rename the new ones over them, then reload.
 *
 * Temp and backup names start with a dot and do not end in `.conf`, so Logstash's `*.conf` glob (and its
 * automatic reload) never reads a half-written or old file. The switch is a rename on the same filesystem,
 * so a dropped connection leaves each file either old or new, never partial.
 */
import { randomBytes } from "node:crypto";
import { basename } from "node:path";
import { LineIndex } from "../../core/documents";
import { t } from "../../core/l10n";
import { DEFAULT_TEST_COMMAND, type LogstashTarget } from "../targets";
import { unifiedDiff } from "./diff";
import { PluginCache, pluginProblems } from "./plugins";
import { RemoteError, shQuote, SshSession, type ConnectOptions, type RemoteErrorKind } from "./session";
import { parseTestOutput } from "./testOutput";

export type DeployStep = "connect" | "plugins" | "diff" | "upload" | "test" | "install" | "reload" | "cleanup";

export interface LocalPipeline {
  /** Local path; the file keeps its base name inside the target's `pipelineDir`. */
  path: string;
  text: string;
}

export interface PlannedFile {
  local: LocalPipeline;
  remotePath: string;
  /** undefined when the host has no such file yet. */
  remoteText?: string;
  /** Unified diff remote → local; "" when the host already has this text. */
  diff: string;
}

export interface HostPlan {
  target: LogstashTarget;
  files: PlannedFile[];
}

/** An error in one local file, 1-based like Logstash's messages; no line when the message names none. */
export interface FileError {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export type FailureKind = RemoteErrorKind | "declined" | "testFailed" | "pluginsMissing" | "reloadFailed";

export interface HostResult {
  target: string;
  /** True when the host now runs the local pipeline (or already did). */
  ok: boolean;
  /** True when files on the host were replaced. */
  changed: boolean;
  message: string;
  failure?: FailureKind;
  errors: FileError[];
  backups: string[];
  /** Temp files that could not be removed (the connection was gone and did not come back). */
  leftovers: string[];
}

export interface DeployOptions extends ConnectOptions {
  /** Each step of each host, for a progress display. */
  progress?(target: string, step: DeployStep, detail?: string): void;
  /** Called once, with every host that got as far as the diff; false cancels the deploy everywhere. */
  confirm(plans: HostPlan[]): Promise<boolean>;
  plugins?: PluginCache;
  now?: () => Date;
}

const sharedPluginCache = new PluginCache();

export function remotePathOf(target: LogstashTarget, fileName: string): string {
  return `${target.pipelineDir.replace(/\/+$/, "")}/${fileName}`;
}

/** `.main.conf.logsmith-tmp-1a2b3c4d`: hidden and not `*.conf`. */
export function tempPathOf(target: LogstashTarget, fileName: string): string {
  return remotePathOf(target, `.${fileName}.logsmith-tmp-${randomBytes(4).toString("hex")}`);
}

export function backupPrefix(fileName: string): string {
  return `.${fileName}.logsmith-backup-`;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(".", "");
}

function failure(target: LogstashTarget, kind: FailureKind, message: string, extra: Partial<HostResult> = {}): HostResult {
  return { target: target.name, ok: false, changed: false, message, failure: kind, errors: [], backups: [], leftovers: [], ...extra };
}

function asRemoteError(error: unknown): RemoteError {
  return error instanceof RemoteError ? error : new RemoteError("remote", error instanceof Error ? error.message : String(error));
}

interface Prepared {
  session: SshSession;
  plan: HostPlan;
}

async function prepare(target: LogstashTarget, files: LocalPipeline[], options: DeployOptions): Promise<Prepared | HostResult> {
  const report = (step: DeployStep, detail?: string): void => options.progress?.(target.name, step, detail);
  report("connect");
  let session: SshSession;
  try {
    session = await SshSession.open(target, options);
  } catch (error) {
    const e = asRemoteError(error);
    return failure(target, e.kind, e.message);
  }
  try {
    report("plugins");
    const installed = await (options.plugins ?? sharedPluginCache).get(session, target, options.signal);
    if (installed) {
      const errors: FileError[] = [];
      for (const file of files) {
        const lines = new LineIndex(file.text);
        for (const problem of pluginProblems(file.text, target, installed)) {
          const pos = lines.positionAt(problem.range.start);
          errors.push({ file: file.path, line: pos.line + 1, column: pos.character + 1, message: problem.message });
        }
      }
      if (errors.length > 0) {
        session.close();
        return failure(target, "pluginsMissing", t("{0} lacks {1} plugin(s) the pipeline uses; nothing was uploaded", target.name, errors.length), { errors });
      }
    }
    report("diff");
    const planned: PlannedFile[] = [];
    for (const local of files) {
      const name = basename(local.path);
      const remotePath = remotePathOf(target, name);
      const remoteText = await session.readFile(remotePath);
      planned.push({ local, remotePath, remoteText, diff: unifiedDiff(remoteText ?? "", local.text, remoteText === undefined ? "/dev/null" : `${target.name}:${remotePath}`, local.path) });
    }
    return { session, plan: { target, files: planned } };
  } catch (error) {
    session.close();
    const e = asRemoteError(error);
    return failure(target, e.kind, e.message);
  }
}

async function apply(prepared: Prepared, options: DeployOptions): Promise<HostResult> {
  const { plan } = prepared;
  let session = prepared.session;
  const target = plan.target;
  const report = (step: DeployStep, detail?: string): void => options.progress?.(target.name, step, detail);
  const changedFiles = plan.files.filter((f) => f.diff !== "");
  if (changedFiles.length === 0) {
    session.close();
    return { target: target.name, ok: true, changed: false, message: t("{0} already has this pipeline", target.name), errors: [], backups: [], leftovers: [] };
  }
  const temps = new Map<PlannedFile, string>();
  let installing = false;
  let installed = false;
  const backups: string[] = [];
  let result: HostResult;
  try {
    for (const file of changedFiles) {
      const temp = tempPathOf(target, basename(file.remotePath));
      // Recorded before the upload starts so a partial temp file is cleaned up too.
      temps.set(file, temp);
      const data = Buffer.from(file.local.text, "utf8");
      report("upload", basename(file.remotePath));
      await session.upload(temp, data, (sent) => report("upload", `${basename(file.remotePath)} ${sent}/${data.length}`), options.signal);
    }
    const errors: FileError[] = [];
    const testCommand = target.testCommand ?? DEFAULT_TEST_COMMAND;
    for (const file of changedFiles) {
      report("test", basename(file.remotePath));
      const r = await session.exec(testCommand.split("{file}").join(shQuote(temps.get(file)!)), options.signal);
      if (r.code === 127) throw new RemoteError("config", t("the test command was not found on {0}: {1}", target.name, testCommand));
      if (r.code !== 0) for (const e of parseTestOutput(`${r.stdout}\n${r.stderr}`)) errors.push({ file: file.local.path, ...e });
    }
    if (errors.length > 0) {
      result = failure(target, "testFailed", t("the config test failed on {0}; the pipeline on the host is unchanged", target.name), { errors });
    } else {
      if (options.signal?.aborted) throw new RemoteError("cancelled", t("cancelled"));
      report("install");
      const when = stamp((options.now ?? (() => new Date()))());
      const script: string[] = ["set -e"];
      for (const file of changedFiles) {
        const temp = shQuote(temps.get(file)!);
        const dest = shQuote(file.remotePath);
        if (file.remoteText !== undefined) {
          const backup = remotePathOf(target, backupPrefix(basename(file.remotePath)) + when);
          backups.push(backup);
          // The new file keeps the old one's mode; cp -p keeps the backup's.
          script.push(`cp -p ${dest} ${shQuote(backup)}`, `chmod --reference=${dest} ${temp} 2>/dev/null || true`);
        }
        script.push(`mv -f ${temp} ${dest}`);
      }
      installing = true;
      // Installing is not cancelled halfway: the renames take milliseconds and must all happen together.
      const r = await session.exec(script.join("\n"));
      installing = false;
      if (r.code !== 0) {
        const why = r.stderr.trim().split("\n").pop() ?? "";
        throw new RemoteError(/permission denied/i.test(why) ? "permission" : "remote", t("installing the pipeline on {0} failed: {1}", target.name, why));
      }
      installed = true;
      temps.clear();
      if (target.reloadCommand && target.reloadCommand.trim()) {
        report("reload");
        const rr = await session.exec(target.reloadCommand);
        if (rr.code !== 0) {
          result = failure(target, "reloadFailed", t("the new pipeline is in place on {0}, but the reload command failed (exit {1}): {2}", target.name, String(rr.code), (rr.stderr || rr.stdout).trim().split("\n").pop() ?? ""), { changed: true, backups });
          return result;
        }
      }
      result = { target: target.name, ok: true, changed: true, message: t("{0} took the new pipeline", target.name), errors: [], backups, leftovers: [] };
    }
  } catch (error) {
    const e = asRemoteError(error);
    let message = e.message;
    if (installing) message = t("{0}: the connection was lost while installing; each file on the host is either the old or the new one", e.message);
    result = failure(target, e.kind, message, { changed: installed, backups: installed ? backups : [] });
  } finally {
    if (temps.size > 0) {
      report("cleanup");
      const leftovers = await removeTemps(session, target, [...temps.values()], options);
      // `result` is always set here unless the return above ran, which clears `temps` first.
      if (leftovers.length > 0) result!.leftovers = leftovers;
    }
    session.close();
  }
  return result;

  async function removeTemps(current: SshSession, tgt: LogstashTarget, paths: string[], opts: DeployOptions): Promise<string[]> {
    const command = `rm -f ${paths.map(shQuote).join(" ")}`;
    try {
      if (current.alive) {
        await current.exec(command);
        return [];
      }
    } catch {
      // Fall through to a fresh connection.
    }
    try {
      // The host key was accepted a moment ago, so no question is asked again.
      session = await SshSession.open(tgt, { ...opts, signal: undefined, timeoutMs: 10000 });
      await session.exec(command);
      return [];
    } catch {
      return paths;
    }
  }
}

/** Deploys `files` to every target; one result per target, in the targets' order. */
export async function deployPipelines(targets: LogstashTarget[], files: LocalPipeline[], options: DeployOptions): Promise<HostResult[]> {
  const prepared = await Promise.all(targets.map((target) => prepare(target, files, options)));
  const ready = prepared.filter((p): p is Prepared => "session" in p);
  let go = ready.length > 0;
  if (ready.some((p) => p.plan.files.some((f) => f.diff !== ""))) {
    try {
      go = !options.signal?.aborted && (await options.confirm(ready.map((p) => p.plan)));
    } catch {
      go = false;
    }
  }
  const results = await Promise.all(
    prepared.map((p) => {
      if (!("session" in p)) return p;
      if (go) return apply(p, options);
      p.session.close();
      return failure(p.plan.target, "declined", t("not deployed to {0}: not confirmed", p.plan.target.name));
    }),
  );
  return results;
}
