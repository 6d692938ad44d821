import type { Command } from 'commander';
import { renderPlanJson, renderPlanText } from '../../render/index.js';
import { instanceAddresses, findInstance, renderInstance, toFileJson, type State } from '../../state/index.js';
import { printDiagnostics } from '../context.js';
import { parseFormat, readSavedPlan, readStateForCommand } from '../engine-run.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext, CommandModule } from '../program.js';
import { packageVersion } from '../version.js';

const EXAMPLES = `
Examples:
  $ iamform show                          # the state: every managed object
  $ iamform show release.iamplan          # a saved plan, as plan shows it
  $ iamform show release.iamplan --format json
  $ iamform show --format json > state.json`;

function stateText(state: State): string {
  const addresses = instanceAddresses(state);
  if (addresses.length === 0) return 'The state is empty: no objects are managed yet.\n';
  const blocks = addresses.map((address) => {
    const instance = findInstance(state, address);
    return instance === undefined ? '' : renderInstance(address, instance);
  });
  const outputs = Object.keys(state.outputs).sort();
  const lines = outputs.length === 0 ? [] : ['', 'Outputs:', '', ...outputs.map((name) => `${name} = ${state.outputs[name]?.sensitive === true ? '(sensitive value)' : JSON.stringify(state.outputs[name]?.value ?? null)}`)];
  return blocks.join('\n') + (blocks.length > 0 && !blocks[blocks.length - 1]?.endsWith('\n') ? '\n' : '') + (lines.length > 0 ? lines.join('\n') + '\n' : '');
}

export const showCommand: CommandModule = {
  register(program: Command, context: CommandContext): void {
    program
      .command('show')
      .description('render a saved plan, or the state when no file is given')
      .argument('[planfile]', 'a plan saved by "iamform plan --out FILE"')
      .option('--format <FORMAT>', 'text or json', 'text')
      .addHelpText('after', EXAMPLES)
      .action(
        context.action(async (planFile: string | undefined, options: { format: string }) => {
          const { io } = context;
          const globals = context.globals();
          const format = parseFormat(options.format, ['text', 'json']);
          if (typeof format !== 'string') {
            printDiagnostics(io, globals, [format]);
            return ExitCode.error;
          }
          if (planFile !== undefined) {
            const { plan, diagnostics } = readSavedPlan(io, planFile);
            if (!plan) {
              printDiagnostics(io, globals, diagnostics);
              return ExitCode.error;
            }
            io.stdout.write(format === 'json' ? renderPlanJson(plan, { iamformVersion: packageVersion() }) : renderPlanText(plan, { color: globals.colorStdout }));
            return ExitCode.ok;
          }
          const state = await readStateForCommand(io, globals);
          if (!state) return ExitCode.error;
          if (format === 'json') {
            const doc = toFileJson(state, state.serial, { iamformVersion: packageVersion() });
            for (const output of Object.values(doc.outputs)) if (output.sensitive) output.value = null;
            io.stdout.write(JSON.stringify(doc, null, 2) + '\n');
          } else io.stdout.write(stateText(state));
          return ExitCode.ok;
        }),
      );
  },
};
