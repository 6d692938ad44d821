import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { seedProcessFlowAccount } from '../backend/seed-account.js';
import { memoryIo } from '../helpers/cli.js';

interface InProcessResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Before the calling file's tests, makes a working directory `<prefix>…` that holds the seed's
 * process-flow account at the default backend path and hands it to `assign`; removes it after
 * them. Returns a runner of `iamform` commands in process in that directory.
 */
export function seededAccountDir(prefix: string, assign: (dir: string) => void): (args: string[]) => Promise<InProcessResult> {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    seedProcessFlowAccount(join(dir, '.iamform', 'iam.db'));
    assign(dir);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return async (args) => {
    if (dir === undefined) throw new Error('seededAccountDir: commands run only during the tests');
    const io = memoryIo({ cwd: dir });
    const code = await main(args, io);
    return { code, out: io.out(), err: io.err() };
  };
}
