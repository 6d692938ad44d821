import { fileJournalStorage, journalPathOf, readStateWithJournal } from '../../apply/index.js';
import type { Command } from 'commander';
import { addressContains, compareAddresses, formatAddress, parseAddress, resourceOf, type ResourceAddress } from '../../addr/index.js';
import { closest, errorDiag, type Diagnostic } from '../../diag/index.js';
import { instanceAddresses, renderInstance, selectInstances, type State, type StateStore } from '../../state/index.js';
import { fileStateStore, resolveStatePath } from '../../state/file.js';
import { printDiagnostics, type GlobalOptions } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { CommandContext, CommandModule } from '../program.js';
import { packageVersion } from '../version.js';
import { loadWorkspace } from '../../engine/index.js';
import { displayPathOf, nodeEngineHost } from '../engine-host.js';

export interface StateLocationOptions {
  state?: string;
}

export const STATE_OPTION_HELP = 'the state file (default: state/default.iamstate.json under the config directory)';

/**
 * The file state store for the config directory. `--state PATH` is relative to the working
 * directory, as paths typed on a command line are; the default lives under `--chdir`.
 */
export function openStateStore(io: Pick<CliIo, 'cwd' | 'env'>, globals: GlobalOptions, options: StateLocationOptions): { store: StateStore; path: string; file: string } {
  const file = options.state === undefined ? resolveStatePath(globals.dir, configuredStatePath(globals.dir, io.env)) : resolveStatePath(io.cwd, options.state);
  const path = displayPathOf(globals.dir, file);
  return { store: fileStateStore({ path: file, displayPath: path, iamformVersion: packageVersion() }), path, file };
}

/** The state path the config names (`iamform { state "local" { path } }`), read as plan and apply read it. */
function configuredStatePath(dir: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  return loadWorkspace(nodeEngineHost(dir, env), [], true).statePath;
}

/**
 * Reads the state as every command sees it: the file with an interrupted apply's journal
 * replayed. An absent state file is an error here (there is nothing to inspect).
 */
async function readExisting(io: Pick<CliIo, 'cwd' | 'env'>, globals: GlobalOptions, options: StateLocationOptions): Promise<{ state?: State; diagnostics: Diagnostic[] }> {
  const { store, path: location, file } = openStateStore(io, globals, options);
  const result = await readStateWithJournal(store, fileJournalStorage({ path: journalPathOf(file) }));
  if (result.kind === 'error') return { diagnostics: result.diagnostics };
  if (!result.persisted) {
    return {
      diagnostics: [
        errorDiag('state.absent', 'No state file was found', {
          detail: `There is no state at ${location}. It is created by the first iamform apply; pass --state PATH to read another file.`,
        }),
      ],
    };
  }
  return { state: result.state, diagnostics: [] };
}

function parseAll(texts: readonly string[]): { addresses: ResourceAddress[]; diagnostics: Diagnostic[] } {
  const addresses: ResourceAddress[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const text of texts) {
    const parsed = parseAddress(text);
    if (parsed.address) addresses.push(parsed.address);
    diagnostics.push(...parsed.diagnostics);
  }
  return { addresses, diagnostics };
}

/** The instance `state show` should print for `address`, or why there is not exactly one. */
function instanceFor(state: State, address: ResourceAddress): { address?: ResourceAddress; diagnostics: Diagnostic[] } {
  const found = selectInstances(state, address);
  const exact = found.find((entry) => compareAddresses(entry.address, address) === 0);
  if (exact) return { address: exact.address, diagnostics: [] };
  const shown = formatAddress(address);
  if (address.key === undefined && found.length > 0) {
    const names = found.map((entry) => formatAddress(entry.address));
    const listed = names.length > 5 ? `${names.slice(0, 5).join(', ')}, … (${names.length} in all)` : names.join(', ');
    return {
      diagnostics: [
        errorDiag('state.ambiguous-address', `${shown} has ${found.length} instances`, {
          detail: `Name one instance, e.g. ${names[0]}. Instances: ${listed}.`,
        }),
      ],
    };
  }
  const known = instanceAddresses(state).map(formatAddress);
  const guess = closest(shown, known) ?? closest(formatAddress(resourceOf(address)), [...new Set(instanceAddresses(state).map((a) => formatAddress(resourceOf(a))))]);
  return {
    diagnostics: [
      errorDiag('state.not-found', `No instance ${shown} in state`, {
        detail: `${guess ? `Did you mean ${guess}? ` : ''}Run iamform state list to see every address in state.`,
      }),
    ],
  };
}

const LIST_EXAMPLES = `
Examples:
  $ iamform state list
  $ iamform state list iam_user.team
  $ iamform state list 'iam_user.team["bob"]' iam_group.ops
  $ iamform state list --state backups/prod.iamstate.json`;

const SHOW_EXAMPLES = `
Examples:
  $ iamform state show iam_user.alice
  $ iamform state show 'iam_user.team["bob"]'
  $ iamform state show data.iam_policy.ecs_ro`;

export const stateCommand: CommandModule = {
  register(program: Command, context: CommandContext): void {
    const state = program
      .command('state')
      .description('inspect state: the record of which backend object belongs to which resource instance')
      .addHelpText('after', `\nExamples:\n  $ iamform state list\n  $ iamform state show iam_user.alice`);

    state
      .command('list')
      .description('list the resource instance addresses in state, sorted; optionally only those under ADDR')
      .argument('[addresses...]', 'resource or instance addresses to filter by')
      .option('--state <path>', STATE_OPTION_HELP)
      .addHelpText('after', LIST_EXAMPLES)
      .action(
        context.action(async (texts: string[], options: StateLocationOptions) => {
          const globals = context.globals();
          const filters = parseAll(texts);
          if (filters.diagnostics.length > 0) {
            printDiagnostics(context.io, globals, filters.diagnostics);
            return ExitCode.error;
          }
          const read = await readExisting(context.io, globals, options);
          if (!read.state) {
            printDiagnostics(context.io, globals, read.diagnostics);
            return ExitCode.error;
          }
          const all = instanceAddresses(read.state);
          const selected = filters.addresses.length === 0 ? all : all.filter((a) => filters.addresses.some((f) => addressContains(f, a)));
          context.io.stdout.write(selected.map((a) => formatAddress(a) + '\n').join(''));
          return ExitCode.ok;
        }),
      );

    state
      .command('show')
      .description('show the attributes of one resource instance in state (sensitive values hidden)')
      .argument('<address>', 'the instance address, e.g. iam_user.alice or iam_user.team["bob"]')
      .option('--state <path>', STATE_OPTION_HELP)
      .addHelpText('after', SHOW_EXAMPLES)
      .action(
        context.action(async (text: string, options: StateLocationOptions) => {
          const globals = context.globals();
          const parsed = parseAddress(text);
          if (!parsed.address) {
            printDiagnostics(context.io, globals, parsed.diagnostics);
            return ExitCode.error;
          }
          const read = await readExisting(context.io, globals, options);
          if (!read.state) {
            printDiagnostics(context.io, globals, read.diagnostics);
            return ExitCode.error;
          }
          const target = instanceFor(read.state, parsed.address);
          const instance = target.address && selectInstances(read.state, target.address)[0]?.instance;
          if (!target.address || !instance) {
            printDiagnostics(context.io, globals, target.diagnostics);
            return ExitCode.error;
          }
          context.io.stdout.write(renderInstance(target.address, instance));
          return ExitCode.ok;
        }),
      );
  },
};
