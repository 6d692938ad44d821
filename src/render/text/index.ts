export { renderPlanText, type PlanTextOptions } from './plan-text.js';
export { createApplyLog, applyEventMessage, formatElapsed, type ApplyLog, type ApplyLogOptions } from './apply-log.js';
/** Building blocks for other plan views (Markdown, the terminal UI) that show the same diffs. */
export { renderChangeBlock, renderDriftBlock, actionSymbol } from './change-block.js';
export { makeStyle, type Style } from './style.js';
