/**
 * The pipeline's fields against the index mapping: a written value the mapped type cannot take (the
 * document is rejected with a mapper_parsing_exception), scalars where the mapping has an object or the
 * reverse, and written fields that no index matching the pattern has ever seen.
 */
import { t } from "../../core/l10n";
import type { FlatMapping } from "./query";
import type { WrittenField } from "./pipelineFields";

export interface FieldFinding {
  path: string;
  kind: "typeConflict" | "neverArrived" | "lossy";
  writtenType: string;
  mappedTypes: string[];
  message: string;
}

const INTEGER = new Set(["long", "integer", "short", "byte", "unsigned_long"]);
const NUMERIC = new Set([...INTEGER, "double", "float", "half_float", "scaled_float"]);
const OBJECTS = new Set(["object", "nested", "flattened"]);

/** Why one written type cannot go into one mapped type; undefined when Elasticsearch takes it. */
function conflict(written: WrittenField, mapped: string): { kind: FieldFinding["kind"]; why: string } | undefined {
  const w = written.type;
  if (w === "unknown") return undefined;
  if (OBJECTS.has(mapped)) return w === "object" ? undefined : { kind: "typeConflict", why: t("the mapping has an object here, the pipeline writes a {0} value", w) };
  if (w === "object") return mapped === "geo_point" || mapped === "geo_shape" ? undefined : { kind: "typeConflict", why: t("the pipeline writes an object, the mapping has {0}", mapped) };
  if (NUMERIC.has(mapped)) {
    if (w === "string") return { kind: "typeConflict", why: t("{0} cannot hold text such as {1}", mapped, JSON.stringify(written.sample ?? "…")) };
    if (w === "boolean") return { kind: "typeConflict", why: t("{0} cannot hold a boolean", mapped) };
    if (w === "float" && INTEGER.has(mapped)) return { kind: "lossy", why: t("{0} drops the decimals of the pipeline's float values", mapped) };
    return undefined;
  }
  if (mapped === "boolean" && (w === "string" || w === "numericString" || w === "float" || w === "integer")) {
    if (w === "string" && /^(true|false)$/.test(written.sample ?? "")) return undefined;
    return { kind: "typeConflict", why: t("boolean takes only true or false, the pipeline writes {0} values", w) };
  }
  if (mapped === "date" && (w === "boolean" || (w === "string" && written.source !== "date target" && written.sample !== undefined && Number.isNaN(Date.parse(written.sample))))) {
    return { kind: "typeConflict", why: t("date cannot parse {0}", JSON.stringify(written.sample ?? w)) };
  }
  if (mapped === "ip" && w !== "string") return { kind: "typeConflict", why: t("ip takes addresses, the pipeline writes {0} values", w) };
  return undefined;
}

export function compareFieldsWithMapping(written: WrittenField[], mapping: FlatMapping): FieldFinding[] {
  const findings: FieldFinding[] = [];
  for (const field of written) {
    const mapped = mapping.get(field.path);
    if (!mapped) {
      findings.push({
        path: field.path,
        kind: "neverArrived",
        writtenType: field.type,
        mappedTypes: [],
        message: t("`{0}` ({1}) is not in the mapping: no document with it has reached these indices", field.path, field.source),
      });
      continue;
    }
    for (const type of mapped) {
      const c = conflict(field, type);
      if (c) findings.push({ path: field.path, kind: c.kind, writtenType: field.type, mappedTypes: [...mapped], message: t("`{0}` ({1}): {2}", field.path, field.source, c.why) });
    }
    if (mapped.size > 1) {
      findings.push({ path: field.path, kind: "typeConflict", writtenType: field.type, mappedTypes: [...mapped], message: t("`{0}` is mapped differently across the matching indices: {1}", field.path, [...mapped].join(", ")) });
    }
  }
  return findings;
}
