/**
 * The files the workspace's log producers write, from the log-format hosts (httpd configs, server.xml,
 * log4j configs) registered in `logformat/registry.ts`.
 */
import { readDirectives } from "../logformat/apache/config";
import { hostFor } from "../logformat/registry";
import type { LogWriter } from "../logformat/types";
import { t } from "../l10n";
import { resolveWriterPath } from "./paths";
import type { KnownWriter } from "./types";

export interface HostFile {
  /** Absolute posix path. */
  path: string;
  text: string;
  /** Editor language id when open (`apacheconf`, `xml` …), else empty. */
  languageId?: string;
}

/** Every writer of the given host files; files no host accepts are skipped. */
export function collectWriters(files: readonly HostFile[], toUri: (path: string) => string): KnownWriter[] {
  const out: KnownWriter[] = [];
  for (const file of files) {
    const doc = { uri: toUri(file.path), languageId: file.languageId ?? "", text: file.text };
    const host = hostFor(doc);
    if (!host) continue;
    let writers: LogWriter[];
    try {
      writers = host.scan(doc).writers;
    } catch {
      // One broken host file must not take lineage down for the others.
      continue;
    }
    const root = host.id === "apacheconf" ? serverRoot(file.text) : undefined;
    if (host.id === "apacheconf") writers = [...writers, ...errorLogs(file.text)];
    for (const w of writers) {
      const { resolved, absolute } = resolveWriterPath(w.path, w.kind === "apache" ? root : undefined);
      out.push({
        hostPath: file.path,
        range: w.range,
        written: w.path,
        resolved,
        absolute,
        label: writerLabel(w),
        format: w.format?.parsed,
        toHost: w.format?.toHost,
      });
    }
  }
  return out;
}

/** `ErrorLog` files: read by pipelines too, in a format lineage does not model (so their fields stay unknown). */
function errorLogs(text: string): LogWriter[] {
  return readDirectives(text).flatMap((d) => {
    const file = d.args[0];
    if (d.name.toLowerCase() !== "errorlog" || !file || /^(\||syslog)/i.test(file.value)) return [];
    return [{ kind: "apache" as const, path: file.value, range: file.outer, errorLog: true }];
  });
}

function writerLabel(w: LogWriter & { errorLog?: boolean }): string {
  const name = w.format?.name;
  switch (w.kind) {
    case "apache":
      if (w.errorLog) return t("ErrorLog");
      return name ? t("LogFormat {0}", name) : t("inline LogFormat");
    case "tomcat":
      return t("AccessLogValve");
    default:
      return name ? t("{0} appender {1}", w.kind, name) : t("{0} appender", w.kind);
  }
}

/** httpd resolves relative log paths against ServerRoot (the last one set wins). */
function serverRoot(text: string): string | undefined {
  let root: string | undefined;
  for (const d of readDirectives(text)) if (d.name.toLowerCase() === "serverroot" && d.args[0]) root = d.args[0].value;
  return root;
}
