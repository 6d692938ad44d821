export { renderPlanJson, parsePlanJson } from './plan-json.js';
export { renderApplyEventJson } from './apply-json.js';
