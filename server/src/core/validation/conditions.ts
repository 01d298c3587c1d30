/** Regexes in conditions (`=~ /…/`, `=~ "…"`) must compile, or the pipeline fails to start. */
import type { Config } from "../ast";
import { t } from "../l10n";
import { forEachCondition } from "../walk";
import type { Condition } from "../ast";
import type { Reporter } from "./context";
import { regexError } from "./regex";

export function checkConditionRegexes(config: Config, r: Reporter): void {
  const visit = (c: Condition): void => {
    switch (c.kind) {
      case "boolean":
        visit(c.left);
        visit(c.right);
        return;
      case "paren":
        visit(c.expression);
        return;
      case "not":
        if (c.operand.kind === "paren") visit(c.operand);
        return;
      case "match": {
        if (!c.right) return;
        // A regex literal keeps `\/` escaped in its source; Ruby reads it as `/`.
        const source = c.right.kind === "regex" ? c.right.source.replace(/\\\//g, "/") : c.right.value;
        const err = regexError(source);
        if (err) r.add("condition-regex-invalid", "error", t("This regular expression does not compile: {0}", err), c.right.range);
        return;
      }
      default:
        return;
    }
  };
  forEachCondition(config, visit);
}
