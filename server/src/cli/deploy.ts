/**
 * `logsmith deploy` and `logsmith rollback`: the extension's deploy, for a user's CI. Targets come from a
 * JSON file of the `logsmith.targets` shape, secrets from the environment variables it names. Host keys
 * must already be in known_hosts (nobody is there to compare a fingerprint). The diff is always printed;
 * without `--yes` a terminal is asked and anything else is refused.
 */
import { readFileSync, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { t } from "../core/l10n";
import { deployPipelines, rollbackPipeline, type HostResult, type LocalPipeline } from "../remote/deploy";
import { environmentSecrets } from "../remote/secrets";
import { findTarget, readTargets, TargetsError, type LogstashTarget } from "../remote/targets";
import type { CliIO } from "./check";
import { expandInputs, UsageError } from "./files";

export interface DeployCliEnv {
  io: CliIO;
  /** Answers the confirmation question; undefined when there is no terminal to ask. */
  ask?: (question: string) => Promise<string>;
  env?: NodeJS.ProcessEnv;
}

interface Parsed {
  targetsFile?: string;
  targets: string[];
  yes: boolean;
  inputs: string[];
}

function parse(argv: string[]): Parsed {
  const out: Parsed = { targets: [], yes: false, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (!v) throw new UsageError(t("{0} needs a value", name));
      return v;
    };
    if (name === "--targets") out.targetsFile = value();
    else if (name === "--target") out.targets.push(value());
    else if (name === "--yes" || name === "-y") out.yes = true;
    else if (arg.startsWith("-")) throw new UsageError(t("unknown option {0}", arg));
    else out.inputs.push(arg);
  }
  if (!out.targetsFile) throw new UsageError(t("--targets FILE is required"));
  if (out.targets.length === 0) throw new UsageError(t("name at least one --target"));
  if (out.inputs.length === 0) throw new UsageError(t("name at least one pipeline file"));
  return out;
}

function logstashTargets(file: string, names: string[]): LogstashTarget[] {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(t("cannot read the targets file {0}: {1}", file, error instanceof Error ? error.message : String(error)));
  }
  try {
    const all = readTargets(doc);
    return names.map((name) => {
      const target = findTarget(all, name);
      if (target.kind !== "logstash") throw new TargetsError(t("target {0} is not a Logstash host (kind {1})", name, target.kind));
      return target;
    });
  } catch (error) {
    if (error instanceof TargetsError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

function printResult(r: HostResult, io: CliIO): void {
  io.out(`${r.target}: ${r.ok ? t("ok") : t("FAILED")}: ${r.message}\n`);
  for (const e of r.errors) io.out(`${e.file}:${e.line ?? 1}:${e.column ?? 1}: error ${e.message}\n`);
  for (const b of r.backups) io.out(`${r.target}: ${t("backup {0}", b)}\n`);
  for (const l of r.leftovers) io.out(`${r.target}: ${t("temporary file left on the host: {0}", l)}\n`);
}

/** Exit status: 0 when every host took the pipeline, 1 when any did not, 2 for bad usage. */
export async function runDeploy(argv: string[], cli: DeployCliEnv): Promise<number> {
  const { io } = cli;
  const args = parse(argv);
  const targets = logstashTargets(args.targetsFile!, args.targets);
  const { files, unreadable } = expandInputs(args.inputs);
  if (unreadable.length > 0) throw new UsageError(t("cannot read {0}", unreadable.join(", ")));
  for (const f of files) if (statSync(f.path).isDirectory()) throw new UsageError(t("cannot read {0}", f.display));
  const pipelines: LocalPipeline[] = files.map((f) => ({ path: f.display, text: readFileSync(f.path, "utf8") }));
  const results = await deployPipelines(targets, pipelines, {
    secrets: environmentSecrets(cli.env),
    hostKeys: {},
    progress: (target, step) => io.err(`${target}: ${step}\n`),
    confirm: async (plans) => {
      for (const plan of plans) {
        for (const f of plan.files) {
          if (f.diff) io.out(f.diff);
          else io.out(`${plan.target.name}: ${t("{0} is unchanged", f.remotePath)}\n`);
        }
      }
      if (args.yes) return true;
      if (!cli.ask) {
        io.err(`logsmith: ${t("not deploying: confirmation needed and there is no terminal to ask; rerun with --yes")}\n`);
        return false;
      }
      const answer = await cli.ask(t("Deploy to {0} host(s)? [y/N] ", plans.length));
      return /^(y|yes)$/i.test(answer.trim());
    },
  });
  for (const r of results) printResult(r, io);
  return results.every((r) => r.ok) ? 0 : 1;
}

export async function runRollback(argv: string[], cli: DeployCliEnv): Promise<number> {
  const args = parse(argv);
  const targets = logstashTargets(args.targetsFile!, args.targets);
  let ok = true;
  for (const input of args.inputs) {
    const results = await Promise.all(
      targets.map((target) => rollbackPipeline(target, input, { secrets: environmentSecrets(cli.env), hostKeys: {}, progress: (name, step) => cli.io.err(`${name}: ${step}\n`) })),
    );
    for (const r of results) printResult(r, cli.io);
    ok &&= results.every((r) => r.ok);
  }
  return ok ? 0 : 1;
}

/** A question on the terminal, or undefined when stdin is not one (CI). */
export function terminalAsk(): ((question: string) => Promise<string>) | undefined {
  if (!process.stdin.isTTY) return undefined;
  return (question) =>
    new Promise((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      rl.question(question, (answer) => {
        rl.close();
        resolve(answer);
      });
    });
}
