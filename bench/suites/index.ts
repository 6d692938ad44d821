import type { BenchSuite } from '../harness.js';
import { graphSuite } from './graph.js';

/** Every benchmark suite; `npm run bench NAME…` runs the named ones only. */
export const suites: readonly BenchSuite[] = [graphSuite];
