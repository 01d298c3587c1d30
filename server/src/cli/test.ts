/**
 * `logsmith test [PATH...] [--format text|json|junit] [--pipeline P] [--map FOLDER=PIPELINE]`: runs
 * Logstash Filter Verifier test case files through the simulator. A PATH is a test file, a pipeline
 * (.conf: its `<name>.test.*` files), or a directory searched for `*.test.json|yaml|yml`. Every
 * pipeline is parsed once for the whole run.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { t } from "../core/l10n";
import {
  formatJson,
  formatJUnit,
  formatText,
  isConventionalTestFile,
  runTestFile,
  testFileKind,
  type CompiledPipeline,
  type PathKind,
  type SuiteResult,
  type TestFolderMap,
  type TestHost,
} from "../core/pipelineTest";
import { readPatternsPath } from "../core/grok/patternFiles";
import type { CliIO } from "./check";
import { UsageError } from "./files";

export interface TestCommand {
  format: "text" | "json" | "junit";
  paths: string[];
  pipeline?: string;
  folders: TestFolderMap;
  /** `--patterns-path`: grok pattern files loaded over the built-in set. */
  patternsPath?: string;
}

export function parseTestArgs(argv: string[]): TestCommand {
  const cmd: TestCommand = { format: "text", paths: [], folders: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.split("=")[0];
    const value = (): string => {
      const v = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      if (!v) throw new UsageError(t("{0} needs a value", name));
      return v;
    };
    if (name === "--format") {
      const v = value();
      if (v !== "text" && v !== "json" && v !== "junit") throw new UsageError(t("--format must be text, json or junit, not {0}", v));
      cmd.format = v;
    } else if (name === "--pipeline") cmd.pipeline = value();
    else if (name === "--patterns-path") cmd.patternsPath = value();
    else if (name === "--map") {
      const v = arg.startsWith("--map=") ? arg.slice("--map=".length) : argv[++i] ?? "";
      const at = v.indexOf("=");
      if (at <= 0 || at === v.length - 1) throw new UsageError(t("--map needs FOLDER=PIPELINE, not {0}", v || t("nothing")));
      cmd.folders[v.slice(0, at)] = v.slice(at + 1);
    } else if (arg.startsWith("-")) throw new UsageError(t("unknown option {0}", arg));
    else cmd.paths.push(arg);
  }
  if (cmd.paths.length === 0) cmd.paths.push(".");
  return cmd;
}

const host: TestHost = {
  readFile: (p) => readFileSync(p, "utf8"),
  kind: (p): PathKind => {
    try {
      return statSync(p).isDirectory() ? "directory" : "file";
    } catch {
      return undefined;
    }
  },
  readDir: (p) => readdirSync(p),
};

/** Test files under a directory: `*.test.*` by convention, any LFV file where a pipeline is given. */
function findTestFiles(dir: string, anyName: boolean, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findTestFiles(path, anyName, out);
    else if (anyName ? testFileKind(entry.name) !== undefined : isConventionalTestFile(entry.name)) out.push(path);
  }
}

function collect(cmd: TestCommand, root: string): { files: string[]; unreadable: string[] } {
  const files: string[] = [];
  const unreadable: string[] = [];
  const mapped = Object.keys(cmd.folders).map((f) => resolve(root, f));
  for (const path of cmd.paths) {
    const kind = host.kind(path);
    if (!kind) unreadable.push(path);
    else if (kind === "directory") {
      const anyName = cmd.pipeline !== undefined || mapped.some((m) => resolve(path).startsWith(m));
      findTestFiles(path, anyName, files);
      // A mapped folder below the directory holds LFV files of any name.
      for (const m of mapped) if (m.startsWith(resolve(path)) && m !== resolve(path) && host.kind(m) === "directory") findTestFiles(relative(root, m) || ".", true, files);
    } else if (/\.conf$/i.test(path)) {
      const stem = path.slice(0, -".conf".length);
      for (const ext of ["json", "yaml", "yml"]) if (host.kind(`${stem}.test.${ext}`) === "file") files.push(`${stem}.test.${ext}`);
    } else files.push(path);
  }
  return { files: [...new Set(files)], unreadable };
}

export async function runTestCommand(argv: string[], io: CliIO): Promise<number> {
  const cmd = parseTestArgs(argv);
  const root = process.cwd();
  const { files, unreadable } = collect(cmd, root);
  for (const u of unreadable) io.err(`logsmith test: ${t("cannot read {0}", u)}\n`);
  if (unreadable.length) return 2;
  if (files.length === 0) {
    io.err(`logsmith test: ${t("no test files found (looked for *.test.json, *.test.yaml, *.test.yml)")}\n`);
    return 2;
  }
  let grokPatterns: string[] = [];
  try {
    grokPatterns = cmd.patternsPath ? readPatternsPath(cmd.patternsPath).map((f) => f.text) : [];
  } catch (error) {
    io.err(`logsmith test: ${t("cannot read {0}", cmd.patternsPath!)}: ${(error as Error).message}\n`);
    return 2;
  }
  const cache = new Map<string, CompiledPipeline>();
  const now = new Date();
  const results: SuiteResult[] = [];
  for (const file of files) {
    const { result } = await runTestFile(file, host, { folders: cmd.folders, root, pipeline: cmd.pipeline, cache, now, simulate: { grokPatterns } });
    results.push(result);
  }
  const text = cmd.format === "junit" ? formatJUnit(results) : cmd.format === "json" ? formatJson(results) : formatText(results, { color: process.stdout.isTTY === true });
  await new Promise<void>((done) => process.stdout.write(text, () => done()));
  const failed = results.some((r) => r.error !== undefined || r.cases.some((c) => c.status === "failed" || c.status === "error"));
  return failed ? 1 : 0;
}
