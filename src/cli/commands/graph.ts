import type { Command } from 'commander';
import { errorDiag } from '../../diag/index.js';
import { configGraph } from '../../engine/index.js';
import { toDot, toMermaid } from '../../graph/index.js';
import { printDiagnostics } from '../context.js';
import { printRunDiagnostics, withRun } from '../engine-run.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext, CommandModule } from '../program.js';

const EXAMPLES = `
Examples:
  $ iamform graph | dot -Tsvg > graph.svg
  $ iamform graph --format mermaid > graph.mmd

An arrow points from a resource to what it depends on (references and depends_on).`;

export const graphCommand: CommandModule = {
  register(program: Command, context: CommandContext): void {
    program
      .command('graph')
      .description('print the dependency graph of the config (dot or mermaid)')
      .option('--format <FORMAT>', 'dot or mermaid', 'dot')
      .addHelpText('after', EXAMPLES)
      .action(
        context.action(async (options: { format: string }) => {
          const { io } = context;
          const globals = context.globals();
          if (options.format !== 'dot' && options.format !== 'mermaid') {
            printDiagnostics(io, globals, [errorDiag('cli.invalid-format', `Unknown graph format "${options.format}"`, { detail: 'Use --format dot or --format mermaid.' })]);
            return ExitCode.error;
          }
          return withRun(io, globals, [], async (run) => {
            const { graph, diagnostics } = configGraph(run.session.workspace.config);
            if (diagnostics.length > 0) printRunDiagnostics(run, diagnostics);
            io.stdout.write(options.format === 'dot' ? toDot(graph) : toMermaid(graph));
            return ExitCode.ok;
          });
        }),
      );
  },
};
