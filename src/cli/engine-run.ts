import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { diagnosticKey, errorDiag, hasErrors, type Diagnostic } from '../diag/index.js';
import type { ApplyEvent } from '../apply/index.js';
import { Session, type PlanOutcome } from '../engine/index.js';
import type { VariableArg } from '../config/index.js';
import type { ApplyPlan, Plan } from '../plan/index.js';
import { parsePlanFile } from '../plan/plan-file.js';
import type { State } from '../state/index.js';
import { createApplyLog, renderPlanJson, renderPlanText } from '../render/index.js';
import { printDiagnostics, type GlobalOptions } from './context.js';
import { nodeEngineHost } from './engine-host.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { packageVersion } from './version.js';

/** One command's run of the engine, with the IO that prints its results. */
export interface EngineRun {
  readonly io: CliIo;
  readonly globals: GlobalOptions;
  readonly session: Session;
}

/** Loads the config; prints its errors and returns undefined when there are any. */
function openRun(io: CliIo, globals: GlobalOptions, vars: readonly VariableArg[]): EngineRun | undefined {
  const session = Session.open(nodeEngineHost(globals.dir, io.env), vars);
  if (hasErrors(session.workspace.diagnostics)) {
    printDiagnostics(io, globals, session.workspace.diagnostics, session.workspace.sources);
    return undefined;
  }
  return { io, globals, session };
}

/**
 * Loads the config and runs `body` over it; then closes the session, which releases a lock
 * `body` took, and prints what closing reported. Returns the exit code.
 */
export async function withRun(io: CliIo, globals: GlobalOptions, vars: readonly VariableArg[], body: (run: EngineRun) => Promise<number>): Promise<number> {
  const run = openRun(io, globals, vars);
  if (!run) return ExitCode.error;
  try {
    return await body(run);
  } finally {
    const problems = await run.session.close();
    if (problems.length > 0) printRunDiagnostics(run, problems);
  }
}

/**
 * Reads state for a command that only looks at it (show, output): loads the config, reads
 * state with the apply journal replayed, and prints what stood in the way.
 */
export async function readStateForCommand(io: CliIo, globals: GlobalOptions): Promise<State | undefined> {
  const run = openRun(io, globals, []);
  if (!run) return undefined;
  const read = await run.session.readState();
  await run.session.close();
  if (!read.state) {
    printRunDiagnostics(run, read.diagnostics);
    return undefined;
  }
  return read.state;
}

export function printRunDiagnostics(run: EngineRun, diagnostics: readonly Diagnostic[]): void {
  printDiagnostics(run.io, run.globals, diagnostics, run.session.workspace.sources);
}

/** Whether applying the plan would change anything: resources, or outputs in state. */
export function planHasChanges(plan: Plan): boolean {
  return plan.changes.some((c) => c.action !== 'no-op') || plan.outputs.some((o) => o.action !== 'no-op');
}

/**
 * Prints a planning outcome's diagnostics to stderr: errors always, warnings unless the
 * rendered plan already shows them.
 */
