/**
 * Logstash compiles conditional and gsub regexes with Ruby's engine (Joni, a port of Oniguruma).
 * `oniguruma-parser` checks Oniguruma syntax without loading the WASM engine, so diagnostics stay fast.
 */
import { toOnigurumaAst } from "oniguruma-parser";

export function regexError(source: string): string | undefined {
  try {
    toOnigurumaAst(source);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
