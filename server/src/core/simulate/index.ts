/**
 * Whole-pipeline simulation: a pipeline's filters run over sample events with Logstash's event
 * semantics (field references, sprintf, conditionals, filter_matched).
 */
export { ConditionError, evaluateCondition } from "./conditions";
export {
  addTag,
  createEvent,
  get,
  getPath,
  includes,
  outputView,
  refPath,
  remove,
  removeTag,
  set,
  setPath,
  sprintf,
  type JsonObject,
  type JsonValue,
  type SimEvent,
} from "./event";
export { SUPPORTED_FILTERS, runFilter, type FilterOutcome, type FilterStatus } from "./filters";
export { decodeLines, findInputCodec, type InputCodec } from "./codecs";
export { formatJodaUtc } from "./joda";
export { MUTATE_ORDER } from "./mutate";
export {
  createFilterContext,
  diffEvents,
  simulateInputLines,
  simulatePipeline,
  type ConditionStep,
  type InputSimulationResult,
  type EventOrigin,
  type EventTrace,
  type FieldChange,
  type FilterStep,
  type SimulateOptions,
  type SimulationResult,
  type SimulationStep,
  type SkippedFilter,
} from "./pipeline";
