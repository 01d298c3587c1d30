/**
 * Decides whether a document that VS Code opened as plain text (or as another `.conf` language) is a
 * Logstash pipeline. No `vscode` import, so the rules are unit-tested on real snippets.
 *
 * `.conf` is shared with nginx, Apache httpd, supervisord, fontconfig and many others, so content wins
 * over the file name: a file that looks like another format is never switched.
 */

/** How many code lines (not blank, not comment) are looked at; pipelines declare a section early. */
export const SNIFF_LINE_LIMIT = 50;

export type ContentVerdict = "logstash" | "other" | "unknown";

interface CodeLine {
  /** The line with string contents removed (`"…"` → `""`), so quoted text cannot look like syntax. */
  code: string;
  /** Brace depth before the line. */
  depth: number;
}

/** Lines of code outside strings and comments, with the brace depth at each, up to `limit` lines. */
function codeLines(text: string, limit: number): CodeLine[] {
  const out: CodeLine[] = [];
  let depth = 0;
  let quote: string | undefined;
  let code = "";
  let lineDepth = 0;
  let startedInString = false;
  const endLine = () => {
    if (!startedInString && code.trim() !== "") out.push({ code: code.trim(), depth: lineDepth });
    code = "";
    lineDepth = depth;
    startedInString = quote !== undefined;
  };
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) {
      endLine();
      continue;
    }
    if (c === "\r") continue;
    if (quote) {
      if (c === "\\" && text[i + 1] === quote) i++;
      else if (c === quote) {
        quote = undefined;
        code += c;
      }
      continue;
    }
    if (c === "#") {
      while (i + 1 < text.length && text[i + 1] !== "\n" && text[i + 1] !== "\r") i++;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      code += c;
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    code += c;
  }
  if (out.length < limit) endLine();
  return out;
}

/** Lines that only other formats have. Checked on code outside strings, so a ruby `code => "…;"` is safe. */
const FOREIGN_PATTERNS: RegExp[] = [
  // nginx: directives end with `;`, and its block names.
  /;\s*$/,
  /^(server|http|events|stream|upstream|location|mail|map|types|geo|split_clients|limit_except)\b.*\{\s*$/,
  // Apache httpd: <VirtualHost *:80>, </Directory>, and its core directives.
  /^<\/?[A-Za-z][\w.-]*(\s[^>]*)?>$/,
  /^(LogFormat|CustomLog|ErrorLog|ServerName|ServerRoot|ServerAdmin|DocumentRoot|Listen|LoadModule|Include|IncludeOptional|DirectoryIndex|RewriteEngine|RewriteRule|RewriteCond|ProxyPass|ProxyPassReverse|SetEnvIf|AddType|Alias|Require|Options|AllowOverride)\s/,
  // INI-style headers (supervisord, mysql, systemd drop-ins): Logstash has no top-level brackets.
  /^\[[^\]]+\]$/,
];

const SECTION = /^(input|filter|output)\s*(\{|$)/;

export function sniffContent(text: string): ContentVerdict {
  const lines = codeLines(text, SNIFF_LINE_LIMIT);
  let section = false;
  for (let i = 0; i < lines.length; i++) {
    const { code, depth } = lines[i];
    if (FOREIGN_PATTERNS.some((re) => re.test(code))) return "other";
    const m = depth === 0 ? SECTION.exec(code) : null;
    // `input` alone on its line counts only when the next code line opens the block.
    if (m && (m[2] === "{" || lines[i + 1]?.code.startsWith("{"))) section = true;
  }
  return section ? "logstash" : "unknown";
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** `logstash.conf`, `logstash-apache.conf`, `Logstash_sample.conf`. */
export function isLogstashFileName(path: string): boolean {
  return /^logstash.*\.conf$/i.test(basename(path));
}

/**
 * For `<dir>/conf.d/x.conf`: the files whose existence marks `<dir>` (or its parent) as a Logstash
 * settings folder, e.g. `/etc/logstash/pipelines.yml` next to `/etc/logstash/conf.d/`.
 */
export function pipelineMarkerCandidates(path: string): string[] {
  const sep = path.includes("\\") && !path.includes("/") ? "\\" : "/";
  const parts = path.split(/[\\/]/);
  if (parts.length < 3 || !/\.conf$/i.test(parts[parts.length - 1]) || parts[parts.length - 2] !== "conf.d") return [];
  const parent = parts.slice(0, -2);
  const out: string[] = [];
  for (const dir of [parent, parent.slice(0, -1)]) {
    if (dir.length === 0 || (dir.length === 1 && dir[0] === "")) continue;
    for (const marker of ["pipelines.yml", "logstash.yml"]) out.push([...dir, marker].join(sep));
  }
  return out;
}

export interface SniffInput {
  /** File-system path (or URI path) of the document. */
  path: string;
  text: string;
  /** Whether any of `pipelineMarkerCandidates(path)` exists. */
  hasPipelineMarker?: boolean;
}

export function isLogstashDocument({ path, text, hasPipelineMarker }: SniffInput): boolean {
  const verdict = sniffContent(text);
  if (verdict !== "unknown") return verdict === "logstash";
  return isLogstashFileName(path) || (hasPipelineMarker === true && /\.conf$/i.test(path));
}
