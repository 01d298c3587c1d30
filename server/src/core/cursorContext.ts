/**
 * What the cursor is in, for completion. Text being typed rarely parses, so instead of the syntax tree
 * this walks the tokens before the cursor with a stack of open blocks: a section, a plugin (and the
 * option whose value it is, for codecs), a branch body, a hash or an array.
 */
import type { IToken } from "chevrotain";
import type { SectionType } from "./ast";
import type { PluginKind } from "./catalog/types";
import { lscLexer } from "./parser/tokens";

type Frame =
  | { type: "section"; section: SectionType }
  | { type: "clause"; section: SectionType }
  | { type: "plugin"; name: string; kind: PluginKind; section: SectionType; used: string[] }
  | { type: "hash" | "array"; plugin?: { name: string; kind: PluginKind }; option?: string };

export type CursorContext =
  | { kind: "top"; prefix: string }
  | { kind: "statement"; section: SectionType; prefix: string }
  | { kind: "optionName"; plugin: string; pluginKind: PluginKind; used: string[]; prefix: string }
  | { kind: "optionValue"; plugin: string; pluginKind: PluginKind; option: string; prefix: string; inString: boolean }
  | { kind: "condition"; section: SectionType; prefix: string; inString: boolean }
  | {
      kind: "string";
      plugin?: string;
      pluginKind?: PluginKind;
      option?: string;
      /** The string's text before the cursor. */
      before: string;
    }
  | { kind: "none" };

const SECTIONS = new Set(["input", "filter", "output"]);

export function cursorContext(text: string, offset: number): CursorContext {
  const { tokens } = lscLexer.tokenize(text);
  const stack: Frame[] = [];
  const top = (): Frame | undefined => stack[stack.length - 1];
  const sectionOf = (): SectionType => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const f = stack[i];
      if (f.type === "section" || f.type === "clause" || f.type === "plugin") return f.section;
    }
    return "filter";
  };
  const enclosingPlugin = (): { name: string; kind: PluginKind } | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const f = stack[i];
      if (f.type === "plugin") return { name: f.name, kind: f.kind };
      if (f.type === "hash" || f.type === "array") return f.plugin;
    }
    return undefined;
  };

  let i = 0;
  let inCondition = false;
  // The option whose value comes next, set by `name =>` inside a plugin.
  let pendingOption: string | undefined;
  let pendingOptionOwner: { name: string; kind: PluginKind } | undefined;

  for (; i < tokens.length; i++) {
    const tok = tokens[i];
    const end = tok.startOffset + tok.image.length;
    if (end > offset || (end === offset && isWordLike(tok))) break;
    const type = tok.tokenType.name;
    const prev = tokens[i - 1];
    const f = top();

    if (type === "If") {
      inCondition = true;
      continue;
    }
    if (inCondition) {
      if (type === "ConditionEnd") {
        inCondition = false;
        stack.push({ type: "clause", section: sectionOf() });
      }
      continue;
    }
    switch (type) {
      case "LCurly": {
        if (!f) {
          if (prev && SECTIONS.has(prev.image)) stack.push({ type: "section", section: prev.image as SectionType });
          else stack.push({ type: "section", section: "filter" });
        } else if (f.type === "section" || f.type === "clause") {
          if (prev?.image === "else") stack.push({ type: "clause", section: f.section });
          else stack.push({ type: "plugin", name: nameOf(prev), kind: f.section, section: f.section, used: [] });
        } else if (prev && prev.tokenType.name !== "Arrow" && (prev.tokenType.name === "Word" || isString(prev))) {
          // `codec => json {`: a plugin as a value.
          const kind: PluginKind = pendingOption === "codec" ? "codec" : sectionOf();
          stack.push({ type: "plugin", name: nameOf(prev), kind, section: sectionOf(), used: [] });
        } else {
          stack.push({ type: "hash", plugin: enclosingPlugin(), option: pendingOption ?? optionOf(f) });
        }
        pendingOption = undefined;
        break;
      }
      case "LBracket":
        stack.push({ type: "array", plugin: enclosingPlugin(), option: pendingOption ?? optionOf(f) });
        pendingOption = undefined;
        break;
      case "RCurly":
      case "RBracket":
        stack.pop();
        pendingOption = undefined;
        break;
      case "Arrow":
        if (f?.type === "plugin" && prev) {
          const name = nameOf(prev);
          f.used.push(name);
          pendingOption = name;
          pendingOptionOwner = { name: f.name, kind: f.kind };
        }
        break;
      default:
        // A scalar value completes the pending option.
        if (pendingOption && prev?.tokenType.name === "Arrow" && (type === "Word" || type === "Decimal" || isString(tok))) {
          const next = tokens[i + 1];
          if (!next || next.tokenType.name !== "LCurly") pendingOption = undefined;
        }
    }
  }

  const at = tokens[i];
  const prefixTok = at && at.startOffset < offset && isWordLike(at) ? at : undefined;
  const prefix = prefixTok ? text.slice(prefixTok.startOffset, offset) : "";
  const f = top();

  // Inside a string: the cursor lies within a string token.
  if (at && isString(at) && at.startOffset < offset && offset < at.startOffset + at.image.length + (at.tokenType.name === "UnterminatedString" ? 1 : 0)) {
    const before = text.slice(at.startOffset + 1, offset);
    if (inCondition) return { kind: "condition", section: sectionOf(), prefix: before, inString: true };
    if (f?.type === "plugin" && pendingOption && tokens[i - 1]?.tokenType.name === "Arrow") {
      return { kind: "optionValue", plugin: f.name, pluginKind: f.kind, option: pendingOption, prefix: before, inString: true };
    }
    const owner = f?.type === "plugin" ? { name: f.name, kind: f.kind } : f?.type === "hash" || f?.type === "array" ? f.plugin : undefined;
    const option = f?.type === "hash" || f?.type === "array" ? f.option : pendingOption;
    return { kind: "string", plugin: owner?.name, pluginKind: owner?.kind, option, before };
  }

  if (inCondition) return { kind: "condition", section: sectionOf(), prefix, inString: false };
  if (!f) return { kind: "top", prefix };
  if (f.type === "section" || f.type === "clause") return { kind: "statement", section: f.section, prefix };
  if (f.type === "plugin") {
    const last = prefixTok ? tokens[i - 1] : tokens[i - 1];
    if (last?.tokenType.name === "Arrow" && pendingOption && pendingOptionOwner) {
      return { kind: "optionValue", plugin: f.name, pluginKind: f.kind, option: pendingOption, prefix, inString: false };
    }
    return { kind: "optionName", plugin: f.name, pluginKind: f.kind, used: f.used, prefix };
  }
  return { kind: "none" };
}

function isWordLike(tok: IToken): boolean {
  const n = tok.tokenType.name;
  return n === "Word" || n === "CondWord" || n === "If" || n === "Decimal";
}

function isString(tok: IToken): boolean {
  const n = tok.tokenType.name;
  return n === "DoubleQuoted" || n === "SingleQuoted" || n === "UnterminatedString";
}

function nameOf(tok: IToken | undefined): string {
  if (!tok) return "";
  return isString(tok) ? tok.image.slice(1, -1) : tok.image;
}

function optionOf(f: Frame | undefined): string | undefined {
  return f && (f.type === "hash" || f.type === "array") ? f.option : undefined;
}
