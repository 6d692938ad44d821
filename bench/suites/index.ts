import type { BenchSuite } from '../harness.js';
import { graphSuite } from './graph.js';
import { backendSuite } from './backend.js';
import { stateSuite } from './state.js';
import { configEvalSuite } from './config-eval.js';
import { providerSuite } from './provider.js';
import { hclParseSuite } from './hcl-parse.js';
import { renderSuite } from './render.js';
import { cliSuite } from './cli.js';
import { planSuite } from './plan.js';

/** Every benchmark suite; `npm run bench NAME…` runs the named ones only. */
export const suites: readonly BenchSuite[] = [graphSuite, backendSuite, stateSuite, providerSuite, configEvalSuite, hclParseSuite, renderSuite, cliSuite, planSuite];
