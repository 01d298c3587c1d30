/**
 * A layered (Sugiyama-style) left-to-right layout of the pipeline map, small enough to run in the
 * webview: cycles are broken by reversing DFS back edges, layers are longest paths from the sources,
 * each pipeline occupies a horizontal band of its own (so its frame never overlaps another's), and
 * nodes inside a band are ordered by the barycenter of their predecessors to cut crossings.
 */
import type { MapEdge, PipelineMap } from "./types";

export interface NodeBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  layer: number;
}

export interface LaidOutEdge extends MapEdge {
  /** Start and end points, plus the control points of a cubic curve between them. */
  path: [number, number][];
  /** Where to write the label, if any. */
  labelAt?: [number, number];
}

export interface LaidOutMap {
  width: number;
  height: number;
  nodes: NodeBox[];
  edges: LaidOutEdge[];
  groups: { id: string; label: string; x: number; y: number; width: number; height: number }[];
}

export const NODE_WIDTH = 170;
export const NODE_HEIGHT = 40;
const LAYER_GAP = 70;
const ROW_GAP = 14;
const BAND_GAP = 26;
const BAND_PADDING = 12;
const GROUP_TITLE = 20;
const MARGIN = 16;

export function layoutPipelineMap(map: PipelineMap): LaidOutMap {
  const ids = map.nodes.map((n) => n.id);
  const known = new Set(ids);
  const edges = map.edges.filter((e) => known.has(e.from) && known.has(e.to) && e.from !== e.to);
  const acyclic = breakCycles(ids, edges);
  const layer = assignLayers(ids, acyclic);

  // Bands: one per pipeline, in map order. A node outside any pipeline (an endpoint, a log format)
  // gets a band of its own next to what it connects: what feeds a pipeline just before that pipeline,
  // what a pipeline feeds just after it.
  const bandOf = new Map<string, number>();
  const bands: { group?: string; nodes: string[] }[] = [];
  const groupOf = new Map<string, string>();
  for (const g of map.groups) for (const id of g.nodeIds) groupOf.set(id, g.id);
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  const succs = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of acyclic) {
    preds.get(e.to)!.push(e.from);
    succs.get(e.from)!.push(e.to);
  }
  const placed = new Set<string>();
  const band = (nodes: string[], group?: string) => {
    for (const id of nodes) {
      bandOf.set(id, bands.length);
      placed.add(id);
    }
    bands.push(group === undefined ? { nodes } : { group, nodes });
  };
  const loose = (id: string) => !groupOf.has(id) && !placed.has(id);
  const placeFeeders = (id: string) => {
    for (const p of preds.get(id)!) {
      if (!loose(p)) continue;
      placed.add(p);
      placeFeeders(p);
      band([p]);
    }
  };
  const placeFollowers = (id: string) => {
    for (const n of succs.get(id)!) {
      if (!loose(n)) continue;
      band([n]);
      placeFollowers(n);
    }
  };
  for (const g of map.groups) {
    const nodes = g.nodeIds.filter((id) => known.has(id));
    for (const id of nodes) placeFeeders(id);
    band(nodes, g.id);
    for (const id of nodes) placeFollowers(id);
  }
  for (const id of ids) {
    if (placed.has(id)) continue;
    placeFeeders(id);
    band([id]);
    placeFollowers(id);
  }

  // Order inside each band and layer: barycenter of predecessors' rows, two sweeps.
  const row = new Map<string, number>(ids.map((id, i) => [id, i]));
  for (let sweep = 0; sweep < 2; sweep++) {
    for (const band of bands) {
      const byLayer = groupBy(band.nodes, (id) => layer.get(id)!);
      for (const [, nodes] of [...byLayer].sort((a, b) => a[0] - b[0])) {
        const bary = (id: string) => {
          const p = preds.get(id)!;
          return p.length ? p.reduce((s, q) => s + row.get(q)!, 0) / p.length : row.get(id)!;
        };
        nodes.sort((a, b) => bary(a) - bary(b)).forEach((id, i) => row.set(id, i + bandOf.get(id)! * 1000));
      }
    }
  }

  const boxes = new Map<string, NodeBox>();
  const groups: LaidOutMap["groups"] = [];
  let y = MARGIN;
  for (const band of bands) {
    const titled = band.group !== undefined;
    const top = y + (titled ? GROUP_TITLE + BAND_PADDING : 0);
    const byLayer = groupBy(band.nodes, (id) => layer.get(id)!);
    let rows = 0;
    for (const [l, nodes] of byLayer) {
      nodes.sort((a, b) => row.get(a)! - row.get(b)!);
      nodes.forEach((id, i) => boxes.set(id, { id, x: MARGIN + l * (NODE_WIDTH + LAYER_GAP), y: top + i * (NODE_HEIGHT + ROW_GAP), width: NODE_WIDTH, height: NODE_HEIGHT, layer: l }));
      rows = Math.max(rows, nodes.length);
    }
    const height = rows * NODE_HEIGHT + Math.max(0, rows - 1) * ROW_GAP;
    if (titled) {
      const layers = band.nodes.map((id) => layer.get(id)!);
      const minL = layers.length ? Math.min(...layers) : 0;
      const maxL = layers.length ? Math.max(...layers) : 0;
      const label = map.groups.find((g) => g.id === band.group)?.label ?? band.group!;
      groups.push({
        id: band.group!,
        label,
        x: MARGIN + minL * (NODE_WIDTH + LAYER_GAP) - BAND_PADDING,
        y,
        width: (maxL - minL) * (NODE_WIDTH + LAYER_GAP) + NODE_WIDTH + 2 * BAND_PADDING,
        height: GROUP_TITLE + 2 * BAND_PADDING + height,
      });
      y += GROUP_TITLE + 2 * BAND_PADDING + height + BAND_GAP;
    } else {
      y += height + BAND_GAP;
    }
  }

  const laidEdges: LaidOutEdge[] = edges.map((e) => {
    const a = boxes.get(e.from)!;
    const b = boxes.get(e.to)!;
    const start: [number, number] = [a.x + a.width, a.y + a.height / 2];
    const end: [number, number] = [b.x, b.y + b.height / 2];
    const bend = Math.max(40, Math.abs(end[0] - start[0]) / 2);
    const out: LaidOutEdge = { ...e, path: [start, [start[0] + bend, start[1]], [end[0] - bend, end[1]], end] };
    if (e.label) out.labelAt = [(start[0] + end[0]) / 2, (start[1] + end[1]) / 2 - 4];
    return out;
  });

  const nodes = ids.map((id) => boxes.get(id)!);
  const width = Math.max(MARGIN * 2, ...nodes.map((n) => n.x + n.width + MARGIN), ...groups.map((g) => g.x + g.width + MARGIN));
  return { width, height: Math.max(y, MARGIN * 2), nodes, edges: laidEdges, groups };
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The edges with every DFS back edge reversed, so longest-path layering terminates. */
function breakCycles(ids: string[], edges: MapEdge[]): MapEdge[] {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) out.get(e.from)!.push(e.to);
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  for (const root of ids) {
    if (state.has(root)) continue;
    // Iterative DFS: deep chains of filters must not overflow the stack.
    const stack: [string, number][] = [[root, 0]];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const next = out.get(top[0])![top[1]++];
      if (next === undefined) {
        state.set(top[0], 2);
        stack.pop();
      } else if (state.get(next) === 1) {
        back.add(`${top[0]}\u0000${next}`);
      } else if (!state.has(next)) {
        state.set(next, 1);
        stack.push([next, 0]);
      }
    }
  }
  return edges.map((e) => (back.has(`${e.from}\u0000${e.to}`) ? { ...e, from: e.to, to: e.from } : e));
}

function assignLayers(ids: string[], edges: MapEdge[]): Map<string, number> {
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    out.get(e.from)!.push(e.to);
    indegree.set(e.to, indegree.get(e.to)! + 1);
  }
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  while (queue.length) {
    const id = queue.shift()!;
    for (const next of out.get(id)!) {
      layer.set(next, Math.max(layer.get(next)!, layer.get(id)! + 1));
      indegree.set(next, indegree.get(next)! - 1);
      if (indegree.get(next) === 0) queue.push(next);
    }
  }
  return layer;
}
