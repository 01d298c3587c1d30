/**
 * An elasticsearch output `index` that Elasticsearch can never accept (MetadataCreateIndexService's
 * rules): lower case only, none of `\ / * ? " < > | , #` or spaces, no leading `-`, `_` or `+`, not `.`
 * or `..`, at most 255 bytes. Sprintf and `${VAR}` parts are only known at run time and are left out.
 */
import { t } from "../l10n";
import type { PluginUnderCheck, Reporter } from "./context";

export function checkElasticsearchIndex(p: PluginUnderCheck, r: Reporter): void {
  if (p.kind !== "output" || p.plugin.name !== "elasticsearch") return;
  const attr = p.plugin.attributes.find((a) => a.name === "index");
  const v = attr?.value;
  if (!v || (v.kind !== "string" && v.kind !== "bareword")) return;
  const literal = v.value.replace(/%\{[^}]*\}/g, "").replace(/\$\{[^}]*\}/g, "");
  const dynamic = literal !== v.value;
  const problems: string[] = [];
  if (/[A-Z]/.test(literal)) problems.push(t("index names must be lower case"));
  const bad = [...new Set(literal.match(/[\\/*?"<>|,# ]/g) ?? [])];
  if (bad.length) problems.push(t("it contains {0}", bad.map((c) => (c === " " ? t("a space") : "`" + c + "`")).join(", ")));
  if (!dynamic || v.value.match(/^[^%$]/)) {
    if (/^[-_+]/.test(literal)) problems.push(t("it cannot start with `-`, `_` or `+`"));
  }
  if (!dynamic && (literal === "." || literal === "..")) problems.push(t("`.` and `..` are not index names"));
  if (!dynamic && Buffer.byteLength(literal, "utf8") > 255) problems.push(t("it is longer than 255 bytes"));
  if (problems.length) {
    r.add("es-index-invalid", "error", t("Elasticsearch will reject the index \"{0}\": {1}", v.value, problems.join("; ")), v.range);
  }
}
