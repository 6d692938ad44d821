import { Option, type Command } from 'commander';
import { parseAddress, type ResourceAddress } from '../addr/index.js';
import { errorDiag, type Diagnostic } from '../diag/index.js';
import type { VariableArg } from '../config/index.js';
import type { PlanRequest } from '../engine/index.js';

/** The shared plan and apply flags of cli.md, as commander parses them. */
export interface PlanFlagValues {
  target?: string[];
  replace?: string[];
  refreshOnly?: boolean;
  refresh?: string;
  destroy?: boolean;
  parallelism?: string;
  lockTimeout?: string;
}

/** `--var` and `--var-file` in the order given: later values win. */
export class VariableArgs {
  readonly list: VariableArg[] = [];
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Adds `--var` and `--var-file`, which collect into `vars`. */
export function addVariableFlags(command: Command, vars: VariableArgs): Command {
  return command
    .option('--var <NAME=VALUE>', 'set a variable (repeatable)', (text: string) => {
      vars.list.push({ kind: 'var', text });
      return text;
    })
    .option('--var-file <FILE>', 'read variables from a file: HCL, or JSON when it ends in .json (repeatable)', (path: string) => {
      vars.list.push({ kind: 'var-file', path });
      return path;
    });
}

/** Adds `--var`, `--var-file`, `--target`, `--replace`, `--refresh-only`, `--refresh`, `--lock-timeout`. */
export function addPlanFlags(command: Command, vars: VariableArgs, which: { destroy?: boolean; parallelism?: boolean; replace?: boolean } = {}): Command {
  addVariableFlags(command, vars).option('--target <ADDR>', 'plan only this resource or instance and what it depends on (repeatable)', collect);
  if (which.replace !== false) command.option('--replace <ADDR>', 'replace this instance even if nothing forces it (repeatable)', collect);
  command
    .option('--refresh-only', 'only record what changed outside iamform in state; change nothing in the backend')
    .addOption(new Option('--refresh <BOOL>', 'read the IAM backend first (--refresh=false: trust state)').default('true'));
  if (which.destroy === true) command.option('--destroy', 'plan the removal of everything in state');
  if (which.parallelism === true) command.option('--parallelism <N>', 'most backend calls in flight at once', '10');
  command.option('--lock-timeout <DURATION>', 'wait this long for the state lock (0s, 5s, 1m)', '0s');
  return command;
}

/** `0s`, `5s`, `1m`, `1m30s`, `500ms`, or a bare number of seconds, as milliseconds. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = trimmed;
  if (rest === '') return undefined;
  while (rest !== '') {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * (unit[m[2] as string] as number);
    rest = rest.slice(m[0].length);
  }
  return Math.round(total);
}

export interface ParsedPlanFlags {
  readonly request: PlanRequest;
  readonly lockTimeoutMs: number;
  readonly parallelism: number;
  readonly diagnostics: Diagnostic[];
}

function addresses(texts: readonly string[] | undefined, flag: string, diagnostics: Diagnostic[]): ResourceAddress[] {
  const out: ResourceAddress[] = [];
  for (const text of texts ?? []) {
    const parsed = parseAddress(text);
    if (parsed.address) out.push(parsed.address);
    else diagnostics.push(errorDiag('cli.invalid-address', `Invalid ${flag} address "${text}"`, { detail: parsed.diagnostics.map((d) => d.detail ?? d.summary).join(' ') || 'Expected an address like iam_user.alice or iam_user.team["bob"].' }));
  }
  return out;
}

/** The engine request for the flags; `destroy` forces destroy mode (the destroy command). */
export function parsePlanFlags(values: PlanFlagValues, vars: VariableArgs, forceDestroy = false): ParsedPlanFlags {
  const diagnostics: Diagnostic[] = [];
  const targets = addresses(values.target, '--target', diagnostics);
  const replace = addresses(values.replace, '--replace', diagnostics);
  const refreshText = (values.refresh ?? 'true').toLowerCase();
  if (refreshText !== 'true' && refreshText !== 'false') diagnostics.push(errorDiag('cli.invalid-flag', `Invalid --refresh value "${values.refresh ?? ''}"`, { detail: 'Use --refresh=false or --refresh=true.' }));
  const refresh = refreshText !== 'false';
  const destroy = forceDestroy || values.destroy === true;
  if (destroy && values.refreshOnly === true) diagnostics.push(errorDiag('cli.invalid-flag', 'Incompatible plan mode options', { detail: '--destroy and --refresh-only cannot be used together.' }));
  if (!refresh && values.refreshOnly === true) diagnostics.push(errorDiag('cli.invalid-flag', 'Incompatible refresh options', { detail: '--refresh-only needs a refresh: it cannot be used with --refresh=false.' }));
  const lockTimeoutMs = parseDuration(values.lockTimeout ?? '0s');
  if (lockTimeoutMs === undefined) diagnostics.push(errorDiag('cli.invalid-flag', `Invalid --lock-timeout "${values.lockTimeout ?? ''}"`, { detail: 'Give a duration such as 0s, 5s, 1m or 1m30s.' }));
  const parallelism = Number(values.parallelism ?? '10');
  if (!Number.isInteger(parallelism) || parallelism < 1) diagnostics.push(errorDiag('cli.invalid-flag', `Invalid --parallelism "${values.parallelism ?? ''}"`, { detail: 'Give a whole number of at least 1.' }));
  return {
    request: { vars: vars.list, mode: destroy ? 'destroy' : values.refreshOnly === true ? 'refresh-only' : 'normal', targets, replace, refresh },
    lockTimeoutMs: lockTimeoutMs ?? 0,
    parallelism: Number.isInteger(parallelism) && parallelism >= 1 ? parallelism : 10,
    diagnostics,
  };
}
