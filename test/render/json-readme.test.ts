import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanJson, renderPlanJson, renderPlanText } from '../../src/render/index.js';

const readme = readFileSync(new URL('../../src/render/json/README.md', import.meta.url), 'utf8');
const example = /```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('the JSON plan README example', () => {
  it('is a plan this iamform reads and writes back unchanged', () => {
    const read = parsePlanJson(example);
    if (read.kind !== 'ok') throw new Error(JSON.stringify(read.diagnostics));
    expect(renderPlanJson(read.plan, { iamformVersion: read.iamformVersion })).toBe(JSON.stringify(JSON.parse(example), null, 2) + '\n');
  });

  it('renders as text with its secret withheld', () => {
    const read = parsePlanJson(example);
    if (read.kind !== 'ok') throw new Error('unreadable');
    const text = renderPlanText(read.plan, { color: false });
    expect(text).toContain('+/- resource "iam_access_key" "ci" {');
    expect(text).toContain('+ secret      = (sensitive value)');
    expect(text).toContain('  + user:alice gains ecs:servers:get, ecs:servers:list in eu-de (via iam_policy_attachment.viewers)');
  });
});
