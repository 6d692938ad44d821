/** The dependency graph: build from references, cycles, order, walk, and display formats. */
export { Graph, compareNodeKeys } from './graph.js';
export { topologicalOrder, type TopologicalOrderOptions } from './order.js';
export { findCycles, hasCycle, stronglyConnectedComponents, type Cycle } from './cycles.js';
export {
  buildResourceGraph,
  cycleDiagnostic,
  edgeOrigin,
  type EdgeOrigin,
  type NodeReference,
  type ResourceGraph,
  type ResourceNodeInput,
} from './build.js';
export {
  subgraphWithDependencies,
  subgraphWithDependents,
  transitiveDependencies,
  transitiveDependents,
  transitiveReduction,
} from './subgraph.js';
export { countOutcomes, walk, type VisitResult, type WalkOptions, type WalkOutcome } from './walk.js';
export { dotString, mermaidString, toDot, toMermaid, type GraphFormatOptions, type NodeStyle } from './format.js';
