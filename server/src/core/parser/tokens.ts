/**
 * Tokens of the Logstash config language (lscl_grammar.treetop), in two lexer modes: the main mode for
 * sections, plugins and values, and a condition mode entered by `if` and left at the `{` that opens the
 * branch body. Conditions need their own mode because `[a][b]` there is a field selector while the same
 * text in an option value is an array.
 */
import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from "chevrotain";

/**
 * Treetop's string rule is `'"' ('\"' | !'"' .)* '"'`: a PEG loop that never backtracks, so `\"` is
 * always an escaped quote and `"a\\"` is unterminated. A backtracking RegExp would accept it, hence a
 * hand-written matcher.
 */
function quotedMatcher(quote: string, terminated: boolean): (text: string, offset: number) => RegExpExecArray | null {
  return (text, offset) => {
    if (text[offset] !== quote) return null;
    let i = offset + 1;
    while (i < text.length) {
      const c = text[i];
      if (c === "\\" && text[i + 1] === quote) i += 2;
      else if (c === quote) {
        if (!terminated) return null;
        const image = text.slice(offset, i + 1);
        return [image] as unknown as RegExpExecArray;
      } else i++;
    }
    if (terminated) return null;
    return [text.slice(offset)] as unknown as RegExpExecArray;
  };
}

export const StringToken = createToken({ name: "StringToken", pattern: Lexer.NA });
export const DoubleQuoted = createToken({
  name: "DoubleQuoted",
  pattern: quotedMatcher('"', true),
  line_breaks: true,
  start_chars_hint: ['"'],
  categories: [StringToken],
});
export const SingleQuoted = createToken({
  name: "SingleQuoted",
  pattern: quotedMatcher("'", true),
  line_breaks: true,
  start_chars_hint: ["'"],
  categories: [StringToken],
});
/** A string that runs to the end of the text. Kept as a string so parsing goes on; reported by the lexer step. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: (text, offset) => quotedMatcher('"', false)(text, offset) ?? quotedMatcher("'", false)(text, offset),
  line_breaks: true,
  start_chars_hint: ['"', "'"],
  categories: [StringToken],
});

export const RegexToken = createToken({ name: "RegexToken", pattern: Lexer.NA });
export const Regex = createToken({
  name: "Regex",
  pattern: quotedMatcher("/", true),
  line_breaks: true,
  start_chars_hint: ["/"],
  categories: [RegexToken],
});
export const UnterminatedRegex = createToken({
  name: "UnterminatedRegex",
  pattern: quotedMatcher("/", false),
  line_breaks: true,
  start_chars_hint: ["/"],
  categories: [RegexToken],
});

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: "comments" });

export const Arrow = createToken({ name: "Arrow", pattern: "=>", label: "`=>`" });
export const LCurly = createToken({ name: "LCurly", pattern: "{", label: "`{`" });
export const RCurly = createToken({ name: "RCurly", pattern: "}", label: "`}`" });
export const LBracket = createToken({ name: "LBracket", pattern: "[", label: "`[`" });
export const RBracket = createToken({ name: "RBracket", pattern: "]", label: "`]`" });
export const Comma = createToken({ name: "Comma", pattern: ",", label: "`,`" });
export const LParen = createToken({ name: "LParen", pattern: "(", label: "`(`" });
export const RParen = createToken({ name: "RParen", pattern: ")", label: "`)`" });

/** The branch body's `{` ends the condition. */
export const ConditionEnd = createToken({ name: "ConditionEnd", pattern: "{", pop_mode: true, categories: [LCurly], label: "`{`" });

/**
 * `if` opens a condition, except where it is an option name (`if => …`), which the grammar allows
 * because option names are any `[A-Za-z0-9_-]+`.
 */
export const If = createToken({
  name: "If",
  pattern: /if(?![A-Za-z0-9_-])(?![ \t\r\n]*=>)/,
  push_mode: "condition",
  label: "`if`",
});

/** Numbers with a fraction; integers lex as words because a name such as `007` or `-1` is also a valid name. */
export const Decimal = createToken({ name: "Decimal", pattern: /-?[0-9]+\.[0-9]*/ });
/** `[A-Za-z0-9_-]+`: plugin and option names, barewords, integers, section keywords and `else`. */
export const Word = createToken({ name: "Word", pattern: /[A-Za-z0-9_-]+/, label: "name" });

// Condition mode.
export const Selector = createToken({ name: "Selector", pattern: /(?:\[[^\]\[,]+\])+/, label: "field reference" });
export const CondNumber = createToken({ name: "CondNumber", pattern: /-?[0-9]+(?:\.[0-9]*)?/, label: "number" });
export const CompareOp = createToken({ name: "CompareOp", pattern: /==|!=|<=|>=|<|>/, label: "comparison operator" });
export const MatchOp = createToken({ name: "MatchOp", pattern: /=~|!~/, label: "`=~` or `!~`" });
export const Bang = createToken({ name: "Bang", pattern: "!", label: "`!`" });
/** Treetop's rule is `"not " cs "in"`: exactly one space after `not`, then any whitespace or comments. */
export const NotIn = createToken({ name: "NotIn", pattern: /not (?:[ \t\r\n]|#[^\r\n]*)*in(?![A-Za-z0-9_])/, line_breaks: true, label: "`not in`" });
export const In = createToken({ name: "In", pattern: /in(?![A-Za-z0-9_])/, label: "`in`" });
export const BoolOp = createToken({ name: "BoolOp", pattern: /(?:and|or|xor|nand)(?![A-Za-z0-9_])/, label: "`and`, `or`, `xor` or `nand`" });
export const CondWord = createToken({ name: "CondWord", pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: "name" });

const mainMode: TokenType[] = [
  WhiteSpace, Comment, DoubleQuoted, SingleQuoted, UnterminatedString,
  Arrow, LCurly, RCurly, LBracket, RBracket, Comma, If, Decimal, Word,
];

const conditionMode: TokenType[] = [
  WhiteSpace, Comment, DoubleQuoted, SingleQuoted, UnterminatedString, Regex, UnterminatedRegex,
  ConditionEnd, LParen, RParen, Selector, LBracket, RBracket, Comma,
  MatchOp, CompareOp, Bang, NotIn, In, BoolOp, CondNumber, CondWord,
];

export const allTokens: TokenType[] = [
  ...new Set([...mainMode, ...conditionMode, StringToken, RegexToken]),
];

export const lscLexer = new Lexer(
  { modes: { main: mainMode, condition: conditionMode }, defaultMode: "main" },
  { positionTracking: "onlyOffset", ensureOptimizations: false, skipValidations: true },
);
