/**
 * Naming helpers for the Logstash fields a log-format value lands in (ECS and legacy), shared by the
 * dialects so a header or cookie is named the same way whichever server wrote it.
 */
import type { FieldTarget } from "./types";

export const fieldTarget = (ecs: string, legacy: string): FieldTarget => ({ ecs, legacy });

/** A header, cookie or variable name as one field-name segment: `User-Agent` → `user_agent`. */
export const fieldSegment = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "value";

/** A request header: Referer and User-Agent have ECS homes; others go under `<prefix>[request_headers]`. */
export function requestHeaderField(prefix: string, arg: string | undefined): FieldTarget {
  const name = (arg ?? "").toLowerCase();
  if (name === "referer" || name === "referrer") return fieldTarget("[http][request][referrer]", "referrer");
  if (name === "user-agent") return fieldTarget("[user_agent][original]", "agent");
  return fieldTarget(`${prefix}[request_headers][${fieldSegment(arg ?? "")}]`, `header_in_${fieldSegment(arg ?? "")}`);
}
