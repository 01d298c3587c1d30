/**
 * The `logsmith` command (bundled to dist/cli.cjs). Uses only the core, so CI runs the same checks as
 * the editor without VS Code.
 */
import { version } from "../../package.json";
import { runCheck, type CliIO } from "./cli/check";
import { runFmt } from "./cli/fmt";
import { UsageError } from "./cli/files";
import { runGrokCommand } from "./cli/grok";
import { runSimulate } from "./cli/simulate";
import { runLogformat } from "./cli/logformat";
import { runTestCommand } from "./cli/test";
import { runCatalog } from "./cli/catalog";
import { REMOTE_COMMANDS, runRemoteCommand } from "./cli/query";
import { runDeploy, runRollback, terminalAsk } from "./cli/deploy";
import { configureCliL10n } from "./cli/locale";
import { t } from "./core/l10n";
import { readPatternsPath } from "./core/grok/patternFiles";

/** A function so the text is translated after `configureCliL10n` has run. */
const help = (): string =>
  t(`Usage: logsmith <command> [options] <file-or-dir>...

Commands:
  check [--format text|json] [--logstash-version V] [--plugins a,b] [--patterns-path DIR] <path>...
                                         Report problems in Logstash pipeline files. A
                                         directory is one pipeline: its *.conf files in
                                         Logstash's order, checked together.
  catalog --format json [--logstash-version V]
                                         Print every plugin and option Logsmith knows.
  fmt [--check] [--tab-size N] [--use-tabs] <path>...
                                         Format files in place; with --check, list the
                                         files that would change and exit 1 if any.
  grok --pattern P [...] < lines          Match lines like Logstash's grok filter, one JSON
                                         result per line (logsmith grok --help).
  simulate PIPELINE [--input FILE|-] [--geoip-db PATH] [--patterns-path DIR]
                                         Run the pipeline's filters over input lines (through
                                         its file/stdin input's codec) and print the resulting
                                         events, clones included, as JSON lines.
  simulate --pipelines pipelines.yml --pipeline-id ID [--input FILE|-]
                                         Follow the events from pipeline ID through its
                                         pipeline outputs into the pipelines they reach; one
                                         JSON line per event, tagged with its pipeline
                                         (logsmith simulate --help).
  logformat parse|generate --kind KIND --format FORMAT
                                         Parse log lines with an Apache, Tomcat or log4j
                                         format, or write the pipeline that parses them
                                         (logsmith logformat --help).
  deploy --targets FILE --target NAME [--target NAME...] [--yes] PIPELINE...
                                         Deploy pipeline files to Logstash hosts over SSH:
                                         print the diff, ask (or --yes), test on each host,
                                         then switch atomically. Exit 0 only when every
                                         host took the new pipeline.
  rollback --targets FILE --target NAME PIPELINE
                                         Put back the file the last deploy replaced.
  test [--format text|json|junit] [--pipeline P] [--map DIR=PIPELINE] [--patterns-path DIR] [PATH...]
                                         Run Logstash Filter Verifier test cases (JSON or
                                         YAML) through the simulator: <name>.test.yaml
                                         beside <name>.conf, or the files of a mapped DIR.
                                         Exit 1 when a case fails.
  query --targets FILE --target NAME --index PATTERN [--query Q] [--format json]
                                         Search an Elasticsearch target, read-only: count,
                                         newest documents (logsmith query --help).
  redis-peek --targets FILE --target NAME --key K [--count N]
                                         Length and newest items of a Redis list.
  central-deploy --targets FILE --target NAME --id ID PIPELINE
                                         Store a pipeline in centralized pipeline management.

Options:
  -h, --help       Show this help.
  -v, --version    Show the version.
  --patterns-path DIR
                   Grok pattern files (a directory, or one file) loaded over the built-in
                   set, as the logsmith.grok.patternsPath setting does in the editor.

Exit status: 0 no errors, 1 errors found (or files to format), 2 bad usage or unreadable files.
`);

