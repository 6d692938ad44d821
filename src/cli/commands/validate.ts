import type { Command } from 'commander';
import { errorDiag, utf8ByteOffset, type Diagnostic, type SourcePos } from '../../diag/index.js';
import type { VariableArg } from '../../config/index.js';
import { validateConfig } from '../../engine/index.js';
import { directoryReader, nodeEngineHost } from '../engine-host.js';
import { printDiagnostics, type GlobalOptions } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { addVariableFlags, VariableArgs } from '../plan-flags.js';
import type { CommandContext, CommandModule } from '../program.js';

const EXAMPLES = `
Examples:
  $ iamform validate
  $ iamform --chdir infra/iam validate --var-file prod.iamvars
  $ iamform validate --var 'users={alice={email="a@example.com"}}' --json

Variables are read from IAMFORM_VAR_<name>, then *.auto.iamvars files in name order, then
--var-file and --var options in the order given (later values win).

Exit codes: 0 the configuration is valid (warnings allowed), 1 it has errors.`;

interface JsonRange {
  filename: string;
  start: { line: number; column: number; byte: number };
  end: { line: number; column: number; byte: number };
}

function jsonDiagnostic(d: Diagnostic, sources: ReadonlyMap<string, string>): Record<string, unknown> {
  let range: JsonRange | null = null;
  if (d.range !== undefined) {
    const source = sources.get(d.range.file);
    const at = (p: SourcePos): { line: number; column: number; byte: number } => ({
      line: p.line,
      column: p.column,
      byte: source === undefined ? p.offset : utf8ByteOffset(source, p),
    });
    range = { filename: d.range.file, start: at(d.range.start), end: at(d.range.end) };
  }
  return { severity: d.severity, code: d.code, summary: d.summary, detail: d.detail ?? '', range };
}

export const validateCommand: CommandModule = {
  register(program: Command, context: CommandContext): void {
    const vars = new VariableArgs();
    const command = program
      .command('validate')
      .description('check the config fully (syntax, types, schemas, references, policy documents, role dependencies); no backend calls');
    addVariableFlags(command, vars)
      .option('--json', 'print the result as JSON on stdout', false)
      .addHelpText('after', EXAMPLES)
      .action(context.action(async (options: { json: boolean }) => runValidate(context.io, context.globals(), vars.list, options.json)));
  },
};

async function runValidate(io: CliIo, globals: GlobalOptions, vars: readonly VariableArg[], json: boolean): Promise<number> {
  const reader = directoryReader(globals.dir);
  const diagnostics: Diagnostic[] = [];
  let sources: ReadonlyMap<string, string> = new Map();
  const listed = reader.listFiles();
  if ('error' in listed) {
    diagnostics.push(errorDiag('config.read-dir', 'Cannot read the config directory', { detail: `${globals.dir}: ${listed.error}` }));
  } else if (!listed.some((name) => /\.(hcl|hcl\.json|tf\.json)$/.test(name))) {
    diagnostics.push(
      errorDiag('config.no-files', 'No configuration files', {
        detail: `The directory ${globals.dir} contains no configuration files (*.hcl, *.hcl.json, *.tf.json). Use --chdir to name the config directory.`,
      }),
    );
  } else {
    const result = validateConfig(nodeEngineHost(globals.dir, io.env), vars);
    diagnostics.push(...result.diagnostics);
    sources = result.sources;
  }
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const warningCount = diagnostics.length - errorCount;
  if (json) {
    const body = {
      format_version: '1.0',
      valid: errorCount === 0,
      error_count: errorCount,
      warning_count: warningCount,
      diagnostics: diagnostics.map((d) => jsonDiagnostic(d, sources)),
    };
    io.stdout.write(JSON.stringify(body, null, 2) + '\n');
    return errorCount === 0 ? ExitCode.ok : ExitCode.error;
  }
  printDiagnostics(io, globals, diagnostics, sources);
  if (errorCount > 0) return ExitCode.error;
  const tail = warningCount === 0 ? '' : `, but there ${warningCount === 1 ? 'was 1 warning' : `were ${warningCount} warnings`} as shown above`;
  io.stdout.write(`${warningCount > 0 ? '\n' : ''}Success! The configuration is valid${tail}.\n`);
  return ExitCode.ok;
}
