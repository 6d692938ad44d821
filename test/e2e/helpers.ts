import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliResult } from '../helpers/cli.js';

/**
 * Scratch config directories for end-to-end runs of the built binary: each a fresh copy of an
 * example (or given files) with its own embedded backend and state, removed by `cleanup`.
 */
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const scratch: string[] = [];

export function scratchCopy(example: string): string {
  const dir = mkdtempSync(join(tmpdir(), `iamform-e2e-${example}-`));
  scratch.push(dir);
  cpSync(join(examples, example), dir, { recursive: true, filter: (src) => !/[/\\](state|\.iamform)$/.test(src) });
  return dir;
}

export function scratchWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamform-e2e-'));
  scratch.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export function cleanup(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs iamform in `dir` as CI would: no colour, not interactive. */
export function cli(dir: string, ...args: string[]): Promise<CliResult> {
  return runCli(['--chdir', dir, ...args], { env: { CI: '1', NO_COLOR: '1' } });
}

/** The exit code beside all output, so that a failed expectation shows why. */
export function explain(r: CliResult): string {
  return `exit ${String(r.code)}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

export function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** The `# ADDR will be …` headlines of a text plan, in order. */
export function headlines(planText: string): string[] {
  return [...planText.matchAll(/^ {2}# (\S+) (will be|must be) ([^\n]*)$/gm)].map((m) => `${m[1] ?? ''} ${m[3] ?? ''}`);
}

export const bobUser = `
resource "iam_user" "bob" {
  name        = "bob"
  email       = "bob@example.com"
  access_mode = "console"
}
`;
