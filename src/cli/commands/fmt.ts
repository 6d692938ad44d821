import { chmod, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { errorDiag, hasErrors, type Diagnostic } from '../../diag/index.js';
import { parseHcl } from '../../hcl/index.js';
import { formatHcl } from '../../hcl/index.js';
import { printDiagnostics, type GlobalOptions } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { CommandContext, CommandModule } from '../program.js';

interface FmtOptions {
  readonly check: boolean;
  readonly diff: boolean;
  readonly recursive: boolean;
}

/** One input: `display` is the name printed and used in diagnostics; `path` is absolute. */
interface Target {
  readonly display: string;
  readonly path: string;
}

const EXAMPLES = `
Examples:
  $ iamform fmt                      rewrite every *.hcl file of the config directory
  $ iamform fmt --check --diff       show what would change; exit 3 if anything would
  $ iamform fmt --recursive          include subdirectories
  $ iamform fmt users.hcl groups/    only these files and directories
  $ cat main.hcl | iamform fmt -     format standard input to standard output

Exit codes: 0 done, 1 a file has syntax errors or cannot be read, 3 --check found files to change.`;

/** Reads all of standard input; replaced under test. */
export type StdinReader = () => Promise<string>;

export function createFmtCommand(readStdin: StdinReader = readProcessStdin): CommandModule {
  return {
    register(program: Command, context: CommandContext): void {
      program
        .command('fmt')
        .description('rewrite *.hcl files in canonical style (comments kept)')
        .argument('[files...]', 'files or directories to format, or - for standard input (default: the config directory)')
        .option('--check', 'change nothing; list files that would change and exit 3 if any would')
        .option('--diff', 'print a unified diff of each change')
        .option('-r, --recursive', 'also format files in subdirectories')
        .addHelpText('after', EXAMPLES)
        .action(
          context.action(async (files: string[], options: Partial<FmtOptions>) =>
            runFmt(context.io, context.globals(), files, { check: options.check === true, diff: options.diff === true, recursive: options.recursive === true }, readStdin),
          ),
        );
    },
  };
}

export const fmtCommand: CommandModule = createFmtCommand();

async function runFmt(io: CliIo, globals: GlobalOptions, args: readonly string[], options: FmtOptions, readStdin: StdinReader): Promise<number> {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  let changed = 0;

  if (args.includes('-')) {
    if (args.length > 1) {
      diagnostics.push(errorDiag('fmt-stdin-with-files', 'Standard input cannot be combined with files', { detail: 'Pass either - or file names, not both.' }));
      printDiagnostics(io, globals, diagnostics);
      return ExitCode.error;
    }
    const source = await readStdin();
    const result = formatSource(source, '<stdin>', diagnostics, sources);
    if (result === undefined) {
      printDiagnostics(io, globals, diagnostics, sources);
      return ExitCode.error;
    }
    if (options.diff) io.stdout.write(unifiedDiff('<stdin>', source, result));
    else if (!options.check) io.stdout.write(result);
    return options.check && result !== source ? ExitCode.denied : ExitCode.ok;
  }

  const targets = await collectTargets(globals.dir, io.cwd, args, options.recursive, diagnostics);
  for (const target of targets) {
    let source: string;
    try {
      source = await readFile(target.path, 'utf8');
    } catch (error) {
      diagnostics.push(errorDiag('fmt-read-failed', `Cannot read ${target.display}`, { detail: describe(error) }));
      continue;
    }
    const result = formatSource(source, target.display, diagnostics, sources);
    if (result === undefined || result === source) continue;
    changed++;
    io.stdout.write(target.display + '\n');
    if (options.diff) io.stdout.write(unifiedDiff(target.display, source, result));
    if (options.check) continue;
    const failure = await writeAtomically(target.path, result);
    if (failure !== undefined) diagnostics.push(errorDiag('fmt-write-failed', `Cannot write ${target.display}`, { detail: failure }));
  }
  printDiagnostics(io, globals, diagnostics, sources);
  if (hasErrors(diagnostics)) return ExitCode.error;
  return options.check && changed > 0 ? ExitCode.denied : ExitCode.ok;
}

/** The canonical text, or undefined (with diagnostics added) when the source does not parse. */
function formatSource(source: string, display: string, diagnostics: Diagnostic[], sources: Map<string, string>): string | undefined {
  const parsed = parseHcl(source, display);
  if (hasErrors(parsed.diagnostics)) {
    sources.set(display, source);
    diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  return formatHcl(parsed.file);
}

function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before.replace(/\r\n/g, '\n'), after, undefined, undefined, { context: 3 })
    .split('\n')
    .filter((line, index) => index > 0 || !line.startsWith('===='))
    .join('\n');
}

/**
 * The files to format, sorted: `*.hcl` directly in each directory argument (the config
 * directory when none is given), or below it with `recursive`; explicit files as given.
 * Directories whose names start with `.` (such as `.iamform`) and `node_modules` are skipped.
 */
async function collectTargets(configDir: string, cwd: string, args: readonly string[], recursive: boolean, diagnostics: Diagnostic[]): Promise<Target[]> {
  if (args.length === 0) {
    return (await listHclFiles(configDir, recursive)).map((path) => ({ display: relative(configDir, path), path }));
  }
  const targets: Target[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch {
      diagnostics.push(errorDiag('fmt-no-such-file', `No such file or directory: ${arg}`));
      continue;
    }
    if (isDirectory) {
      for (const file of await listHclFiles(path, recursive)) targets.push({ display: join(arg, relative(path, file)), path: file });
    } else {
      targets.push({ display: arg, path });
    }
  }
  return targets;
}

async function listHclFiles(dir: string, recursive: boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name.endsWith('.hcl')) files.push(path);
    else if (recursive && entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      files.push(...(await listHclFiles(path, true)));
    }
  }
  return files;
}

/**
 * Replaces `path` with `text` so that readers see the old file or the new one, never a part:
 * a temporary file in the same directory (same file system, same mode) is renamed over it.
 * Returns why it failed, if it did; the original is then untouched.
 */
async function writeAtomically(path: string, text: string): Promise<string | undefined> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const mode = (await stat(path)).mode & 0o7777;
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx', mode });
    await chmod(temporary, mode);
    await rename(temporary, path);
    return undefined;
  } catch (error) {
    await rm(temporary, { force: true });
    return describe(error);
  }
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
