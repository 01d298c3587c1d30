/** Hover on a format directive, shared by the Apache and Tomcat dialects. */
import { t } from "../l10n";
import type { FormatDirective, ParsedFormat } from "./types";

/** The directive under `offset`, if any. */
export function directiveAt(parsed: ParsedFormat, offset: number): FormatDirective | undefined {
  return parsed.elements.find((e): e is FormatDirective => e.type === "directive" && e.span.start <= offset && offset < e.span.end);
}

/** What a directive writes, an example, whether it can be `-`, and the Logstash field it becomes. */
export function directiveDoc(d: Pick<FormatDirective, "key" | "field" | "shape">, summary: string, example: string, dash: boolean): string {
  const lines = [`**\`${d.key}\`** — ${summary}`, "", t("Example: `{0}`", example), "", dash || d.shape.placeholder ? t("Can write `-` (no value).") : t("Never writes `-`.")];
  if (d.field) lines.push("", t("Logstash field: `{0}` (ECS), `{1}` (legacy)", d.field.ecs, d.field.legacy));
  return lines.join("\n");
}
