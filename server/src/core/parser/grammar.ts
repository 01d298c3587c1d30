/**
 * The Logstash config grammar as a chevrotain parser that builds the syntax tree directly (embedded
 * actions), so a parse is one pass with no intermediate CST: large pipelines stay well inside the
 * diagnostics budget. Rules follow lscl_grammar.treetop; where treetop's PEG picks the first matching
 * alternative, the gates below pick the same one.
 *
 * Syntax tree construction sits in ACTION blocks because chevrotain runs every rule once with dummy
 * tokens while it records the grammar.
 */
import { EmbeddedActionsParser, tokenMatcher, type IToken, type TokenType } from "chevrotain";
import type {
  ArrayLiteral, Attribute, Bareword, Branch, Clause, Condition, Config, HashEntry, HashLiteral, MethodCall,
  NumberLiteral, Plugin, RegexLiteral, RValue, Section, SectionType, Selector, Span, Statement, StringLiteral,
  Value, BooleanOperator,
} from "../ast";
import {
  allTokens, Arrow, Bang, BoolOp, Comma, CompareOp, CondNumber, CondWord, Decimal, If, In, LBracket, LCurly,
  LParen, MatchOp, NotIn, RBracket, RCurly, RegexToken, RParen, Selector as SelectorToken, StringToken, Word,
} from "./tokens";
import { errorMessages } from "./errorMessages";
import { localizable } from "../l10n";

/** A boolean chain before precedence is applied (see `joinConditions`). */
export interface ConditionChain {
  operands: Condition[];
  operators: { op: BooleanOperator; range: Span }[];
}

const BAREWORD = /^[A-Za-z_][A-Za-z0-9_]+$/;
const INTEGER = /^-?[0-9]+$/;

export function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

function spanOf(first: Span, last: Span | undefined): Span {
  return { start: first.start, end: Math.max(first.end, last?.end ?? first.end) };
}

