/**
 * Grok engine of the language core: pattern library, compiler, Oniguruma matcher, the grok
 * filter's semantics, a time-limited runner and fast diagnostics for `match` patterns.
 */
export { configureGrokAssets } from "./assets";
export { compileGrok, expandGrok, GrokCompileError, type CaptureSpec, type CompiledGrok, type CompileOptions } from "./compile";
export { applyGrok, GrokFilter, type CaptureResult, type GrokApplyResult, type GrokOptions, type GrokPatternMatch } from "./grokFilter";
export { parseFieldRef, type JsonObject, type JsonValue } from "./eventFields";
export { initOniguruma, isOnigurumaReady, OnigRegex, GrokRegexError } from "./onig";
export {
  buildPatternMap,
  builtinPatternFile,
  builtinPatternFiles,
  loadPatternSet,
  parsePatternText,
  patternSetFor,
  type EcsCompatibility,
  type PatternSet,
  type PatternSources,
} from "./patternLibrary";
export { readPatternsDirs, readPatternsPath } from "./patternFiles";
export { grokResultLine } from "./resultLine";
export { closeGrokWorkers, DEFAULT_TIMEOUT_MILLIS, GrokWorkerError, GrokWorkerRunner, matchWithTimeout } from "./timeout";
export { validateGrokPattern } from "./validate";
