import { formatAddress } from '../../addr/index.js';
import { renderDiagnostics, type SourceLookup } from '../../diag/index.js';
import type { Plan } from '../../plan/types.js';
import { renderChangeBlock, renderDriftBlock } from './change-block.js';
import { accessSection, legend, outputsSection, summaryLine } from './sections.js';
import { makeStyle, type Style } from './style.js';

export interface PlanTextOptions {
  /** ANSI colour; without it the output holds no escape codes at all. */
  readonly color: boolean;
  /** Source text for diagnostic snippets; warnings render without snippets when absent. */
  readonly sources?: SourceLookup;
}

const RULE = '─'.repeat(77);

/**
 * The plan in Terraform's layout: drift noted first (it explains the plan), then the legend
 * of the symbols used and one block per change in address order (`no-op` changes hidden), then
 * access changes, output changes, warnings and the `Plan:` line last. A pure function of the
 * plan; ends with a newline.
 */
export function renderPlanText(plan: Plan, options: PlanTextOptions): string {
  const style = makeStyle(options.color);
  const changes = plan.changes.filter((c) => c.action !== 'no-op');
  const outputs = outputsSection(style, plan.outputs);
  const blocks: string[][] = [];

  if (plan.drift.length > 0) blocks.push(driftSection(style, plan));
  if (plan.mode === 'refresh-only') {
    if (plan.drift.length === 0) blocks.push(noChanges(style, 'Your IAM backend still matches the state.', [
      'iamform has checked that the backend objects still match the result of your most recent changes, and found no differences.',
    ]));
  } else if (changes.length === 0) {
    // Only outputs change: they come first, then what applying would do with them.
    if (outputs.length > 0) blocks.push(outputs);
    blocks.push(noChangesFor(style, plan, outputs.length > 0));
  } else {
    blocks.push(['Resource actions are indicated with the following symbols:', ...legend(style, changes)]);
    blocks.push([`iamform will perform the following actions:`]);
    for (const change of changes) blocks.push(renderChangeBlock(style, change));
    const access = accessSection(style, plan.accessChanges);
    if (access.length > 0) blocks.push(access);
  }
  if (outputs.length > 0 && !(plan.mode !== 'refresh-only' && changes.length === 0)) blocks.push(outputs);
  const warnings = warningsSection(style, plan, options);
  if (warnings.length > 0) blocks.push(warnings);
  if (plan.mode !== 'refresh-only' && changes.length > 0) blocks.push([summaryLine(style, plan)]);
  return blocks.map((block) => block.join('\n')).join('\n\n') + '\n';
}

function driftSection(style: Style, plan: Plan): string[] {
  const lines = [
    style.bold('Note: Objects have changed outside of iamform'),
    '',
    'iamform detected the following changes made outside of iamform since the last "iamform apply" which may have affected this plan:',
  ];
  for (const drift of plan.drift) lines.push('', ...renderDriftBlock(style, drift));
  lines.push('');
  if (plan.mode === 'refresh-only') {
    lines.push(
      'This is a refresh-only plan, so iamform will not take any actions to undo these. If you were expecting these changes then you can apply this plan to record the updated values in the iamform state without changing any backend objects.',
    );
  } else {
    lines.push(
      'Unless you have made equivalent changes to your configuration, or ignored the relevant attributes using ignore_changes, the following plan may include actions to undo or respond to these changes.',
      '',
      RULE,
    );
  }
  return lines;
}

function noChanges(style: Style, headline: string, detail: readonly string[]): string[] {
  return [`${style.bold('No changes.')} ${style.bold(headline)}`, '', ...detail];
}

function noChangesFor(style: Style, plan: Plan, outputsChange: boolean): string[] {
  if (outputsChange) {
    return [
      'You can apply this plan to save these new output values to the iamform state, without changing any backend objects.',
    ];
  }
  if (plan.mode === 'destroy') {
    return noChanges(style, 'No objects need to be destroyed.', [
      'Either you have not created any objects yet or the existing objects were already deleted outside of iamform.',
    ]);
  }
  if (plan.drift.length > 0) {
    return noChanges(style, 'Your IAM configuration matches the backend.', [
      "Your configuration already matches the changes detected above. If you'd like to update the iamform state to match, create and apply a refresh-only plan: iamform apply --refresh-only",
    ]);
  }
  return noChanges(style, 'Your IAM configuration matches the backend.', [
    'iamform has compared the backend objects with your configuration and found no differences, so no changes are needed.',
  ]);
}

function warningsSection(style: Style, plan: Plan, options: PlanTextOptions): string[] {
  const out: string[] = [];
  if (plan.targets.length > 0) {
    out.push(
      `${style.warn('Warning:')} ${style.bold('Resource targeting is in effect')}`,
      '',
      `This plan covers only ${plan.targets.map(formatAddress).join(', ')} and what they depend on; other changes may be pending.`,
    );
  }
  if (plan.diagnostics.length > 0) {
    if (out.length > 0) out.push('');
    const text = renderDiagnostics(plan.diagnostics, { color: options.color, sources: options.sources ?? (() => undefined) });
    out.push(...text.replace(/\n$/, '').split('\n'));
  }
  return out;
}