export function printPlanDiagnostics(run: EngineRun, outcome: PlanOutcome, shownInPlan: boolean): void {
  const inPlan = new Set(shownInPlan && outcome.plan ? outcome.plan.diagnostics.map(diagnosticKey) : []);
  const seen = new Set<string>();
  const rest = outcome.diagnostics.filter((d) => {
    const key = diagnosticKey(d);
    if (inPlan.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  printRunDiagnostics(run, rest);
}

export type PlanFormat = 'text' | 'json';

export function parseFormat(text: string | undefined, allowed: readonly string[]): PlanFormat | Diagnostic {
  const format = text ?? 'text';
  if (format === 'text' || format === 'json') return format;
  return errorDiag('cli.invalid-format', `Unknown format "${format}"`, { detail: `Use one of: ${allowed.join(', ')}.` });
}

/** Reads and decodes a plan saved by `plan --out`; `file` is as typed, relative to the working directory. */
export function readSavedPlan(io: CliIo, file: string): { plan?: Plan; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    return { diagnostics: [errorDiag('cli.read-plan', `Cannot read the saved plan ${file}`, { detail: error instanceof Error ? error.message : String(error) })] };
  }
  const parsed = parsePlanFile(text, file);
  return parsed.kind === 'error' ? { diagnostics: parsed.diagnostics } : { plan: parsed.plan, diagnostics: [] };
}

export function renderPlan(run: EngineRun, plan: Plan, format: PlanFormat): string {
  if (format === 'json') return renderPlanJson(plan, { iamformVersion: packageVersion() });
  const sources = run.session.workspace.sources;
  return renderPlanText(plan, { color: run.globals.colorStdout, sources: (file) => sources.get(file) });
}

/**
 * Asks a person to type `yes` on a terminal. Without a terminal it never waits: it fails at
 * once naming the flag that approves without asking.
 */
export async function confirm(run: EngineRun, question: string, detail: string, flag: string): Promise<'yes' | 'no' | 'not-interactive'> {
  const { io } = run;
  if (!io.stdinIsTTY || (io.env['CI'] !== undefined && io.env['CI'] !== '' && io.env['CI'] !== 'false')) {
    printRunDiagnostics(run, [
      errorDiag('cli.confirmation-required', 'Approval required', {
        detail: `${detail} needs an approval, and standard input is not an interactive terminal. Pass ${flag} to approve without being asked.`,
      }),
    ]);
    return 'not-interactive';
  }
  io.stdout.write(`\n${question}\n  Only 'yes' will be accepted to approve.\n\n`);
  const answer = await io.readLine('  Enter a value: ');
  return answer?.trim() === 'yes' ? 'yes' : 'no';
}

/**
 * Applies a plan, printing the apply log from its events as they come, and reports the exit
 * code: 1 when anything failed (the log lists what succeeded and what failed).
 */
export async function applyAndReport(run: EngineRun, plan: Plan, applyPlan: ApplyPlan, parallelism: number): Promise<number> {
  const { io } = run;
  const log = createApplyLog({ color: run.globals.colorStdout, plan });
  let buffer: string[] = [];
  const flush = (): void => {
    if (buffer.length === 0) return;
    io.stdout.write(buffer.join('\n') + '\n');
    buffer = [];
  };
  const onEvent = (event: ApplyEvent): void => {
    const lines = log.lines(event);
    if (lines.length === 0) return;
    buffer.push(...lines);
    if (buffer.length >= 256 || event.kind === 'apply_done' || event.kind === 'change_failed') flush();
  };
  let stopping = false;
  const release = io.onInterrupt?.(() => {
    if (!stopping) io.stderr.write('\nInterrupt received: changes in flight finish and are recorded, nothing new starts. Press Ctrl-C again to force.\n');
    stopping = true;
  });
  const result = await run.session.apply(applyPlan, { parallelism, onEvent, shouldStop: () => stopping }).finally(() => release?.());
  flush();
  if (!('state' in result)) {
    printRunDiagnostics(run, result.diagnostics);
    return ExitCode.error;
  }
  if (result.diagnostics.length > 0) printRunDiagnostics(run, result.diagnostics);
  printSecretsNote(run, result.secrets.size);
  if (result.outcome.notStarted > 0) {
    io.stderr.write(`\nApply stopped: ${result.outcome.notStarted} change(s) were not carried out. The state records every change that completed; run apply again to finish.\n`);
  }
  if (result.outcome.failed > 0 || result.outcome.notStarted > 0 || hasErrors(result.diagnostics)) return ExitCode.error;
  return ExitCode.ok;
}

function printSecretsNote(run: EngineRun, count: number): void {
  if (count === 0) return;
  run.io.stdout.write(
    `\n${count === 1 ? 'A new secret was' : `${count} new secrets were`} created. Secrets are kept sealed in state and shown only on request: iamform output NAME --show-sensitive\n`,
  );
}
