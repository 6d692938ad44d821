/**
 * Renderers: pure functions of the Plan (text, JSON) and views over apply events. Colour is a
 * parameter; nothing here writes to a terminal.
 */
export * from './text/index.js';
export * from './json/index.js';
export type { PlanReadResult } from '../plan/plan-file.js';
export type { PlanJson, PlanJsonOptions } from '../plan/plan-json.js';
