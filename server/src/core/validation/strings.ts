/** What strings carry beyond their text: `%{field}` sprintf references and `${VAR}` variables. */
import type { Config, StringLiteral, Value } from "../ast";
import { envReferences, parseFieldReference, sprintfReferences } from "../fieldReference";
import { t } from "../l10n";
import { forEachPlugin, forEachValue } from "../walk";
import type { Reporter } from "./context";

export function checkStrings(config: Config, r: Reporter): void {
  const visit = (v: Value): void => {
    if (v.kind === "string") checkString(v, r);
    else if (v.kind === "bareword") checkEnv(v.value, v.range.start, r);
  };
  forEachPlugin(config, (plugin) => {
    for (const a of plugin.attributes) {
      if (!a.value) continue;
      forEachValue(a.value, (v) => {
        if (v.kind === "plugin") return;
        visit(v);
      });
      if (a.value.kind === "hash") for (const e of a.value.entries) if (e.key.kind === "string") checkString(e.key, r);
    }
  });
}

function checkString(s: StringLiteral, r: Reporter): void {
  const base = s.range.start + 1;
  for (const ref of sprintfReferences(s.value)) {
    // `%{NUMBER:[a][b]:int}` is grok syntax (grok match, multiline pattern, syslog grok_pattern …), not sprintf.
    if (ref.isDate || ref.inner.includes("${") || /^[A-Za-z0-9_]+:/.test(ref.inner) || /^[A-Z0-9_]+$/.test(ref.inner)) continue;
    const parsed = parseFieldReference(ref.inner);
    if ("error" in parsed) {
      r.add(
        "field-reference-sprintf",
        "warning",
        t("`{0}` is not a valid field reference: write {1} or {2}", "%{" + ref.inner + "}", "`%{name}`", "`%{[a][b]}`"),
        { start: base + ref.start, end: base + ref.end },
      );
    }
  }
  checkEnv(s.value, base, r);
}

function checkEnv(value: string, base: number, r: Reporter): void {
  for (const env of envReferences(value)) {
    if (env.default !== undefined) continue;
    r.add(
      "env-no-default",
      "information",
      t("`{0}` has no default: the pipeline fails to start where {1} is neither set in the environment nor in the keystore. Add one with `{2}`", "${" + env.name + "}", env.name, "${" + env.name + ":default}"),
      { start: base + env.start, end: base + env.end },
    );
  }
}