const io: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function main(argv: string[]): number {
  if (argv.length === 0) throw new UsageError(t("missing command"));
  const [command, ...rest] = argv;
  if (command === "-h" || command === "--help" || command === "help") {
    io.out(help());
    return 0;
  }
  if (command === "-v" || command === "--version") {
    io.out(`${version}\n`);
    return 0;
  }
  if (rest.includes("-h") || rest.includes("--help")) {
    io.out(help());
    return 0;
  }
  switch (command) {
    case "check": {
      let format: "text" | "json" = "text";
      let logstashVersion: string | undefined;
      const installedPlugins: string[] = [];
      const grokPatterns: string[] = [];
      const inputs: string[] = [];
      const valueOf = (arg: string, i: number): [string | undefined, number] =>
        arg.includes("=") ? [arg.slice(arg.indexOf("=") + 1), i] : [rest[i + 1], i + 1];
      for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        const name = arg.split("=")[0];
        if (name === "--format") {
          const [value, next] = valueOf(arg, i);
          i = next;
          if (value !== "text" && value !== "json") throw new UsageError(t("--format must be text or json, not {0}", value ?? t("nothing")));
          format = value;
        } else if (name === "--logstash-version") {
          const [value, next] = valueOf(arg, i);
          i = next;
          if (!value || !/^v?\d+(\.(\d+|x))*$/.test(value)) throw new UsageError(t("--logstash-version needs a version such as 8.19 or 6.5, not {0}", value ?? t("nothing")));
          logstashVersion = value;
        } else if (name === "--plugins") {
          const [value, next] = valueOf(arg, i);
          i = next;
          if (!value) throw new UsageError(t("--plugins needs a comma-separated list of plugin names"));
          installedPlugins.push(...value.split(",").map((x) => x.trim()).filter(Boolean));
        } else if (name === "--patterns-path") {
          const [value, next] = valueOf(arg, i);
          i = next;
          if (!value) throw new UsageError(t("{0} needs a value", name));
          try {
            grokPatterns.push(...readPatternsPath(value).map((f) => f.text));
          } catch (error) {
            io.err(`logsmith: ${t("cannot read {0}", value)}: ${(error as Error).message}\n`);
            return 2;
          }
        } else if (arg.startsWith("-") && arg !== "-") throw new UsageError(t("unknown option {0}", arg));
        else inputs.push(arg);
      }
      if (inputs.length === 0) throw new UsageError(t("check needs at least one file or directory"));
      return runCheck({ format, inputs, validation: { logstashVersion, installedPlugins, grokPatterns } }, io);
    }
    case "fmt": {
      let check = false;
      let tabSize = 2;
      let insertSpaces = true;
      const inputs: string[] = [];
      for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        if (arg === "--check") check = true;
        else if (arg === "--use-tabs") insertSpaces = false;
        else if (arg === "--tab-size" || arg.startsWith("--tab-size=")) {
          const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : rest[++i];
          tabSize = Number(value);
          if (!Number.isInteger(tabSize) || tabSize < 1 || tabSize > 16) throw new UsageError(t("--tab-size must be a whole number from 1 to 16"));
        } else if (arg.startsWith("-")) throw new UsageError(t("unknown option {0}", arg));
        else inputs.push(arg);
      }
      if (inputs.length === 0) throw new UsageError(t("fmt needs at least one file or directory"));
      return runFmt({ check, tabSize, insertSpaces, inputs }, io);
    }
    case "catalog": {
      let logstashVersion: string | undefined;
      for (let i = 0; i < rest.length; i++) {
        const [name, inline] = rest[i].split("=");
        const value = inline ?? rest[++i];
        if (name === "--format") {
          if (value !== "json") throw new UsageError(t("--format must be json"));
        } else if (name === "--logstash-version") {
          if (!value || !/^v?\d+(\.(\d+|x))*$/.test(value)) throw new UsageError(t("--logstash-version needs a version such as 8.19 or 6.5, not {0}", value ?? t("nothing")));
          logstashVersion = value;
        } else throw new UsageError(t("unknown option {0}", rest[i]));
      }
      return runCatalog({ logstashVersion }, io);
    }
    default:
      throw new UsageError(t("unknown command {0}", command));
  }
}

configureCliL10n();

if (process.argv[2] === "grok") {
  // grok streams stdin and matches in a worker, so it is asynchronous.
  runGrokCommand(process.argv.slice(3), process.stdin, process.stdout).then((code) => (process.exitCode = code));
} else if (process.argv[2] === "test" && !process.argv.includes("--help") && !process.argv.includes("-h")) {
  runTestCommand(process.argv.slice(3), io).then(
    (code) => (process.exitCode = code),
    (error) => {
      if (!(error instanceof UsageError)) throw error;
      io.err(`logsmith: ${error.message}\n${t("Run `logsmith --help` for usage.")}\n`);
      process.exitCode = 2;
    },
  );
} else if (process.argv[2] === "deploy" || process.argv[2] === "rollback") {
  const run = process.argv[2] === "deploy" ? runDeploy : runRollback;
  const argv = process.argv.slice(3);
  if (argv.includes("-h") || argv.includes("--help")) io.out(help());
  else run(argv, { io, ask: terminalAsk() }).then(
    (code) => (process.exitCode = code),
    (error) => {
      if (!(error instanceof UsageError)) throw error;
      io.err(`logsmith: ${error.message}\n${t("Run `logsmith --help` for usage.")}\n`);
      process.exitCode = 2;
    },
  );
} else if (process.argv[2] === "logformat") {
  runLogformat(process.argv.slice(3), process.stdin, process.stdout).then((code) => (process.exitCode = code));
} else if ((REMOTE_COMMANDS as readonly string[]).includes(process.argv[2])) {
  runRemoteCommand(process.argv[2], process.argv.slice(3), io).then((code) => (process.exitCode = code));
} else if (process.argv[2] === "simulate") {
  runSimulate(process.argv.slice(3), process.stdin, process.stdout).then((code) => (process.exitCode = code));
} else try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  io.err(`logsmith: ${error.message}\n${t("Run `logsmith --help` for usage.")}\n`);
  process.exitCode = 2;
}
