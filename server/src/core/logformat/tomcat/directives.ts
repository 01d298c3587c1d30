/**
 * Tomcat AccessLogValve pattern codes (AbstractAccessLogValve.createAccessLogElement, Tomcat 10/11). Values
 * that go through escapeAndAppend write `\"`, `\\`, `\n`/`\r`/`\t`/`\f` and `\uXXXX` for other control or
 * non-ASCII characters, and `-` for null or empty.
 */
import { localizable } from "../../l10n";
import { fieldSegment as seg, fieldTarget as f, requestHeaderField } from "../fieldTargets";
import type { FieldTarget } from "../types";

export type TomcatValue = "escaped" | "token" | "ip" | "int" | "time" | "query" | "conn";

export interface TomcatCodeInfo {
  name: string;
  summary: string;
  example: string;
  value: TomcatValue;
  dash: boolean;
  /** `{xxx}` form: required name, or optional variants. */
  argument?: "required" | "optional";
  argumentValues?: string[];
  field(argument: string | undefined): FieldTarget;
}

const headerIn = (arg: string | undefined): FieldTarget => requestHeaderField("[tomcat][access]", arg);

/** Codes with a `{xxx}` argument take a different element than the same letter without one (`%r` vs `%{x}r`). */
export const TOMCAT_CODES: readonly TomcatCodeInfo[] = [
  { name: "a", summary: localizable("Remote IP address (`%{peer}a`: the peer of the connection, before RemoteIpValve)."), example: "192.0.2.10", value: "ip", dash: false, argument: "optional", argumentValues: ["remote", "peer"], field: (a) => (a === "peer" ? f("[client][ip]", "peer_ip") : f("[source][ip]", "clientip")) },
  { name: "A", summary: localizable("Local IP address."), example: "198.51.100.1", value: "ip", dash: false, field: () => f("[destination][ip]", "local_ip") },
  { name: "b", summary: localizable("Bytes sent, excluding HTTP headers, `-` when zero."), example: "2326", value: "int", dash: true, field: () => f("[http][response][body][bytes]", "bytes") },
  { name: "B", summary: localizable("Bytes sent, excluding HTTP headers."), example: "2326", value: "int", dash: false, field: () => f("[http][response][body][bytes]", "bytes") },
  { name: "D", summary: localizable("Time taken to process the request, in microseconds (milliseconds before Tomcat 10)."), example: "1534", value: "int", dash: false, field: () => f("[tomcat][access][duration][us]", "duration_us") },
  { name: "F", summary: localizable("Time taken to commit the response, in milliseconds (`-` when not committed)."), example: "3", value: "int", dash: true, field: () => f("[tomcat][access][first_byte][ms]", "first_byte_ms") },
  { name: "h", summary: localizable("Remote host name, or the IP address when enableLookups is false."), example: "192.0.2.10", value: "token", dash: false, field: () => f("[source][address]", "clientip") },
  { name: "H", summary: localizable("Request protocol."), example: "HTTP/1.1", value: "token", dash: false, field: () => f("[tomcat][access][protocol]", "protocol") },
  { name: "I", summary: localizable("Name of the thread that processed the request."), example: "http-nio-8080-exec-1", value: "token", dash: false, field: () => f("[process][thread][name]", "thread") },
  { name: "l", summary: localizable("Remote logical user name: always `-`."), example: "-", value: "token", dash: true, field: () => f("[tomcat][access][user][identity]", "ident") },
  { name: "L", summary: localizable("Identifier of the connection (`%{c}L`); Tomcat 11 knows no other variant and writes `???` for it."), example: "ab12", value: "token", dash: true, argument: "required", argumentValues: ["c"], field: () => f("[tomcat][access][connection_id]", "connection_id") },
  { name: "m", summary: localizable("Request method."), example: "GET", value: "token", dash: false, field: () => f("[http][request][method]", "verb") },
  { name: "p", summary: localizable("Local port (`%{local}p`, `%{remote}p` for the client's port)."), example: "8080", value: "int", dash: false, argument: "optional", argumentValues: ["local", "remote"], field: (a) => (a === "remote" ? f("[source][port]", "remote_port") : f("[destination][port]", "port")) },
  { name: "q", summary: localizable("Query string with its leading `?`, `-` when the request has none."), example: "?page=2", value: "query", dash: true, field: () => f("[url][query]", "query") },
  { name: "r", summary: localizable("First line of the request (`%{xxx}r`: the request attribute xxx)."), example: "GET /index.html?x=1 HTTP/1.1", value: "escaped", dash: true, argument: "optional", field: (a) => (a ? f(`[tomcat][access][request_attributes][${seg(a)}]`, `attr_${seg(a)}`) : f("[tomcat][access][request_line]", "request_line")) },
  { name: "s", summary: localizable("HTTP status code of the response (`%{xxx}s`: the session attribute xxx)."), example: "200", value: "int", dash: true, argument: "optional", field: (a) => (a ? f(`[tomcat][access][session_attributes][${seg(a)}]`, `session_${seg(a)}`) : f("[http][response][status_code]", "response")) },
  { name: "S", summary: localizable("User session ID (`-` when none)."), example: "A1B2C3D4E5F6", value: "token", dash: true, field: () => f("[tomcat][access][session_id]", "session_id") },
  { name: "t", summary: localizable("Date and time, `[18/Sep/2011:19:18:28 -0400]` (`%{xxx}t`: SimpleDateFormat, `sec`, `msec`, `msec_frac`, with `begin:`/`end:`)."), example: "[18/Sep/2011:19:18:28 -0400]", value: "time", dash: false, argument: "optional", field: () => f("[timestamp]", "timestamp") },
  { name: "T", summary: localizable("Time taken to process the request, in seconds (`%{ms}T`, `%{us}T`, `%{ns}T`, `%{fracsec}T`)."), example: "0", value: "int", dash: false, argument: "optional", argumentValues: ["ms", "us", "ns", "fracsec"], field: (a) => f(`[tomcat][access][duration][${a ? seg(a) : "s"}]`, "duration") },
  { name: "u", summary: localizable("Authenticated remote user, `-` when none."), example: "frank", value: "escaped", dash: true, field: () => f("[user][name]", "auth") },
  { name: "U", summary: localizable("Requested URL path."), example: "/index.html", value: "escaped", dash: true, field: () => f("[url][path]", "request") },
  { name: "v", summary: localizable("Local server name."), example: "localhost", value: "token", dash: false, field: () => f("[tomcat][access][server_name]", "server_name") },
  { name: "X", summary: localizable("Connection status when the response is done: `X` aborted, `+` may be kept alive, `-` closed."), example: "-", value: "conn", dash: false, field: () => f("[tomcat][access][connection_status]", "connection_status") },
  { name: "i", summary: localizable("Incoming header xxx (several joined with `,`)."), example: "Mozilla/5.0", value: "escaped", dash: true, argument: "required", field: headerIn },
  { name: "o", summary: localizable("Outgoing response header xxx."), example: "text/html", value: "escaped", dash: true, argument: "required", field: (a) => f(`[tomcat][access][response_headers][${seg(a ?? "")}]`, `header_out_${seg(a ?? "")}`) },
  { name: "c", summary: localizable("Value of the cookie xxx."), example: "abc123", value: "escaped", dash: true, argument: "required", field: (a) => f(`[tomcat][access][cookie][${seg(a ?? "")}]`, `cookie_${seg(a ?? "")}`) },
];

const BY_NAME = new Map(TOMCAT_CODES.map((d) => [d.name, d]));

export function tomcatCode(name: string): TomcatCodeInfo | undefined {
  return BY_NAME.get(name);
}

/** Constants.AccessLog: the aliases AccessLogValve accepts as `pattern`. */
export const TOMCAT_ALIASES: Record<string, string> = {
  common: '%h %l %u %t "%r" %s %b',
  combined: '%h %l %u %t "%r" %s %b "%{Referer}i" "%{User-Agent}i"',
};
