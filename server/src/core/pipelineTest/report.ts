/**
 * Test results as text (a readable diff and the filter where the events diverged), JUnit XML (the
 * testsuites/testsuite/testcase/failure/skipped shape Jenkins, GitLab and GitHub reporters read) or JSON.
 */
import { t } from "../l10n";
import { lineDiff } from "./compare";
import type { CaseResult, SuiteResult } from "./types";

export interface Totals {
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
  timeMs: number;
}

export function totals(results: SuiteResult[]): Totals {
  const out: Totals = { tests: 0, passed: 0, failed: 0, skipped: 0, errors: 0, timeMs: 0 };
  for (const r of results) {
    out.timeMs += r.durationMs;
    if (r.error && r.cases.length === 0) {
      out.tests++;
      out.errors++;
      continue;
    }
    for (const c of r.cases) {
      out.tests++;
      if (c.status === "passed") out.passed++;
      else if (c.status === "failed") out.failed++;
      else if (c.status === "skipped") out.skipped++;
      else out.errors++;
    }
  }
  return out;
}

/** The unified-style diff of a failed case: `-` expected, `+` actual. */
export function caseDiff(c: CaseResult): string[] {
  return [`--- ${t("expected")}`, `+++ ${t("actual")}`, ...lineDiff(c.expectedText, c.actualText)];
}

export function formatText(results: SuiteResult[], options: { color?: boolean } = {}): string {
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  for (const r of results) {
    if (r.error) lines.push(`${paint("31", "ERROR")} ${r.testFile}: ${r.error}`);
    for (const c of r.cases) {
      const label = `${r.testFile} › ${c.name}`;
      if (c.status === "passed") lines.push(`${paint("32", "PASS ")} ${label}`);
      else if (c.status === "skipped") lines.push(`${paint("33", "SKIP ")} ${label}: ${c.message ?? ""}`);
      else if (c.status === "error") lines.push(`${paint("31", "ERROR")} ${label}: ${c.message ?? ""}`);
      else {
        lines.push(`${paint("31", "FAIL ")} ${label}`, `      ${c.message ?? ""}`);
        for (const d of caseDiff(c)) lines.push(`      ${d.startsWith("-") ? paint("31", d) : d.startsWith("+") ? paint("32", d) : d}`);
      }
    }
  }
  const n = totals(results);
  lines.push("", t("{0} passed, {1} failed, {2} skipped, {3} errors ({4} tests in {5} files, {6} ms)", String(n.passed), String(n.failed), String(n.skipped), String(n.errors), String(n.tests), String(results.length), n.timeMs.toFixed(0)));
  return lines.join("\n") + "\n";
}

function xml(s: string): string {
  // XML 1.0 forbids most control characters even escaped; drop them.
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function formatJUnit(results: SuiteResult[]): string {
  const n = totals(results);
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="logsmith" tests="${n.tests}" failures="${n.failed}" errors="${n.errors}" skipped="${n.skipped}" time="${seconds(n.timeMs)}">`];
  for (const r of results) {
    const s = totals([r]);
    out.push(`  <testsuite name="${xml(r.testFile)}" tests="${s.tests}" failures="${s.failed}" errors="${s.errors}" skipped="${s.skipped}" time="${seconds(r.durationMs)}" file="${xml(r.testFile)}">`);
    if (r.error && r.cases.length === 0) {
      out.push(`    <testcase name="${xml(r.testFile)}" classname="${xml(r.testFile)}" time="0.000">`, `      <error message="${xml(r.error)}" type="error"/>`, `    </testcase>`);
    }
    for (const c of r.cases) {
      const open = `    <testcase name="${xml(c.name)}" classname="${xml(r.testFile)}" time="${seconds(c.durationMs)}" file="${xml(r.testFile)}"`;
      if (c.status === "passed") {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      const message = xml(c.message ?? "");
      if (c.status === "skipped") out.push(`      <skipped message="${message}"/>`);
      else if (c.status === "error") out.push(`      <error message="${message}" type="error"/>`);
      else out.push(`      <failure message="${message}" type="mismatch">${xml(caseDiff(c).join("\n"))}</failure>`);
      out.push(`    </testcase>`);
    }
    out.push(`  </testsuite>`);
  }
  out.push(`</testsuites>`);
  return out.join("\n") + "\n";
}

export function formatJson(results: SuiteResult[]): string {
  return JSON.stringify({ summary: totals(results), files: results }, null, 2) + "\n";
}
