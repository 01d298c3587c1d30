/**
 * Chevrotain hands its error message provider the structured facts of each error (expected token, found
 * token, previous token, rule). We keep them as JSON in the message and turn them into a stable code and a
 * message a Logstash user understands in `syntaxIssues.ts`, where the source text is at hand.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";

export interface ParseErrorFacts {
  kind: "mismatch" | "noViableAlt" | "earlyExit" | "notAllInput";
  rule: string;
  expected: string[];
  previous?: { type: string; image: string; start: number };
}

function tokenFacts(t: IToken | undefined): ParseErrorFacts["previous"] {
  if (!t || !Number.isFinite(t.startOffset)) return undefined;
  return { type: t.tokenType.name, image: t.image, start: t.startOffset };
}

function names(paths: TokenType[][][] | TokenType[][]): string[] {
  const out = new Set<string>();
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === "object" && "name" in x) out.add((x as TokenType).name);
  };
  visit(paths);
  return [...out];
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, previous, ruleName }) {
    return JSON.stringify({ kind: "mismatch", rule: ruleName, expected: [expected.name], previous: tokenFacts(previous) });
  },
  buildNotAllInputParsedMessage({ ruleName }) {
    return JSON.stringify({ kind: "notAllInput", rule: ruleName, expected: [] });
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, previous, ruleName }) {
    return JSON.stringify({ kind: "noViableAlt", rule: ruleName, expected: names(expectedPathsPerAlt), previous: tokenFacts(previous) });
  },
  buildEarlyExitMessage({ expectedIterationPaths, previous, ruleName }) {
    return JSON.stringify({ kind: "earlyExit", rule: ruleName, expected: names(expectedIterationPaths), previous: tokenFacts(previous) });
  },
};
