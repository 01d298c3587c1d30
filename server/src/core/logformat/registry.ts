/**
 * The one list of log-format dialects and host file kinds. The CLI and the LSP layer look dialects up here
 * by kind and hosts by document; a new dialect adds one entry to each table below (see `types.ts`).
 */
import { apacheDialect } from "./apache";
import { apacheConfigHost } from "./apache/config";
import { tomcatDialect } from "./tomcat";
import { tomcatXmlHost } from "./tomcat/serverXml";
import { log4j1Dialect } from "./log4j1";
import { log4j2Dialect } from "./log4j2";
import { LOG4J_HOSTS } from "./log4j/hosts";
import type { HostDocument, LogFormatDialect, LogFormatHost, LogFormatKind } from "./types";

export const LOG_FORMAT_KINDS: readonly LogFormatKind[] = ["apache", "tomcat", "log4j1", "log4j2"];

const DIALECTS: Partial<Record<LogFormatKind, LogFormatDialect>> = {
  apache: apacheDialect,
  tomcat: tomcatDialect,
  log4j1: log4j1Dialect,
  log4j2: log4j2Dialect,
};

/** Host kinds, most specific first: the first that accepts a document owns it. */
const HOSTS: LogFormatHost[] = [apacheConfigHost, tomcatXmlHost, ...LOG4J_HOSTS];

export function isLogFormatKind(value: string): value is LogFormatKind {
  return (LOG_FORMAT_KINDS as readonly string[]).includes(value);
}

export function getDialect(kind: LogFormatKind): LogFormatDialect | undefined {
  return DIALECTS[kind];
}

/** The host that handles `doc`, or undefined when the document carries no log formats we know. */
export function hostFor(doc: HostDocument): LogFormatHost | undefined {
  return HOSTS.find((host) => host.accepts(doc));
}
