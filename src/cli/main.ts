import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { buildProgram, isCommanderError, type CommandModule } from './program.js';
import { allCommands } from './commands/index.js';

/**
 * Runs the CLI for `argv` (without the node and script paths) and returns the exit code.
 * User errors arrive here as exit codes; an exception is a bug and is reported as one.
 */
export async function main(argv: readonly string[], io: CliIo, commands: readonly CommandModule[] = allCommands): Promise<number> {
  const run = buildProgram(io, commands);
  if (argv.length === 0) {
    io.stderr.write(run.program.helpInformation());
    return ExitCode.error;
  }
  try {
    await run.program.parseAsync([...argv], { from: 'user' });
    return run.exitCode();
  } catch (error) {
    if (isCommanderError(error)) {
      // --help and --version end through here with exit code 0; usage errors were printed.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.error;
    }
    reportBug(io, error);
    return ExitCode.error;
  }
}

function reportBug(io: CliIo, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`\nError: iamform failed unexpectedly: ${message}\n\nThis is a bug in iamform, not in your configuration. Please report it with the command you ran.\n`);
  if (io.env['IAMFORM_LOG'] === 'debug') {
    io.stderr.write(`\n${error instanceof Error && error.stack ? error.stack : message}\n`);
  } else {
    io.stderr.write('Run again with IAMFORM_LOG=debug to see the stack trace.\n');
  }
}
