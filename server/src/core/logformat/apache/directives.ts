/**
 * mod_log_config's directives (httpd 2.4, `modules/loggers/mod_log_config.c` plus mod_logio's `%I %O %S` and
 * mod_ssl's `%c %x`): what each writes, when it writes `-`, and whether the value went through
 * `ap_escape_logitem` (`"` → `\"`, `\` → `\\`, control and 8-bit bytes → `\n`/`\t`/`\xhh`).
 */
import { localizable } from "../../l10n";
import { fieldSegment as seg, fieldTarget as f, requestHeaderField } from "../fieldTargets";
import type { FieldTarget } from "../types";

export type ApacheValue = "escaped" | "token" | "ip" | "int" | "status" | "time" | "query" | "conn";

export interface ApacheDirectiveInfo {
  /** `h`, `a`, `^ti` … */
  name: string;
  /** What it writes (English; translated with `t()` where shown). */
  summary: string;
  example: string;
  value: ApacheValue;
  /** httpd writes `-` when there is no value. */
  dash: boolean;
  /** `required`: `%{…}x` needs its argument; `optional`: `%{c}a`-style variants; absent: takes none. */
  argument?: "required" | "optional";
  /** Known values of an optional argument. */
  argumentValues?: string[];
  /** Where the value lands (argument given for `%{NAME}i`-style directives). */
  field(argument: string | undefined): FieldTarget;
}

const headerIn = (arg: string | undefined): FieldTarget => requestHeaderField("[apache][access]", arg);

