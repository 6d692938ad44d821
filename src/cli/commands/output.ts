import type { Command } from 'commander';
import { closest, errorDiag } from '../../diag/index.js';
import { openOutputValue } from '../../engine/index.js';
import type { JsonValue } from '../../state/index.js';
import { printDiagnostics } from '../context.js';
import { readStateForCommand } from '../engine-run.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext, CommandModule } from '../program.js';
import { secretBox } from '../engine-host.js';

interface OutputOptions {
  json?: boolean;
  showSensitive?: boolean;
}

const EXAMPLES = `
Examples:
  $ iamform output
  $ iamform output alice_id
  $ iamform output --json > outputs.json
  $ iamform output ci_secret_key --show-sensitive

Sensitive outputs print as (sensitive value) unless --show-sensitive is given. Secrets (an
access key's secret) are kept sealed in state with the key in .iamform/state.key, or the
key IAMFORM_STATE_KEY names.`;

function inline(value: JsonValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 2);
}

export const outputCommand: CommandModule = {
  register(program: Command, context: CommandContext): void {
    program
      .command('output')
      .description('print the outputs recorded in state by the last apply')
      .argument('[name]', 'one output')
      .option('--json', 'print as JSON')
      .option('--show-sensitive', 'print sensitive values too')
      .addHelpText('after', EXAMPLES)
      .action(
        context.action(async (name: string | undefined, options: OutputOptions) => {
          const { io } = context;
          const globals = context.globals();
          const state = await readStateForCommand(io, globals);
          if (!state) return ExitCode.error;
          const box = secretBox(globals.dir, io.env);
          const show = options.showSensitive === true;
          const outputs = state.outputs;
          const valueOf = (key: string): { value: JsonValue; hidden: boolean } => {
            const o = outputs[key];
            if (o === undefined) return { value: null, hidden: false };
            if (o.sensitive && !show) return { value: null, hidden: true };
            const opened = openOutputValue(o.value, box);
            if ('sealed' in opened) return { value: null, hidden: true };
            return { value: opened.value, hidden: false };
          };
          if (name !== undefined) {
            if (outputs[name] === undefined) {
              const suggestion = closest(name, Object.keys(outputs));
              printDiagnostics(io, globals, [
                errorDiag('output.not-found', `Output "${name}" not found`, {
                  detail: `The state has no output named "${name}".${suggestion !== undefined ? ` Did you mean "${suggestion}"?` : ''} Outputs are recorded by iamform apply.`,
                }),
              ]);
              return ExitCode.error;
            }
            const { value, hidden } = valueOf(name);
            if (hidden) {
              io.stdout.write(options.json === true ? 'null\n' : '(sensitive value)\n');
              if (outputs[name]?.sensitive === true && !show) io.stderr.write('This output is sensitive: pass --show-sensitive to print it.\n');
              return ExitCode.ok;
            }
            io.stdout.write(options.json === true ? JSON.stringify(value) + '\n' : typeof value === 'string' ? value + '\n' : inline(value) + '\n');
            return ExitCode.ok;
          }
          const names = Object.keys(outputs).sort();
          if (options.json === true) {
            const doc: Record<string, { sensitive: boolean; value: JsonValue }> = {};
            for (const key of names) doc[key] = { sensitive: outputs[key]?.sensitive === true, value: valueOf(key).value };
            io.stdout.write(JSON.stringify(doc, null, 2) + '\n');
            return ExitCode.ok;
          }
          if (names.length === 0) {
            io.stderr.write('No outputs found: the config declares none, or iamform apply has not run yet.\n');
            return ExitCode.ok;
          }
          for (const key of names) {
            const { value, hidden } = valueOf(key);
            io.stdout.write(`${key} = ${hidden ? '(sensitive value)' : inline(value)}\n`);
          }
          return ExitCode.ok;
        }),
      );
  },
};
