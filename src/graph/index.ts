export * from './graph.js';
export * from './order.js';
export * from './cycles.js';
export * from './build.js';
export * from './subgraph.js';
export * from './walk.js';
export * from './format.js';