/** A token chevrotain inserted while recovering has no position; such nodes are dropped. */
function real(token: IToken | undefined): token is IToken {
  return !!token && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

/**
 * Past this many errors the parser stops: a quote deleted near the top of a large file flips every later
 * string inside out, and recovering from tens of thousands of errors would take seconds.
 */
export const MAX_PARSE_ERRORS = 200;

export class LscParser extends EmbeddedActionsParser {
  /** Problems found while building the tree that the grammar itself accepts loosely. */
  treeIssues: { code: string; message: [string, ...string[]]; range: Span }[] = [];

  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: errorMessages });
    this.performSelfAnalysis();
  }

  load(tokens: IToken[]): void {
    this.input = tokens;
    this.treeIssues = [];
  }

  public config = this.RULE("config", (): Config => {
    const sections: Section[] = [];
    this.MANY({
      GATE: () => this.underErrorLimit(),
      DEF: () => {
        const s = this.SUBRULE(this.section);
        this.ACTION(() => s && sections.push(s));
      },
    });
    return { kind: "config", sections, comments: [], range: { start: 0, end: 0 } };
  });

  private section = this.RULE("section", (): Section => {
    const name = this.CONSUME(Word);
    const open = this.CONSUME(LCurly);
    const body = this.SUBRULE(this.statements);
    const close = this.CONSUME(RCurly);
    return this.ACTION(() => {
      const typeRange = tokenSpan(name);
      if (name.image !== "input" && name.image !== "filter" && name.image !== "output") {
        this.treeIssues.push({
          code: "syntax-unknown-section",
          message: [localizable("`{0}` is not a section: a pipeline has only `input`, `filter` and `output` sections"), name.image],
          range: typeRange,
        });
      }
      const end = real(close) ? tokenSpan(close) : lastSpan(body ?? []) ?? tokenSpan(open);
      return {
        kind: "section",
        type: name.image as SectionType,
        typeRange,
        body: body ?? [],
        bodyRange: spanOf(tokenSpan(open), end),
        range: spanOf(typeRange, end),
      };
    });
  });

  private statements = this.RULE("statements", (): Statement[] => {
    const out: Statement[] = [];
    this.MANY({ GATE: () => this.underErrorLimit(), DEF: () => {
      const s = this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { GATE: () => !tokenMatcher(this.LA(2), LCurly), ALT: () => this.SUBRULE(this.branch) },
          { ALT: () => this.SUBRULE(this.plugin) },
        ],
      });
      this.ACTION(() => s && out.push(s));
    } });
    return out;
  });

  private plugin = this.RULE("plugin", (): Plugin => {
    const nameTok = this.OR([
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.CONSUME(StringToken) },
      // `if { }` is a plugin named `if` (the branch rule needs a condition).
      { ALT: () => this.CONSUME(If) },
    ]);
    const open = this.CONSUME(LCurly);
    const attributes: Attribute[] = [];
    this.MANY({
      GATE: () => this.underErrorLimit(),
      DEF: () => {
        const a = this.SUBRULE(this.attribute);
        this.ACTION(() => a && attributes.push(a));
      },
    });
    const close = this.CONSUME(RCurly);
    return this.ACTION(() => {
      const quoted = nameTok.tokenType !== Word && nameTok.tokenType !== If;
      const nameRange = tokenSpan(nameTok);
      const end = real(close) ? tokenSpan(close) : attributes.at(-1)?.range ?? tokenSpan(open);
      return {
        kind: "plugin",
        name: quoted ? unquote(nameTok.image) : nameTok.image,
        nameRange,
        quotedName: quoted,
        attributes,
        bodyRange: spanOf(tokenSpan(open), end),
        range: spanOf(nameRange, end),
      };
    });
  });

  private attribute = this.RULE("attribute", (): Attribute => {
    const nameTok = this.OR([
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.CONSUME(StringToken) },
      { ALT: () => this.CONSUME(If) },
    ]);
    this.CONSUME(Arrow);
    const value = this.SUBRULE(this.value);
    return this.ACTION(() => {
      const quoted = nameTok.tokenType !== Word && nameTok.tokenType !== If;
      const nameRange = tokenSpan(nameTok);
      return {
        kind: "attribute",
        name: quoted ? unquote(nameTok.image) : nameTok.image,
        nameRange,
        quotedName: quoted,
        value: value ?? undefined,
        range: spanOf(nameRange, value?.range),
      };
    });
  });

  private value = this.RULE("value", (): Value => {
    return this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => tokenMatcher(this.LA(2), LCurly), ALT: () => this.SUBRULE(this.plugin) },
        { ALT: () => this.wordValue(this.CONSUME(Word)) },
        { ALT: () => this.decimal(this.CONSUME(Decimal)) },
        { ALT: () => this.string(this.CONSUME(StringToken)) },
        { ALT: () => this.SUBRULE(this.array) },
        { ALT: () => this.SUBRULE(this.hash) },
      ],
    });
  });

  private array = this.RULE("array", (): ArrayLiteral => {
    const open = this.CONSUME(LBracket);
    const elements: Value[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        const v = this.SUBRULE(this.value);
        this.ACTION(() => v && elements.push(v));
      },
    });
    const close = this.CONSUME(RBracket);
    return this.ACTION(() => ({
      kind: "array",
      elements,
      range: spanOf(tokenSpan(open), real(close) ? tokenSpan(close) : elements.at(-1)?.range),
    }));
  });

  private hash = this.RULE("hash", (): HashLiteral => {
    const open = this.CONSUME(LCurly);
    const entries: HashEntry[] = [];
    this.MANY({
      GATE: () => this.underErrorLimit(),
      DEF: () => {
        const e = this.SUBRULE(this.hashEntry);
        this.ACTION(() => e && entries.push(e));
      },
    });
    const close = this.CONSUME(RCurly);
    return this.ACTION(() => ({
      kind: "hash",
      entries,
      range: spanOf(tokenSpan(open), real(close) ? tokenSpan(close) : entries.at(-1)?.range),
    }));
  });

  private hashEntry = this.RULE("hashEntry", (): HashEntry => {
    const key = this.OR([
      { ALT: () => this.wordValue(this.CONSUME(Word)) as StringLiteral | NumberLiteral | Bareword },
      { ALT: () => this.decimal(this.CONSUME(Decimal)) },
      { ALT: () => this.string(this.CONSUME(StringToken)) },
    ]);
    this.CONSUME(Arrow);
    const value = this.SUBRULE(this.value);
    return this.ACTION(() => ({
      kind: "hashEntry",
      key,
      value: value ?? undefined,
      range: spanOf(key.range, value?.range),
    }));
  });

  private branch = this.RULE("branch", (): Branch => {
    const clauses: Clause[] = [];
    const ifTok = this.CONSUME(If);
    const condition = this.SUBRULE(this.condition);
    const block = this.SUBRULE(this.block);
    this.ACTION(() => clauses.push(makeClause("if", tokenSpan(ifTok), condition, block)));
    let sawElse = false;
    this.MANY({
      // A second plain `else { }` after an else is a plugin named `else` in Logstash's grammar.
      GATE: () =>
        !sawElse &&
        this.LA(1).tokenType === Word &&
        this.LA(1).image === "else" &&
        (tokenMatcher(this.LA(2), If) || tokenMatcher(this.LA(2), LCurly)),
      DEF: () => {
        const elseTok = this.CONSUME(Word);
        this.OR([
          {
            ALT: () => {
              const elseIf = this.CONSUME2(If);
              const cond = this.SUBRULE2(this.condition);
              const body = this.SUBRULE2(this.block);
              this.ACTION(() => clauses.push(makeClause("else if", spanOf(tokenSpan(elseTok), tokenSpan(elseIf)), cond, body)));
            },
          },
          {
            ALT: () => {
              const body = this.SUBRULE3(this.block);
              this.ACTION(() => {
                sawElse = true;
                clauses.push(makeClause("else", tokenSpan(elseTok), undefined, body));
              });
            },
          },
        ]);
      },
    });
    return this.ACTION(() => ({
      kind: "branch",
      clauses,
      range: spanOf(clauses[0]?.range ?? { start: 0, end: 0 }, clauses.at(-1)?.range),
    }));
  });

  private block = this.RULE("block", (): Block => {
    const open = this.CONSUME(LCurly);
    const body = this.SUBRULE(this.statements);
    const close = this.CONSUME(RCurly);
    return this.ACTION(() => {
      const end = real(close) ? tokenSpan(close) : lastSpan(body ?? []) ?? tokenSpan(open);
      return { body: body ?? [], range: spanOf(tokenSpan(open), end) };
    });
  });

  private condition = this.RULE("condition", (): Condition => {
    const chain: ConditionChain = { operands: [], operators: [] };
    const first = this.SUBRULE(this.expression);
    this.ACTION(() => chain.operands.push(first));
    this.MANY(() => {
      const op = this.CONSUME(BoolOp);
      const next = this.SUBRULE2(this.expression);
      this.ACTION(() => {
        chain.operators.push({ op: op.image as BooleanOperator, range: tokenSpan(op) });
        chain.operands.push(next);
      });
    });
    return this.ACTION(() => this.joinConditions(chain));
  });

  private expression = this.RULE("expression", (): Condition => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.parenCondition) },
      {
        ALT: () => {
          const bang = this.CONSUME(Bang);
          const operand = this.OR2([
            { ALT: () => this.SUBRULE2(this.parenCondition) },
            { ALT: () => this.selector(this.CONSUME(SelectorToken)) },
          ]);
          return this.ACTION(() => ({ kind: "not", operand, range: spanOf(tokenSpan(bang), operand?.range) }) as Condition);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  private parenCondition = this.RULE("parenCondition", () => {
    const open = this.CONSUME(LParen);
    const expression = this.SUBRULE(this.condition);
    const close = this.CONSUME(RParen);
    return this.ACTION(() => ({
      kind: "paren" as const,
      expression,
      range: spanOf(tokenSpan(open), real(close) ? tokenSpan(close) : expression?.range),
    }));
  });

  private comparison = this.RULE("comparison", (): Condition => {
    const left = this.SUBRULE(this.rvalue);
    let result: Condition | undefined;
    // Recovery can leave `left` undefined; the nodes built below then skip it.
    this.OPTION(() => {
      result = this.OR([
        {
          ALT: () => {
            const op = this.CONSUME(In);
            const right = this.SUBRULE2(this.rvalue);
            return this.ACTION(() => ({ kind: "in", negated: false, operatorRange: tokenSpan(op), left, right, range: spanOf(left?.range ?? tokenSpan(op), right?.range) }) as Condition);
          },
        },
        {
          ALT: () => {
            const op = this.CONSUME(NotIn);
            const right = this.SUBRULE3(this.rvalue);
            return this.ACTION(() => ({ kind: "in", negated: true, operatorRange: tokenSpan(op), left, right, range: spanOf(left?.range ?? tokenSpan(op), right?.range) }) as Condition);
          },
        },
        {
          ALT: () => {
            const op = this.CONSUME(CompareOp);
            const right = this.SUBRULE4(this.rvalue);
            return this.ACTION(() => ({ kind: "compare", operator: op.image, operatorRange: tokenSpan(op), left, right, range: spanOf(left?.range ?? tokenSpan(op), right?.range) }) as Condition);
          },
        },
        {
          ALT: () => {
            const op = this.CONSUME(MatchOp);
            const right = this.OR2([
              { ALT: () => this.string(this.CONSUME(StringToken)) as StringLiteral | RegexLiteral },
              { ALT: () => this.regex(this.CONSUME(RegexToken)) },
            ]);
            return this.ACTION(() => ({ kind: "match", operator: op.image, operatorRange: tokenSpan(op), left, right, range: spanOf(left?.range ?? tokenSpan(op), right?.range) }) as Condition);
          },
        },
      ]);
    });
    return this.ACTION(() => result ?? (left ? { kind: "truthy", value: left, range: left.range } : (undefined as unknown as Condition)));
  });

  private rvalue = this.RULE("rvalue", (): RValue => {
    return this.OR([
      { ALT: () => this.string(this.CONSUME(StringToken)) },
      { ALT: () => this.number(this.CONSUME(CondNumber)) },
      { ALT: () => this.selector(this.CONSUME(SelectorToken)) },
      { ALT: () => this.SUBRULE(this.conditionArray) },
      { ALT: () => this.SUBRULE(this.methodCall) },
      { ALT: () => this.regex(this.CONSUME(RegexToken)) },
    ]);
  });

  private conditionArray = this.RULE("conditionArray", (): ArrayLiteral => {
    const open = this.CONSUME(LBracket);
    const elements: Value[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        const v = this.OR([
          { ALT: () => this.string(this.CONSUME(StringToken)) as Value },
          { ALT: () => this.number(this.CONSUME(CondNumber)) },
          { ALT: () => this.bareword(this.CONSUME(CondWord)) },
          { ALT: () => this.SUBRULE(this.conditionArray) },
        ]);
        this.ACTION(() => v && elements.push(v));
      },
    });
    const close = this.CONSUME(RBracket);
    return this.ACTION(() => ({
      kind: "array",
      elements,
      range: spanOf(tokenSpan(open), real(close) ? tokenSpan(close) : elements.at(-1)?.range),
    }));
  });

  private methodCall = this.RULE("methodCall", (): MethodCall => {
    const name = this.CONSUME(CondWord);
    this.CONSUME(LParen);
    const args: RValue[] = [];
    this.MANY_SEP({
      SEP: Comma,
      DEF: () => {
        const v = this.SUBRULE(this.rvalue);
        this.ACTION(() => v && args.push(v));
      },
    });
    const close = this.CONSUME(RParen);
    return this.ACTION(() => ({
      kind: "methodCall",
      name: name.image,
      nameRange: tokenSpan(name),
      args,
      range: spanOf(tokenSpan(name), real(close) ? tokenSpan(close) : args.at(-1)?.range),
    }));
  });

  private underErrorLimit(): boolean {
    return this.errors.length < MAX_PARSE_ERRORS;
  }

  // Leaf builders. They run inside ALT bodies, so they guard against the recording phase themselves.

  private wordValue(tok: IToken): Value {
    return this.ACTION(() => {
      if (INTEGER.test(tok.image)) return this.number(tok);
      if (!BAREWORD.test(tok.image)) {
        this.treeIssues.push({
          code: "syntax-invalid-bareword",
          message:
            tok.image.length === 1 && /[A-Za-z_]/.test(tok.image)
              ? [localizable("A bareword needs at least two characters: quote it, as in \"{0}\""), tok.image]
              : [localizable("`{0}` is not a valid value: quote it, as in \"{0}\""), tok.image],
          range: tokenSpan(tok),
        });
      }
      return this.bareword(tok);
    });
  }

  private bareword(tok: IToken): Bareword {
    return this.ACTION(() => ({ kind: "bareword", value: tok.image, range: tokenSpan(tok) }));
  }

  private number(tok: IToken): NumberLiteral {
    return this.ACTION(() => ({ kind: "number", text: tok.image, value: Number(tok.image), range: tokenSpan(tok) }));
  }

  private decimal(tok: IToken): NumberLiteral {
    return this.number(tok);
  }

  private string(tok: IToken): StringLiteral {
    return this.ACTION(() => {
      const quote = tok.image[0] as '"' | "'";
      const closed = tok.image.length >= 2 && tok.image.endsWith(quote) && tok.tokenType.name !== "UnterminatedString";
      return {
        kind: "string",
        quote,
        value: tok.image.slice(1, closed ? -1 : undefined),
        range: tokenSpan(tok),
      };
    });
  }

  private regex(tok: IToken): RegexLiteral {
    return this.ACTION(() => {
      const closed = tok.tokenType.name === "Regex";
      return { kind: "regex", source: tok.image.slice(1, closed ? -1 : undefined), range: tokenSpan(tok) };
    });
  }

  private selector(tok: IToken): Selector {
    return this.ACTION(() => ({
      kind: "selector",
      path: tok.image.slice(1, -1).split("]["),
      text: tok.image,
      range: tokenSpan(tok),
    }));
  }

  /**
   * Applies lscl.rb's precedence: `and` binds tighter than `or`, equal operators group to the right, and
   * `xor`/`nand` have no precedence at all, so a chain mixing them with another operator does not compile
   * (reported by the post-parse checks, which see the flat chain through `mixedOperators`).
   */
  private joinConditions(chain: ConditionChain): Condition {
    const { operands, operators } = chain;
    if (operators.length > 1 && operators.some((o) => o.op === "xor" || o.op === "nand")) {
      this.treeIssues.push({
        code: "config-mixed-boolean-operators",
        message: [localizable("Logstash cannot combine `xor` or `nand` with another boolean operator without parentheses")],
        range: spanOf(operands[0].range, operands.at(-1)?.range),
      });
    }
    const build = (lo: number, hi: number): Condition => {
      if (lo === hi) return operands[lo];
      let split = lo;
      let best = Infinity;
      for (let i = lo; i < hi; i++) {
        const p = precedence(operators[i].op);
        if (p < best) {
          best = p;
          split = i;
        }
      }
      const left = build(lo, split);
      const right = build(split + 1, hi);
      return {
        kind: "boolean",
        operator: operators[split].op,
        operatorRange: operators[split].range,
        left,
        right,
        range: spanOf(left.range, right.range),
      };
    };
    return build(0, operands.length - 1);
  }
}

interface Block {
  body: Statement[];
  range: Span;
}

function makeClause(type: Clause["type"], keywordRange: Span, condition: Condition | undefined, block: Block | undefined): Clause {
  const bodyRange = block?.range ?? keywordRange;
  return {
    kind: "clause",
    type,
    keywordRange,
    condition: condition ?? undefined,
    body: block?.body ?? [],
    bodyRange,
    range: spanOf(keywordRange, bodyRange),
  };
}

function precedence(op: BooleanOperator): number {
  return op === "and" ? 2 : op === "or" ? 1 : 0;
}

function unquote(image: string): string {
  const q = image[0];
  return image.length >= 2 && image.endsWith(q) ? image.slice(1, -1) : image.slice(1);
}

function lastSpan(statements: Statement[]): Span | undefined {
  return statements.at(-1)?.range;
}

export const tokenTypesByName = new Map<string, TokenType>(allTokens.map((t) => [t.name, t]));
