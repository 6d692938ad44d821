import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { FILE_MODE, readIfExists, removeIfExists, replaceAtomically } from '../state/file-io.js';
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
 * `sync` makes them survive a machine crash. `replace` replaces the file atomically, as the
 * file state store replaces the state file.
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

    read: () => readIfExists(path),

    async replace(text: string): Promise<void> {
      await replaceAtomically(path, text);
      closeHandle();
      fd = openSync(path, 'a', FILE_MODE);
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
      await removeIfExists(path);
    },
  };
}
