import { compareNodeKeys, type Graph } from './graph.js';
import { rankKeys } from './heap.js';

/** How a node is drawn: managed resources as boxes, data sources dashed with another shape. */
export type NodeStyle = 'resource' | 'data';

export interface GraphFormatOptions<T> {
  /** The text shown for a node; default its key. */
  readonly label?: (key: string, payload: T) => string;
  /** Default: `data` for keys starting with `data.`, else `resource`. */
  readonly style?: (key: string, payload: T) => NodeStyle;
  /** Order of nodes and edges in the output; default key order. */
  readonly compare?: (a: string, b: string) => number;
}

interface Laid {
  readonly key: string;
  readonly label: string;
  readonly style: NodeStyle;
}

/**
 * Nodes in comparator order and edges sorted by (from, to) in that order, so that the output
 * depends only on the graph's content, never on insertion order.
 */
function layout<T>(graph: Graph<T>, options: GraphFormatOptions<T>): { nodes: Laid[]; edges: [number, number][] } {
  const { keys, rank } = rankKeys(graph.keys(), options.compare ?? compareNodeKeys);
  const nodes = keys.map((key) => {
    const payload = graph.payload(key) as T;
    return {
      key,
      label: options.label ? options.label(key, payload) : key,
      style: options.style ? options.style(key, payload) : key.startsWith('data.') ? ('data' as const) : ('resource' as const),
    };
  });
  const edges: [number, number][] = [];
  keys.forEach((key, from) => {
    const targets = [...graph.dependencies(key)].map((to) => rank.get(to) as number).sort((a, b) => a - b);
    for (const to of targets) edges.push([from, to]);
  });
  return { nodes, edges };
}

function styleCheck(style: never): never {
  throw new Error(`unknown node style ${String(style)}`);
}

/** A Graphviz string literal: backslashes, quotes and line breaks escaped. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/**
 * Graphviz `digraph`. Node ids are the quoted keys (stable when nodes are added or removed);
 * an edge `a -> b` means a depends on b. Drawn right to left, so dependencies sit to the left
 * of what uses them.
 */
export function toDot<T>(graph: Graph<T>, options: GraphFormatOptions<T> = {}): string {
  const { nodes, edges } = layout(graph, options);
  const lines = ['digraph iamform {', '  rankdir = "RL";', '  node [shape = "box"];'];
  for (const node of nodes) {
    const attributes = [`label = ${dotString(node.label)}`];
    switch (node.style) {
      case 'resource':
        break;
      case 'data':
        attributes.push('shape = "ellipse"', 'style = "dashed"');
        break;
      default:
        styleCheck(node.style);
    }
    lines.push(`  ${dotString(node.key)} [${attributes.join(', ')}];`);
  }
  for (const [from, to] of edges) {
    lines.push(`  ${dotString((nodes[from] as Laid).key)} -> ${dotString((nodes[to] as Laid).key)};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** A Mermaid label: quotes and the characters Mermaid would read as markup become entity codes. */
export function mermaidString(text: string): string {
  const escaped = text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#34;')
    .replace(/</g, '#60;')
    .replace(/>/g, '#62;')
    .replace(/\r?\n/g, ' ');
  return `"${escaped}"`;
}

/**
 * Mermaid ids: the key with every character outside `[A-Za-z0-9_]` replaced by `_`
 * (`iam_user.team["bob"]` → `iam_user_team__bob__`), a numeric suffix where two keys would
 * collide or the id is a Mermaid keyword. Stable as long as no new collision arises.
 */
function mermaidIds(nodes: readonly Laid[]): string[] {
  const used = new Set<string>();
  return nodes.map((node) => {
    const base = node.key.replace(/[^A-Za-z0-9_]/g, '_') || '_';
    let id = base;
    for (let n = 2; used.has(id) || MERMAID_RESERVED.has(id.toLowerCase()); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  });
}

const MERMAID_RESERVED = new Set(['end', 'graph', 'flowchart', 'subgraph', 'direction', 'style', 'class', 'classdef', 'click', 'linkstyle']);

/**
 * Mermaid `flowchart`, same content and order as `toDot`: boxes for resources, dashed
 * stadiums (class `data`) for data sources.
 */
export function toMermaid<T>(graph: Graph<T>, options: GraphFormatOptions<T> = {}): string {
  const { nodes, edges } = layout(graph, options);
  const ids = mermaidIds(nodes);
  const lines = ['flowchart RL'];
  const dataIds: string[] = [];
  nodes.forEach((node, i) => {
    const id = ids[i] as string;
    switch (node.style) {
      case 'resource':
        lines.push(`  ${id}[${mermaidString(node.label)}]`);
        break;
      case 'data':
        lines.push(`  ${id}([${mermaidString(node.label)}])`);
        dataIds.push(id);
        break;
      default:
        styleCheck(node.style);
    }
  });
  for (const [from, to] of edges) lines.push(`  ${ids[from]} --> ${ids[to]}`);
  if (dataIds.length > 0) {
    lines.push('  classDef data stroke-dasharray: 5 5');
    lines.push(`  class ${dataIds.join(',')} data`);
  }
  return lines.join('\n') + '\n';
}
