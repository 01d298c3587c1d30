/**
 * Parse and diagnostics throughput of the language core (issues #2 and #3):
 * - full parse + syntax diagnostics, and full catalog validation, of a 10,000-line pipeline;
 * - cost per line at 50,000 lines relative to 5,000 lines (linearity).
 * Run: node --import tsx bench/parse.bench.ts
 */
import { performance } from "node:perf_hooks";
import { parseConfig } from "../server/src/core/parse";
import { validateParsed } from "../server/src/core/validate";
import { generatePipeline } from "./generate";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const sizes = [5_000, 10_000, 50_000];
const texts = new Map(sizes.map((n) => [n, generatePipeline(n)]));
// Warm-up: JIT and the parser's one-time grammar analysis.
for (let i = 0; i < 5; i++) validateParsed(parseConfig(texts.get(5_000)!));

const results: Record<number, { lines: number; parse: number; full: number }> = {};
for (const n of sizes) {
  const text = texts.get(n)!;
  const lines = text.split("\n").length;
  const runs = n >= 50_000 ? 5 : 15;
  const parse = time(() => parseConfig(text), runs);
  const full = time(() => validateParsed(parseConfig(text)), runs);
  const issues = validateParsed(parseConfig(text)).length;
  results[n] = { lines, parse, full };
  console.log(`${String(lines).padStart(6)} lines: parse+syntax ${parse.toFixed(1)} ms, parse+full validation ${full.toFixed(1)} ms (${issues} issues)`);
}

const r10 = results[10_000];
console.log(`10k-line parse+syntax diagnostics: ${r10.parse.toFixed(1)} ms (target < 100 ms) -> ${r10.parse < 100 ? "OK" : "MISSED"}`);
console.log(`10k-line full validation:          ${r10.full.toFixed(1)} ms (target < 150 ms) -> ${r10.full < 150 ? "OK" : "MISSED"}`);
const perLine5 = results[5_000].full / results[5_000].lines;
const perLine50 = results[50_000].full / results[50_000].lines;
const ratio = perLine50 / perLine5;
console.log(`cost per line 50k vs 5k: ${(perLine50 * 1000).toFixed(2)} µs vs ${(perLine5 * 1000).toFixed(2)} µs = ${ratio.toFixed(2)}x (target <= 1.3x) -> ${ratio <= 1.3 ? "OK" : "MISSED"}`);