export const APACHE_DIRECTIVES: readonly ApacheDirectiveInfo[] = [
  { name: "a", summary: localizable("Client IP address of the request (`%{c}a`: the IP of the peer of the connection, e.g. a proxy)."), example: "192.0.2.10", value: "ip", dash: false, argument: "optional", argumentValues: ["c"], field: (a) => (a === "c" ? f("[client][ip]", "peer_ip") : f("[source][ip]", "client_ip")) },
  { name: "A", summary: localizable("Local IP address the request came in on."), example: "198.51.100.1", value: "ip", dash: false, field: () => f("[destination][ip]", "local_ip") },
  { name: "B", summary: localizable("Size of the response body in bytes, `0` when nothing was sent."), example: "2326", value: "int", dash: false, field: () => f("[http][response][body][bytes]", "bytes") },
  { name: "b", summary: localizable("Size of the response body in bytes, `-` when nothing was sent (CLF)."), example: "2326", value: "int", dash: true, field: () => f("[http][response][body][bytes]", "bytes") },
  { name: "C", summary: localizable("Value of the cookie VARNAME in the request."), example: "abc123", value: "escaped", dash: true, argument: "required", field: (a) => f(`[apache][access][cookie][${seg(a ?? "")}]`, `cookie_${seg(a ?? "")}`) },
  { name: "D", summary: localizable("Time taken to serve the request, in microseconds."), example: "1534", value: "int", dash: false, field: () => f("[apache][access][duration][us]", "duration_us") },
  { name: "e", summary: localizable("Value of the environment variable VARNAME."), example: "on", value: "escaped", dash: true, argument: "required", field: (a) => f(`[apache][access][env][${seg(a ?? "")}]`, `env_${seg(a ?? "")}`) },
  { name: "f", summary: localizable("File name the request mapped to."), example: "/var/www/html/index.html", value: "escaped", dash: true, field: () => f("[file][path]", "filename") },
  { name: "F", summary: localizable("`F` when the response was flushed early, otherwise `-`."), example: "-", value: "token", dash: true, field: () => f("[apache][access][flushed]", "flushed") },
  { name: "h", summary: localizable("Remote host name, or its IP address when HostnameLookups is off (`%{c}h`: of the connection's peer)."), example: "192.0.2.10", value: "token", dash: false, argument: "optional", argumentValues: ["c"], field: (a) => (a === "c" ? f("[client][address]", "peer_host") : f("[source][address]", "clientip")) },
  { name: "H", summary: localizable("Request protocol, e.g. `HTTP/1.1`."), example: "HTTP/1.1", value: "token", dash: false, field: () => f("[apache][access][protocol]", "protocol") },
  { name: "i", summary: localizable("Value of the request header VARNAME (several headers of that name are joined with `, `)."), example: "Mozilla/5.0 (X11; Linux x86_64)", value: "escaped", dash: true, argument: "required", field: headerIn },
  { name: "k", summary: localizable("Number of keep-alive requests handled on this connection before this one."), example: "0", value: "int", dash: false, field: () => f("[apache][access][keepalive_requests]", "keepalive_requests") },
  { name: "l", summary: localizable("Remote log name from identd (only with IdentityCheck on), otherwise `-`."), example: "-", value: "escaped", dash: true, field: () => f("[apache][access][user][identity]", "ident") },
  { name: "L", summary: localizable("Request log ID of the error log (`-` when none)."), example: "XBz2f38AAQEAAA0n", value: "token", dash: true, argument: "optional", argumentValues: ["c"], field: () => f("[apache][access][log_id]", "log_id") },
  { name: "m", summary: localizable("Request method."), example: "GET", value: "escaped", dash: false, field: () => f("[http][request][method]", "verb") },
  { name: "n", summary: localizable("Contents of the note VARNAME set by another module."), example: "1", value: "escaped", dash: true, argument: "required", field: (a) => f(`[apache][access][note][${seg(a ?? "")}]`, `note_${seg(a ?? "")}`) },
  { name: "o", summary: localizable("Value of the response header VARNAME."), example: "text/html", value: "escaped", dash: true, argument: "required", field: (a) => f(`[apache][access][response_headers][${seg(a ?? "")}]`, `header_out_${seg(a ?? "")}`) },
  { name: "p", summary: localizable("Port of the server (`%{canonical}p`, `%{local}p`, `%{remote}p` for the client's port)."), example: "80", value: "int", dash: false, argument: "optional", argumentValues: ["canonical", "local", "remote"], field: (a) => (a?.toLowerCase() === "remote" ? f("[source][port]", "remote_port") : a?.toLowerCase() === "local" ? f("[destination][port]", "local_port") : f("[url][port]", "port")) },
  { name: "P", summary: localizable("Process ID of the child that served the request (`%{tid}P`, `%{hextid}P`: thread ID)."), example: "4242", value: "token", dash: false, argument: "optional", argumentValues: ["pid", "tid", "hextid"], field: (a) => (a && a.toLowerCase() !== "pid" ? f("[process][thread][id]", "tid") : f("[process][pid]", "pid")) },
  { name: "q", summary: localizable("Query string with its leading `?`, or an empty string when there is none (never `-`)."), example: "?page=2", value: "query", dash: false, field: () => f("[url][query]", "query") },
  { name: "r", summary: localizable("First line of the request (method, URL as sent, protocol)."), example: "GET /index.html?x=1 HTTP/1.1", value: "escaped", dash: true, field: () => f("[apache][access][request_line]", "request_line") },
  { name: "R", summary: localizable("Handler that generated the response (`-` when none)."), example: "php-script", value: "escaped", dash: true, field: () => f("[apache][access][handler]", "handler") },
  { name: "s", summary: localizable("Status code (`%s` of the original request, `%>s` of the final one after internal redirects)."), example: "200", value: "status", dash: true, field: () => f("[http][response][status_code]", "response") },
  { name: "t", summary: localizable("Time the request was received, `[10/Oct/2000:13:55:36 -0700]` (`%{format}t`: strftime, `sec`, `msec`, `usec`, `msec_frac`, `usec_frac`, prefixed by `begin:` or `end:`)."), example: "[10/Oct/2000:13:55:36 -0700]", value: "time", dash: false, argument: "optional", argumentValues: ["sec", "msec", "usec", "msec_frac", "usec_frac", "begin:", "end:"], field: () => f("[timestamp]", "timestamp") },
  { name: "T", summary: localizable("Time taken to serve the request, in seconds (`%{ms}T`, `%{us}T` for other units)."), example: "0", value: "int", dash: false, argument: "optional", argumentValues: ["s", "ms", "us"], field: (a) => f(`[apache][access][duration][${a?.toLowerCase() === "ms" ? "ms" : a?.toLowerCase() === "us" ? "us" : "s"}]`, "duration") },
  { name: "u", summary: localizable("Remote user from authentication (`-` when none, `\"\"` when empty)."), example: "frank", value: "escaped", dash: true, field: () => f("[user][name]", "auth") },
  { name: "U", summary: localizable("URL path requested, without the query string."), example: "/index.html", value: "escaped", dash: false, field: () => f("[url][path]", "request") },
  { name: "v", summary: localizable("Canonical ServerName of the server that served the request."), example: "www.example.com", value: "escaped", dash: false, field: () => f("[apache][access][server_name]", "server_name") },
  { name: "V", summary: localizable("Server name according to UseCanonicalName."), example: "www.example.com", value: "escaped", dash: false, field: () => f("[url][domain]", "vhost") },
  { name: "X", summary: localizable("Connection status when the response was done: `X` aborted, `+` may be kept alive, `-` closed."), example: "+", value: "conn", dash: false, field: () => f("[apache][access][connection_status]", "connection_status") },
  { name: "I", summary: localizable("Bytes received including request and headers (mod_logio)."), example: "412", value: "int", dash: false, field: () => f("[http][request][bytes]", "bytes_in") },
  { name: "O", summary: localizable("Bytes sent including headers (mod_logio)."), example: "2671", value: "int", dash: false, field: () => f("[http][response][bytes]", "bytes_out") },
  { name: "S", summary: localizable("Bytes transferred, received and sent, including headers (mod_logio)."), example: "3083", value: "int", dash: false, field: () => f("[apache][access][bytes_transferred]", "bytes_transferred") },
  { name: "^ti", summary: localizable("Value of the request trailer VARNAME."), example: "abc", value: "escaped", dash: true, argument: "required", field: (a) => f(`[apache][access][request_trailers][${seg(a ?? "")}]`, `trailer_in_${seg(a ?? "")}`) },
  { name: "^to", summary: localizable("Value of the response trailer VARNAME."), example: "abc", value: "escaped", dash: true, argument: "required", field: (a) => f(`[apache][access][response_trailers][${seg(a ?? "")}]`, `trailer_out_${seg(a ?? "")}`) },
  { name: "x", summary: localizable("Value of the mod_ssl variable VARNAME, e.g. `%{SSL_PROTOCOL}x`."), example: "TLSv1.3", value: "escaped", dash: true, argument: "required", field: (a) => f(`[apache][access][ssl][${seg(a ?? "")}]`, `ssl_${seg(a ?? "")}`) },
  { name: "c", summary: localizable("mod_ssl's short cryptography variable VARNAME (`%{version}c`, `%{cipher}c`, `%{subjectdn}c`, `%{issuerdn}c`, `%{errcode}c`, `%{errstr}c`)."), example: "TLSv1.3", value: "escaped", dash: true, argument: "required", field: (a) => f(`[apache][access][ssl][${seg(a ?? "")}]`, `ssl_${seg(a ?? "")}`) },
];

const BY_NAME = new Map(APACHE_DIRECTIVES.map((d) => [d.name, d]));

export function apacheDirective(name: string): ApacheDirectiveInfo | undefined {
  return BY_NAME.get(name);
}
