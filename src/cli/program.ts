import { Command, CommanderError } from 'commander';
import type { CliIo } from './io.js';
import { resolveGlobals, type GlobalOptions } from './context.js';
import { packageVersion } from './version.js';

/** What a command module gets to register itself and run. */
export interface CommandContext {
  readonly io: CliIo;
  /** Global options as they stand when the action runs. */
  globals(): GlobalOptions;
  /**
   * Wraps an action so that the exit code it returns becomes the process's. Actions return
   * exit codes for user errors and throw only on bugs.
   */
  action<A extends unknown[]>(run: (...args: A) => Promise<number>): (...args: A) => Promise<void>;
}

export interface CommandModule {
  register(program: Command, context: CommandContext): void;
}

export interface ProgramRun {
  readonly program: Command;
  exitCode(): number;
}

const ROOT_EXAMPLES = `
Examples:
  $ iamform --version
  $ iamform --chdir infra/iam --help`;

export function buildProgram(io: CliIo, commands: readonly CommandModule[]): ProgramRun {
  let exitCode = 0;
  const program = new Command('iamform');
  program
    .description('Identity and access management as code: plan and apply IAM users, groups, policies and grants.')
    .version(packageVersion(), '-v, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help for a command')
    .option('-C, --chdir <dir>', 'the config directory', '.')
    .option('--no-color', 'no colour in output (also: NO_COLOR)')
    .showSuggestionAfterError(true)
    .addHelpText('after', ROOT_EXAMPLES)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text),
    })
    .exitOverride();

  const context: CommandContext = {
    io,
    globals: () => resolveGlobals(io, program.opts<{ chdir?: string; color?: boolean }>()),
    action:
      <A extends unknown[]>(run: (...args: A) => Promise<number>) =>
      async (...args: A) => {
        exitCode = await run(...args);
      },
  };
  for (const command of commands) command.register(program, context);
  return { program, exitCode: () => exitCode };
}

export function isCommanderError(error: unknown): error is CommanderError {
  return error instanceof CommanderError;
}
