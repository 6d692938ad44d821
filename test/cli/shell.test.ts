import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';
import { resolveGlobals } from '../../src/cli/context.js';
import type { CommandModule } from '../../src/cli/program.js';
import { memoryIo, runCli } from '../helpers/cli.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('the iamform binary', () => {
  it('prints its version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('prints help with examples and the global options', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: iamform');
    expect(result.stdout).toContain('--chdir <dir>');
    expect(result.stdout).toContain('--no-color');
    expect(result.stdout).toContain('Examples:');
  });

  it('rejects an unknown option with exit 1 and no stack trace', async () => {
    const result = await runCli(['--frobnicate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints usage and exits 1 when no command is given', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Usage: iamform');
  });
});

describe('unexpected exceptions', () => {
  const throwing: CommandModule = {
    register(program, context) {
      program.command('explode').action(
        context.action(async () => {
          throw new Error('kaboom');
        }),
      );
    },
  };

  it('print a short "this is a bug" message without the stack', async () => {
    const io = memoryIo();
    const code = await main(['explode'], io, [throwing]);
    expect(code).toBe(1);
    expect(io.err()).toContain('iamform failed unexpectedly: kaboom');
    expect(io.err()).toContain('This is a bug in iamform');
    expect(io.err()).toContain('IAMFORM_LOG=debug');
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('print the stack under IAMFORM_LOG=debug', async () => {
    const io = memoryIo({ env: { IAMFORM_LOG: 'debug' } });
    const code = await main(['explode'], io, [throwing]);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/\n\s+at /);
  });

  it('a command returns its exit code through the context', async () => {
    const denies: CommandModule = {
      register(program, context) {
        program.command('deny').action(context.action(async () => 3));
      },
    };
    expect(await main(['deny'], memoryIo(), [denies])).toBe(3);
  });
});

describe('global options', () => {
  it.each([
    [{ tty: true, env: {} }, { color: undefined }, true],
    [{ tty: true, env: { NO_COLOR: '1' } }, { color: undefined }, false],
    [{ tty: true, env: {} }, { color: false }, false],
    [{ tty: false, env: {} }, { color: undefined }, false],
  ] as const)('colour with %j and flags %j is %s', (ioOptions, flags, expected) => {
    const globals = resolveGlobals(memoryIo({ tty: ioOptions.tty, env: { ...ioOptions.env } }), flags);
    expect(globals.colorStderr).toBe(expected);
    expect(globals.colorStdout).toBe(expected);
  });

  it('--chdir resolves against the working directory', () => {
    const globals = resolveGlobals(memoryIo({ cwd: '/work/x' }), { chdir: '../y' });
    expect(globals.dir).toBe('/work/y');
  });
});
