/**
 * `npm run demo`: the quickstart end to end, in a fresh scratch copy.
 *
 * Copies examples/quickstart into a new directory under the OS temp dir, then runs the built
 * CLI there step by step — validate, plan, apply, a no-op plan, and `can` checks — printing
 * each command and its output. Every step has an expected exit code and first output line;
 * the demo exits 1 at the first step that answers otherwise. The scratch copy is removed after
 * a successful run (kept with `--keep`) and always kept after a failure, for a look inside.
 *
 * Self-contained (imports only node:*) so that Node runs it directly, with its types stripped.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Step {
  readonly title: string;
  readonly args: readonly string[];
  readonly expectCode: number;
  /** Must match somewhere in stdout. */
  readonly expectOut?: RegExp;
}

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'bin', 'iamform.js');
const example = join(repo, 'examples', 'quickstart');

const steps: readonly Step[] = [
  { title: 'Check the configuration', args: ['validate'], expectCode: 0, expectOut: /valid/ },
  { title: 'Plan: what would change', args: ['plan'], expectCode: 0, expectOut: /Plan: 4 to add, 0 to change, 0 to destroy/ },
  { title: 'Apply the plan', args: ['apply', '--auto-approve'], expectCode: 0, expectOut: /Apply complete/ },
  { title: 'Plan again: the backend matches the config', args: ['plan', '--detailed-exitcode'], expectCode: 0, expectOut: /No changes/ },
  { title: 'May alice list servers in eu-de? (allow, and why)', args: ['can', 'alice', 'ecs:servers:list', '--project', 'eu-de', '--explain'], expectCode: 0, expectOut: /^allow/ },
  { title: 'May alice create servers in eu-de? (deny: ECS ReadOnlyAccess only reads)', args: ['can', 'alice', 'ecs:servers:create', '--project', 'eu-de'], expectCode: 3, expectOut: /^deny/ },
  { title: 'May alice list servers in eu-nl? (deny: granted in eu-de only)', args: ['can', 'alice', 'ecs:servers:list', '--project', 'eu-nl'], expectCode: 3, expectOut: /^deny/ },
  { title: "alice's effective permissions", args: ['access', 'alice'], expectCode: 0 },
];

const color = process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined;
const paint = (code: string, text: string): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
const heading = (text: string): string => paint('1;36', text);

function quote(arg: string): string {
  return /^[A-Za-z0-9_.:/=-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** Runs one step; returns a description of the mismatch, or undefined when it answered as expected. */
function runStep(step: Step, dir: string, index: number): string | undefined {
  console.log(`\n${heading(`── ${index + 1}. ${step.title}`)}`);
  console.log(paint('2', `$ iamform --chdir ${quote(dir)} ${step.args.map(quote).join(' ')}`));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['IAMFORM_LOG'];
  const result = spawnSync(process.execPath, [bin, '--chdir', dir, ...step.args], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) return `could not start iamform: ${result.error.message}`;
  if (result.stdout.trim() !== '') console.log(indent(result.stdout));
  if (result.stderr.trim() !== '') console.log(indent(result.stderr));
  const code = result.status ?? -1;
  console.log(paint('2', `    (exit code ${code})`));
  if (code !== step.expectCode) return `exit code ${code}, expected ${step.expectCode}`;
  if (step.expectOut !== undefined && !new RegExp(step.expectOut.source, `${step.expectOut.flags}m`).test(result.stdout)) {
    return `the output does not match ${String(step.expectOut)}`;
  }
  return undefined;
}

function main(): number {
  const keep = process.argv.includes('--keep');
  const dir = mkdtempSync(join(tmpdir(), 'iamform-demo-'));
  cpSync(example, dir, { recursive: true, filter: (src) => !/[/\\](state|\.iamform)$/.test(src) });
  console.log(heading(`iamform demo: ${relative(repo, example)} in a scratch copy at ${dir}`));
  for (const [index, step] of steps.entries()) {
    const problem = runStep(step, dir, index);
    if (problem !== undefined) {
      console.log(`\n${paint('1;31', `Demo failed at step ${index + 1} (${step.title}): ${problem}.`)}`);
      console.log(`The scratch copy is kept at ${dir}.`);
      return 1;
    }
  }
  console.log(`\n${paint('1;32', `All ${steps.length} steps answered as expected.`)}`);
  if (keep) console.log(`The scratch copy is kept at ${dir}; try: npx iamform --chdir ${quote(dir)} show`);
  else rmSync(dir, { recursive: true, force: true });
  return 0;
}

process.exitCode = main();
