import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatHcl } from '../../../src/hcl/format.js';
import { expectGolden } from '../../helpers/golden.js';
import { parseOrFail } from './helpers.js';

const goldenDir = new URL('../../golden/fmt/', import.meta.url);
const cases = readdirSync(goldenDir).sort();

describe('fmt style rules (golden files)', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('%s', (name) => {
    const input = readFileSync(new URL(`${name}/input.hcl`, goldenDir), 'utf8');
    const formatted = formatHcl(parseOrFail(input, `${name}/input.hcl`));
    expectGolden(fileURLToPath(new URL(`${name}/expected.hcl`, goldenDir)), formatted);
    expect(formatHcl(parseOrFail(formatted, `${name}/expected.hcl`))).toBe(formatted);
  });
});
