import type { Condition, Config, Node, Plugin, RValue, SectionType, Statement, Value } from "./ast";

/** Where a plugin sits: its section, and the plugin whose option holds it when it is a codec value. */
export interface PluginContext {
  section: SectionType;
  /** Set for plugins written as option values (`codec => json { … }`). */
  parent?: Plugin;
  /** Conditions of the enclosing branches, outermost first. */
  conditions: Condition[];
}

/** Calls `visit` for every plugin of the config, top-level and nested (codecs), in source order. */
export function forEachPlugin(config: Config, visit: (plugin: Plugin, ctx: PluginContext) => void): void {
  for (const section of config.sections) {
    forEachStatementPlugin(section.body, { section: section.type, conditions: [] }, visit);
  }
}

function forEachStatementPlugin(body: Statement[], ctx: PluginContext, visit: (plugin: Plugin, ctx: PluginContext) => void): void {
  for (const st of body) {
    if (st.kind === "plugin") {
      visit(st, ctx);
      for (const a of st.attributes) if (a.value) forEachValuePlugin(a.value, { ...ctx, parent: st }, visit);
    } else {
      for (const clause of st.clauses) {
        const conditions = clause.condition ? [...ctx.conditions, clause.condition] : ctx.conditions;
        forEachStatementPlugin(clause.body, { ...ctx, conditions }, visit);
      }
    }
  }
}

function forEachValuePlugin(value: Value, ctx: PluginContext, visit: (plugin: Plugin, ctx: PluginContext) => void): void {
  forEachValue(value, (v) => {
    if (v.kind === "plugin" && v !== value) return;
    if (v.kind === "plugin") {
      visit(v, ctx);
      for (const a of v.attributes) if (a.value) forEachValuePlugin(a.value, { ...ctx, parent: v }, visit);
    }
  });
}

/** Visits a value and, depth first, every value nested in it (array elements, hash entry values). */
export function forEachValue(value: Value, visit: (v: Value) => void): void {
  visit(value);
  if (value.kind === "array") for (const e of value.elements) forEachValue(e, visit);
  else if (value.kind === "hash") for (const e of value.entries) if (e.value) forEachValue(e.value, visit);
}

/** Every condition of the config, each clause's whole condition once. */
export function forEachCondition(config: Config, visit: (c: Condition) => void): void {
  const walk = (body: Statement[]): void => {
    for (const st of body) {
      if (st.kind !== "branch") continue;
      for (const clause of st.clauses) {
        if (clause.condition) visit(clause.condition);
        walk(clause.body);
      }
    }
  };
  for (const s of config.sections) walk(s.body);
}

/** Every rvalue inside a condition tree. */
export function forEachRValue(condition: Condition, visit: (v: RValue) => void): void {
  switch (condition.kind) {
    case "boolean":
      forEachRValue(condition.left, visit);
      forEachRValue(condition.right, visit);
      break;
    case "not":
      if (condition.operand.kind === "selector") visit(condition.operand);
      else forEachRValue(condition.operand, visit);
      break;
    case "paren":
      forEachRValue(condition.expression, visit);
      break;
    case "compare":
    case "in":
    case "match":
      if (condition.left) visit(condition.left);
      if (condition.right) visit(condition.right);
      break;
    case "truthy":
      visit(condition.value);
      break;
  }
}

/** Direct children of a node, in source order. */
export function childrenOf(node: Node): Node[] {
  switch (node.kind) {
    case "config":
      return node.sections;
    case "section":
      return node.body;
    case "plugin":
      return node.attributes;
    case "attribute":
      return node.value ? [node.value] : [];
    case "array":
      return node.elements;
    case "hash":
      return node.entries;
    case "hashEntry":
      return node.value ? [node.key, node.value] : [node.key];
    case "branch":
      return node.clauses;
    case "clause":
      return node.condition ? [node.condition, ...node.body] : node.body;
    case "boolean":
      return [node.left, node.right];
    case "not":
      return [node.operand];
    case "paren":
      return [node.expression];
    case "compare":
    case "in":
    case "match":
      return [node.left, node.right].filter(Boolean);
    case "truthy":
      return [node.value];
    case "methodCall":
      return node.args;
    default:
      return [];
  }
}

/** Depth-first pre-order walk; return `false` from `visit` to skip a node's children. */
export function walk(node: Node, visit: (node: Node) => boolean | void): void {
  if (visit(node) === false) return;
  for (const child of childrenOf(node)) walk(child, visit);
}
