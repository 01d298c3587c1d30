/**
 * Follows sample events across pipeline-to-pipeline links: a pipeline's filters run (file after file, in
 * load order, as Logstash chains them), then each surviving event goes to every `pipeline` output its
 * output-section conditionals let it reach, and on into the filters of the pipelines listening there.
 *
 * The pipeline output hands the downstream pipeline a clone of the event, `@metadata` included
 * (Event#clone copies the metadata), so it is carried across files and pipelines alike.
 */
import type { Statement } from "../ast";
import { evaluateCondition, simulatePipeline, type JsonObject, type SimulateOptions, type SimulationResult } from "../simulate";
import { isDynamicAddress } from "./links";
import type { PipelineIndex } from "./pipelineIndex";

export interface FlowFileRun {
  path: string;
  result: SimulationResult;
}

export interface FlowStage {
  pipeline: string;
  /** How the events got here: the sending pipeline and address; absent for the first stage. */
  from?: { pipeline: string; address: string };
  /** Events entering the pipeline's filters. */
  input: JsonObject[];
  runs: FlowFileRun[];
  /** Events leaving the filters, `@metadata` included. */
  output: JsonObject[];
}

export interface FlowResult {
  stages: FlowStage[];
  /** Addresses events were sent to that no pipeline listens on. */
  undelivered: { pipeline: string; address: string; events: number }[];
  /** True when the hop limit cut a cycle of pipelines short. */
  truncated: boolean;
}

export interface FlowOptions extends SimulateOptions {
  /** Stages to run at most; pipelines can send to each other in a cycle. Default 16. */
  maxStages?: number;
}

export async function simulateFlow(index: PipelineIndex, start: string, events: JsonObject[], options: FlowOptions = {}): Promise<FlowResult> {
  const result: FlowResult = { stages: [], undelivered: [], truncated: false };
  const maxStages = options.maxStages ?? 16;
  const queue: { pipeline: string; events: JsonObject[]; from?: FlowStage["from"] }[] = [{ pipeline: start, events }];
  while (queue.length) {
    const next = queue.shift()!;
    const pipeline = index.pipeline(next.pipeline);
    if (!pipeline) continue;
    if (result.stages.length >= maxStages) {
      result.truncated = true;
      break;
    }
    const stage: FlowStage = { pipeline: pipeline.id, input: structuredClone(next.events), runs: [], output: [] };
    if (next.from) stage.from = next.from;
    let current = next.events;
    for (const file of pipeline.files) {
      // Each pipeline runs with its own pipeline.ecs_compatibility, as Logstash gives it.
      const run = await simulatePipeline(file.parse, current, pipeline.ecsCompatibility ? { ...options, ecsCompatibility: pipeline.ecsCompatibility } : options);
      stage.runs.push({ path: file.path, result: run });
      current = run.steps.filter((trace) => !trace.dropped).map((trace) => carriedEvent(trace));
    }
    stage.output = current;
    result.stages.push(stage);

    const outputBodies = pipeline.files.flatMap((f) => f.parse.config.sections.filter((s) => s.type === "output").map((s) => s.body));
    const byAddress = new Map<string, JsonObject[]>();
    for (const event of current) {
      const addresses = new Set<string>();
      for (const body of outputBodies) collectSendTo(body, event, addresses);
      for (const a of addresses) byAddress.set(a, [...(byAddress.get(a) ?? []), structuredClone(event)]);
    }
    for (const [address, sent] of byAddress) {
      const listeners = [...new Set(index.listenersOf(address).map((l) => l.pipeline))];
      if (!listeners.length) {
        if (!isDynamicAddress(address)) result.undelivered.push({ pipeline: pipeline.id, address, events: sent.length });
        continue;
      }
      for (const l of listeners) queue.push({ pipeline: l, events: sent, from: { pipeline: pipeline.id, address } });
    }
  }
  return result;
}

/** The event as the next stage receives it: the last filter step's event keeps `@metadata`. */
function carriedEvent(trace: SimulationResult["steps"][number]): JsonObject {
  for (let i = trace.steps.length - 1; i >= 0; i--) {
    const step = trace.steps[i];
    if (step.kind === "filter") return structuredClone(step.event);
  }
  const metadata = trace.input["@metadata"];
  return { ...structuredClone(trace.output ?? trace.input), ...(metadata !== undefined ? { "@metadata": structuredClone(metadata) } : {}) };
}

function collectSendTo(body: Statement[], event: JsonObject, out: Set<string>): void {
  for (const st of body) {
    if (st.kind === "plugin") {
      if (st.name !== "pipeline") continue;
      for (const a of st.attributes) {
        if (a.name !== "send_to" || !a.value) continue;
        const values = a.value.kind === "array" ? a.value.elements : [a.value];
        for (const v of values) if (v.kind === "string" || v.kind === "bareword") out.add(v.value);
      }
      continue;
    }
    for (const clause of st.clauses) {
      let taken = true;
      if (clause.condition) {
        try {
          taken = evaluateCondition(event, clause.condition);
        } catch {
          taken = false;
        }
      }
      if (taken) {
        collectSendTo(clause.body, event, out);
        break;
      }
    }
  }
}
