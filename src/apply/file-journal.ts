import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { JournalStorage } from './journal.js';

/** The journal of the state file at `statePath`. */
export function journalPathOf(statePath: string): string {
  return `${statePath}.journal`;
}

export interface FileJournalOptions {
  /** Absolute path of the journal file (see `journalPathOf`). */
  readonly path: string;
  /** How messages name it; defaults to `path`. */
  readonly displayPath?: string;
}

/**
 * A journal file, mode 0600 like the state file. Appends go through one held descriptor
 * opened for appending, written synchronously: a small write into the operating system's
 * page cache costs microseconds, far less than a round trip through the thread pool, and
 * once it returns the bytes survive the process being killed (`kill -9`) without an fsync;
 * `sync` makes them survive a machine crash. `replace` writes a temporary file, fsyncs it
 * and renames it over the journal.
 */
export function fileJournalStorage(options: FileJournalOptions): JournalStorage {
  const { path } = options;
  let fd: number | undefined;

  const closeHandle = (): void => {
    const held = fd;
    fd = undefined;
    if (held !== undefined) closeSync(held);
  };

  return {
    location: options.displayPath ?? path,

    async read(): Promise<string | undefined> {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return undefined;
        throw error;
      }
    },

    async replace(text: string): Promise<void> {
      await mkdir(dirname(path), { recursive: true });
      const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
      const out = await open(temp, 'wx', 0o600);
      try {
        await out.writeFile(text, 'utf8');
        await out.sync();
      } finally {
        await out.close();
      }
      try {
        await rename(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      closeHandle();
      fd = openSync(path, 'a', 0o600);
    },

    async append(text: string): Promise<void> {
      if (fd === undefined) throw new Error(`${path}: append before the journal was started`);
      const bytes = Buffer.from(text, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    },

    async sync(): Promise<void> {
      if (fd !== undefined) fsyncSync(fd);
    },

    async remove(): Promise<void> {
      closeHandle();
      try {
        await unlink(path);
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error;
      }
    },
  };
}

function errnoCode(error: unknown): string | undefined {
  return error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
