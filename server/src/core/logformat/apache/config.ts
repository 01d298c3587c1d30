/**
 * httpd config files as hosts of LogFormats: `LogFormat`, `CustomLog`, `TransferLog`, `GlobalLog`,
 * `ErrorLogFormat`. Arguments are split like ap_getword_conf: `"…"` or `'…'` with `\"` inside, otherwise
 * up to white space; a line ending in `\` continues on the next; `#` starts a comment only at the start of
 * a line. A `CustomLog` format argument is a nickname when one is defined, otherwise an inline format (httpd
 * then writes its text literally, which is how an undefined nickname ends up on every line).
 */
import type { Span } from "../../ast";
import { issue, type Issue } from "../../issue";
import { t } from "../../l10n";
import type { EmbeddedFormat, HostDocument, HostScan, LogFormatHost, LogWriter, ParsedFormat } from "../types";
import { parseApacheFormat } from "./parseFormat";

interface Arg {
  value: string;
  /** Span of the argument's text without its quotes (quotes included in `outer`). */
  inner: Span;
  outer: Span;
  quoted: boolean;
}

interface Directive {
  name: string;
  nameSpan: Span;
  args: Arg[];
}

/** Logical lines (continuations joined) split into directive name and arguments. */
export function readDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  let i = 0;
  while (i < text.length) {
    // one logical line
    while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
    if (text[i] === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      i++;
      continue;
    }
    const args: Arg[] = [];
    for (;;) {
      while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\r")) i++;
      if (text[i] === "\\" && (text[i + 1] === "\n" || (text[i + 1] === "\r" && text[i + 2] === "\n"))) {
        i += text[i + 1] === "\n" ? 2 : 3;
        continue;
      }
      if (i >= text.length || text[i] === "\n") {
        i++;
        break;
      }
      const q = text[i];
      const start = i;
      if (q === '"' || q === "'") {
        i++;
        let value = "";
        while (i < text.length && text[i] !== q && text[i] !== "\n") {
          if (text[i] === "\\" && text[i + 1] === q) {
            value += q;
            i += 2;
          } else value += text[i++];
        }
        const innerEnd = i;
        if (text[i] === q) i++;
        args.push({ value, inner: { start: start + 1, end: innerEnd }, outer: { start, end: i }, quoted: true });
      } else {
        while (i < text.length && !/[\s]/.test(text[i])) i++;
        args.push({ value: text.slice(start, i), inner: { start, end: i }, outer: { start, end: i }, quoted: false });
      }
    }
    if (args.length) out.push({ name: args[0].value, nameSpan: args[0].outer, args: args.slice(1) });
  }
  return out;
}

function embed(text: string, arg: Arg, name?: string): EmbeddedFormat {
  // The CLI and the parser take the format with `\"` still in it: exactly the source between the quotes.
  const raw = text.slice(arg.inner.start, arg.inner.end);
  const parsed: ParsedFormat = parseApacheFormat(raw);
  const base = arg.inner.start;
  return { kind: "apache", parsed, range: arg.inner, toHost: (o) => base + o, fromHost: (o) => o - base, name };
}

export function scanApacheConfig(text: string): HostScan {
  const directives = readDirectives(text);
  const formats: EmbeddedFormat[] = [];
  const writers: LogWriter[] = [];
  const issues: Issue[] = [];
  const nicknames = new Map<string, EmbeddedFormat>();
  let defaultFormat: EmbeddedFormat | undefined;
  for (const d of directives) {
    if (d.name.toLowerCase() !== "logformat") continue;
    if (d.args.length === 0) {
      issues.push(issue("logformat-missing-argument", "error", t("LogFormat needs a format string."), d.nameSpan));
      continue;
    }
    const f = embed(text, d.args[0], d.args[1]?.value);
    formats.push(f);
    if (d.args[1]) nicknames.set(d.args[1].value, f);
    else defaultFormat = f;
    if (d.args.length > 2) issues.push(issue("logformat-extra-argument", "error", t("LogFormat takes a format and an optional nickname; httpd refuses the rest."), { start: d.args[2].outer.start, end: d.args[d.args.length - 1].outer.end }));
  }
  for (const d of directives) {
    const name = d.name.toLowerCase();
    if (name !== "customlog" && name !== "transferlog" && name !== "globallog") continue;
    const [file, fmt, cond] = d.args;
    if (!file) {
      issues.push(issue("logformat-missing-argument", "error", t("{0} needs a file or a piped logger.", d.name), d.nameSpan));
      continue;
    }
    let format: EmbeddedFormat | undefined;
    if (name === "transferlog") format = defaultFormat;
    else if (!fmt) issues.push(issue("logformat-missing-argument", "error", t("{0} needs a format or a LogFormat nickname after the file.", d.name), file.outer));
    else if (fmt.value.includes("%")) {
      format = embed(text, fmt);
      formats.push(format);
    } else {
      format = nicknames.get(fmt.value);
      if (!format && fmt.value !== "CLF")
        issues.push(issue("logformat-undefined-nickname", "warning", t("No LogFormat defines the nickname `{0}`: httpd takes it as a format and writes the text `{0}` on every line.", fmt.value), fmt.outer));
    }
    if (cond && !/^(env=!?.+|expr=.+)$/i.test(cond.value))
      issues.push(issue("logformat-bad-condition", "error", t("The condition must be `env=[!]VARIABLE` or `expr=EXPRESSION`; httpd refuses `{0}`.", cond.value), cond.outer));
    if (d.args.length > 3) issues.push(issue("logformat-extra-argument", "error", t("{0} takes a file, a format and an optional condition; httpd refuses the rest.", d.name), d.args[3].outer));
    // `|program` and `||program` pipe to a program, `|$program` through a shell: no file to read.
    if (!file.value.startsWith("|")) writers.push({ kind: "apache", path: file.value, range: file.outer, format });
  }
  return { formats, writers, issues };
}

const CONFIG_NAME = /(^|\/)(httpd|apache2?)\.conf$|\/(conf\.d|conf-available|conf-enabled|mods-available|mods-enabled)\/[^/]+\.conf$|\/sites-(available|enabled)\/[^/]+$|\/(httpd|apache2?)\/.*\.conf$/i;

export const apacheConfigHost: LogFormatHost = {
  id: "apacheconf",
  accepts: (doc: HostDocument) => doc.languageId === "apacheconf" || (doc.languageId !== "logstash" && CONFIG_NAME.test(doc.uri)),
  scan: (doc: HostDocument) => scanApacheConfig(doc.text),
};
