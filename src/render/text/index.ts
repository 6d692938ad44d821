export { renderPlanText, type PlanTextOptions } from './plan-text.js';
export { createApplyLog, applyEventMessage, formatElapsed, type ApplyLog, type ApplyLogOptions } from './apply-log.js';
