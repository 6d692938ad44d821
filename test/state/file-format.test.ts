import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderDiagnostics } from '../../src/diag/index.js';
import { decodeStateFile, emptyState, serializeState, serializeStateChunks, FORMAT_VERSION } from '../../src/state/index.js';
import { expectGolden } from '../helpers/golden.js';

const fixtures = fileURLToPath(new URL('../fixtures/state/', import.meta.url));
const WRITER = '0.1.0';

function roundTrip(text: string, file: string): string {
  const decoded = decodeStateFile(text, file);
  expect(decoded.diagnostics).toEqual([]);
  if (!decoded.state) throw new Error(`${file} did not decode`);
  return serializeState(decoded.state, decoded.state.serial, { iamformVersion: WRITER });
}

describe('state file round trips', () => {
  const cases = readdirSync(`${fixtures}roundtrip`)
    .filter((name) => name.endsWith('.in.json'))
    .map((name) => name.slice(0, -'.in.json'.length));

  it('has fixtures, including an upgrade from version 0', () => {
    expect(cases).toContain('v0-flat');
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('%s: read then write gives exactly the .out file', (name) => {
    const input = readFileSync(`${fixtures}roundtrip/${name}.in.json`, 'utf8');
    expectGolden(`${fixtures}roundtrip/${name}.out.json`, roundTrip(input, `${name}.in.json`));
  });

  it.each(cases)('%s: the .out file is a fixed point', (name) => {
    const output = readFileSync(`${fixtures}roundtrip/${name}.out.json`, 'utf8');
    expect(roundTrip(output, `${name}.out.json`)).toBe(output);
    expect(JSON.parse(output)).toMatchObject({ format_version: FORMAT_VERSION });
  });
});

describe('state files written in pieces', () => {
  const cases = readdirSync(`${fixtures}roundtrip`).filter((name) => name.endsWith('.out.json'));

  it.each(cases)('%s: the pieces join to exactly the text of serializeState, whatever their size', (name) => {
    const decoded = decodeStateFile(readFileSync(`${fixtures}roundtrip/${name}`, 'utf8'), name);
    if (!decoded.state) throw new Error(`${name} did not decode`);
    const whole = serializeState(decoded.state, decoded.state.serial, { iamformVersion: WRITER });
    for (const size of [1, 200, 1 << 20]) {
      const pieces = [...serializeStateChunks(decoded.state, decoded.state.serial, { iamformVersion: WRITER }, size)];
      expect(pieces.join(''), `pieces of ${size}`).toBe(whole);
      if (size === 1 && decoded.state.resources.length > 1) expect(pieces.length).toBeGreaterThan(2);
    }
  });

  it('an empty state is one piece with an empty resource list', () => {
    const state = emptyState('9a4e2b7c-1111-4c3d-8e9f-abcdefabcdef');
    const pieces = [...serializeStateChunks(state, 1, { iamformVersion: WRITER })];
    expect(pieces).toEqual([serializeState(state, 1, { iamformVersion: WRITER })]);
    expect(pieces[0]).toContain('"resources": []');
  });
});

describe('reading the version-0 format', () => {
  const text = readFileSync(`${fixtures}roundtrip/v0-flat.in.json`, 'utf8');
  const decoded = decodeStateFile(text, 'v0-flat.in.json');

  it('reports the version it upgraded from', () => {
    expect(decoded.upgradedFrom).toBe(0);
  });

  it('groups the flat instance list into resources with sorted instances', () => {
    const resources = decoded.state?.resources ?? [];
    expect(resources.map((r) => `${r.mode}:${r.type}.${r.name}`)).toEqual(['managed:iam_group.ops', 'managed:iam_user.team', 'data:iam_policy.ecs_ro']);
    expect(resources[1]?.instances.map((i) => i.key)).toEqual(['bob', 'carol']);
    expect(resources[1]?.instances[0]?.dependencies).toEqual([{ mode: 'managed', type: 'iam_group', name: 'ops' }]);
  });

  it('turns bare output values into non-sensitive outputs and starts an empty journal', () => {
    expect(decoded.state?.outputs).toEqual({ ops_group_id: { value: 'g-01', sensitive: false } });
    expect(decoded.state?.pending).toEqual([]);
    expect(decoded.state?.lineage).toBe('9a4e2b7c-1111-4c3d-8e9f-abcdefabcdef');
    expect(decoded.state?.serial).toBe(4);
  });
});

describe('invalid state files', () => {
  const cases = readdirSync(`${fixtures}invalid`)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length));

  it.each(cases)('%s: diagnostics with file, line and column', (name) => {
    const file = `${name}.json`;
    const text = readFileSync(`${fixtures}invalid/${file}`, 'utf8');
    const decoded = decodeStateFile(text, file);
    expect(decoded.state).toBeUndefined();
    expect(decoded.diagnostics.length).toBeGreaterThan(0);
    const rendered = renderDiagnostics(decoded.diagnostics, { color: false, sources: (f) => (f === file ? text : undefined) });
    expectGolden(`${fixtures}invalid/${name}.expected.txt`, rendered);
  });

  it.each([
    ['trailing-comma', 'state.syntax', 9, 1],
    ['truncated', 'state.syntax', 10, 1],
    ['control-char', 'state.syntax', 3, 17],
    ['newer-version', 'state.newer-version', 2, 21],
    ['wrong-types', 'state.invalid', 5, 13],
    ['unknown-key', 'state.invalid', 1, 1],
    ['duplicate-instance', 'state.invalid', 12, 102],
    ['v0-bad-address', 'state.invalid', 7, 18],
  ] as const)('%s: first diagnostic is %s at line %i, column %i', (name, code, line, column) => {
    const text = readFileSync(`${fixtures}invalid/${name}.json`, 'utf8');
    const first = decodeStateFile(text, `${name}.json`).diagnostics[0];
    expect(first?.code).toBe(code);
    expect(first?.range?.file).toBe(`${name}.json`);
    expect([first?.range?.start.line, first?.range?.start.column]).toEqual([line, column]);
  });

  it('names the newer format and the iamform that wrote it', () => {
    const text = readFileSync(`${fixtures}invalid/newer-version.json`, 'utf8');
    const [diagnostic] = decodeStateFile(text, 'newer-version.json').diagnostics;
    expect(diagnostic?.summary).toBe('State was written by a newer iamform');
    expect(diagnostic?.detail).toContain('format version 3 (written by iamform 2.4.0)');
  });

  it('reports duplicates and bad addresses found after schema validation', () => {
    const text = readFileSync(`${fixtures}invalid/duplicate-instance.json`, 'utf8');
    const details = decodeStateFile(text, 'd.json').diagnostics.map((d) => d.detail ?? '');
    expect(details.some((d) => d.includes('iam_user.team["bob"] appears more than once'))).toBe(true);
    expect(details.some((d) => d.includes('"iam_group" is not a resource address'))).toBe(true);
  });
});
