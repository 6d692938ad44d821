/** Process exit codes: the contract of cli.md. Only `src/cli` decides them. */
export const ExitCode = {
  ok: 0,
  error: 1,
  /** `plan --detailed-exitcode` when the plan has changes. */
  changes: 2,
  /** `can` denied; `fmt --check` would change files. */
  denied: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
