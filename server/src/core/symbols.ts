/**
 * Document outline: sections → plugins (and codec plugins inside them) → conditional clauses.
 */
import type { Attribute, Clause, Comment, Config, Plugin, Span, Statement } from "./ast";

export type SymbolKind = "section" | "plugin" | "branch";

export interface DocumentSymbol {
  name: string;
  /** Secondary text shown next to the name (the plugin's section-relative role, …). */
  detail?: string;
  kind: SymbolKind;
  range: Span;
  /** The part to reveal when the symbol is picked: a keyword or plugin name. */
  selectionRange: Span;
  children: DocumentSymbol[];
}

/** Longest condition text shown in the outline before it is cut with an ellipsis. */
const MAX_CONDITION_LENGTH = 80;

export function findDocumentSymbols(config: Config, text: string): DocumentSymbol[] {
  return config.sections.map((section) => ({
    name: section.type,
    kind: "section" as const,
    range: section.range,
    selectionRange: section.typeRange,
    children: statementSymbols(section.body, { text, comments: config.comments }),
  }));
}

interface Context {
  text: string;
  comments: Comment[];
}

function statementSymbols(body: Statement[], context: Context): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const statement of body) {
    if (statement.kind === "plugin") out.push(pluginSymbol(statement));
    else for (const clause of statement.clauses) out.push(clauseSymbol(clause, context));
  }
  return out;
}

function pluginSymbol(plugin: Plugin): DocumentSymbol {
  const id = pluginId(plugin);
  const children: DocumentSymbol[] = [];
  // Plugins used as values (`codec => json { … }`) are shown under their owner.
  for (const attribute of plugin.attributes) {
    if (attribute.value?.kind === "plugin") {
      const inner = pluginSymbol(attribute.value);
      children.push({ ...inner, detail: attribute.name });
    }
  }
  return {
    name: id !== undefined ? `${plugin.name} (${id})` : plugin.name,
    kind: "plugin",
    range: plugin.range,
    selectionRange: plugin.nameRange,
    children,
  };
}

/** The value of a plugin's `id` option, when it is a plain string or bareword. */
export function pluginId(plugin: Plugin): string | undefined {
  const attribute: Attribute | undefined = plugin.attributes.find((a) => a.name === "id");
  const value = attribute?.value;
  if (value?.kind === "string" || value?.kind === "bareword") return value.value;
  return undefined;
}

function clauseSymbol(clause: Clause, context: Context): DocumentSymbol {
  let name: string = clause.type;
  if (clause.condition) {
    let condition = textWithoutComments(clause.condition.range, context).replace(/\s+/g, " ").trim();
    if (condition.length > MAX_CONDITION_LENGTH) condition = condition.slice(0, MAX_CONDITION_LENGTH - 1) + "…";
    name = `${clause.type} ${condition}`;
  }
  return {
    name,
    kind: "branch",
    range: clause.range,
    selectionRange: clause.keywordRange,
    children: statementSymbols(clause.body, context),
  };
}

/** Logstash allows comments around boolean operators; they would make a one-line label unreadable. */
function textWithoutComments(range: Span, { text, comments }: Context): string {
  let out = "";
  let at = range.start;
  for (const comment of comments) {
    if (comment.range.start < range.start || comment.range.end > range.end) continue;
    out += text.slice(at, comment.range.start) + " ";
    at = comment.range.end;
  }
  return out + text.slice(at, range.end);
}
