// Workspace-wide costs of multiple pipelines: pipelines.yml resolution over a large file list, the
// pipeline-to-pipeline index the server rebuilds after each edit (parses cached, as in the server),
// and the pipeline map (graph + layout) of the whole workspace. Medians of 7 runs.
import { performance } from "node:perf_hooks";
import { parseConfig, type ParseResult } from "../server/src/core/parse";
import { buildPipelineMap, layoutPipelineMap } from "../server/src/core/pipelineMap";
import { analyzePipelinesYml } from "../server/src/core/pipelinesYml";
import { groupPipelines, PipelineIndex } from "../server/src/core/workspace";

const PIPELINES = 50;
const FILES_PER_PIPELINE = 4;
const OTHER_FILES = 5000;

function pipelineFile(p: number, f: number): string {
  const input = f === 0 ? `input { pipeline { id => "in_${p}" address => "p${p}" } }\n` : "";
  const filters = Array.from({ length: 8 }, (_, i) => `  if [type] == "t${i}" {\n    mutate { id => "m_${p}_${f}_${i}" add_tag => ["t${i}"] }\n  } else {\n    grok { id => "g_${p}_${f}_${i}" match => { "message" => "%{WORD:w${i}}" } }\n  }\n`).join("");
  const output = f === FILES_PER_PIPELINE - 1 ? `output {\n  pipeline { id => "out_${p}" send_to => ["p${(p + 1) % PIPELINES}"] }\n  elasticsearch { id => "es_${p}" index => "logs-${p}-%{+YYYY.MM.dd}" }\n}\n` : "";
  return `${input}filter {\n${filters}}\n${output}`;
}

const files = new Map<string, string>();
for (let p = 0; p < PIPELINES; p++) for (let f = 0; f < FILES_PER_PIPELINE; f++) files.set(`/ws/conf.d/p${p}/${f}0-part.conf`, pipelineFile(p, f));
const allPaths = [...files.keys(), ...Array.from({ length: OTHER_FILES }, (_, i) => `/ws/other/dir${i % 50}/file${i}.txt`), "/ws/config/pipelines.yml"].sort();
const yml = Array.from({ length: PIPELINES }, (_, p) => `- pipeline.id: p${p}\n  path.config: "/etc/logstash/conf.d/p${p}/*.conf"\n  pipeline.workers: 2\n  queue.type: persisted\n`).join("");
const parses = new Map<string, ParseResult>([...files].map(([path, text]) => [path, parseConfig(text)]));

function median(fn: () => void, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const ctx = { path: "/ws/config/pipelines.yml", roots: ["/ws"], files: allPaths };
let analysis = analyzePipelinesYml(yml, ctx);
const ymlMs = median(() => (analysis = analyzePipelinesYml(yml, ctx)));
let index = new PipelineIndex([]);
const indexMs = median(() => {
  index = new PipelineIndex(groupPipelines({ ymls: [{ path: ctx.path, analysis }], configFiles: [...files.keys()], parse: (p) => parses.get(p) }));
  for (const p of index.pipelines) for (const f of p.files) index.issuesFor(f.path);
});
let nodes = 0;
const buildMs = median(() => {
  nodes = buildPipelineMap({ pipelines: index.pipelines }).nodes.length;
});
const map = buildPipelineMap({ pipelines: index.pipelines });
const layoutMs = median(() => layoutPipelineMap(map));

const lines = [...files.values()].reduce((n, t) => n + t.split("\n").length, 0);
console.log(`workspace: ${PIPELINES} pipelines, ${files.size} config files (${lines} lines), ${allPaths.length} files in all`);
console.log(`pipelines.yml analysis (globs over ${allPaths.length} paths): ${ymlMs.toFixed(1)} ms   target < 100 ms (runs when the file or the file list changes)`);
console.log(`p2p index rebuild + cross-pipeline issues of every file: ${indexMs.toFixed(1)} ms   target < 50 ms (runs after each edit)`);
console.log(`map graph: ${nodes} nodes, ${map.edges.length} edges in ${buildMs.toFixed(1)} ms; layout ${layoutMs.toFixed(1)} ms   target < 200 ms together`);
