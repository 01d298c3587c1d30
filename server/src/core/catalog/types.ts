/**
 * Shape of the plugin catalog (`catalog/data/*.json`).
 *
 * Each option entry describes the newest Logstash release; `since`/`until` bound the Logstash versions
 * in which the option exists at all, and `history` records how it differed in older releases.
 */

export type PluginKind = "input" | "filter" | "output" | "codec";

/** How Logstash's `validate` checks a value (`:validate => :string` and so on). */
export type ValidateType =
  | "string"
  | "number"
  | "boolean"
  | "array"
  | "hash"
  | "codec"
  | "path"
  | "uri"
  | "password"
  | "bytes"
  | "field_reference"
  | "enum"
  | "any";

export interface OptionSpec {
  name: string;
  validate: ValidateType;
  /** Allowed values when `validate` is `enum` (Logstash's `:validate => [...]`). */
  values?: (string | number | boolean)[];
  /** `:list => true`: a single value or an array of them. */
  list?: boolean;
  /** Default as JSON, `null` when the option has no static default. */
  default?: unknown;
  required?: boolean;
  /** `false`, or the deprecation message. */
  deprecated?: false | string;
  /** `false`, or the obsolete message (Logstash refuses the config). */
  obsolete?: false | string;
  /** The option to use instead, when upstream names one. */
  replacement?: string;
  /** One line in our own words. */
  description?: string;
  /** Logstash version that first shipped the option (inclusive), e.g. "7.10". */
  since?: string;
  /** First Logstash version without the option (exclusive). */
  until?: string;
  /** Differences in older releases: each entry applies to versions strictly below its `until`. */
  history?: OptionHistory[];
}

export interface OptionHistory extends Partial<Omit<OptionSpec, "name" | "history" | "since" | "until">> {
  until: string;
}

export interface PluginSpec {
  kind: PluginKind;
  name: string;
  description?: string;
  /** Gem (or Java class) that provides the plugin, e.g. `logstash-input-file`, `logstash-integration-kafka`. */
  source?: string;
  /** Shipped with the default Logstash distribution (in the newest release). */
  bundled?: boolean;
  /** Logstash versions where the plugin ships or can be installed, as for options. */
  since?: string;
  until?: string;
  /** Default codec for inputs/outputs when it is not `plain`. */
  defaultCodec?: string;
  /** Values accepted by `ecs_compatibility`, when the plugin supports it. */
  ecsCompatibility?: string[];
  options: OptionSpec[];
}

export interface CommonOptions {
  input: OptionSpec[];
  filter: OptionSpec[];
  output: OptionSpec[];
  codec: OptionSpec[];
}
