import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processExists } from './system-env.js';

/** State files and their backups and locks are readable by their owner only. */
export const FILE_MODE = 0o600;

/** `.<name>.tmp-<pid>-<random>`: the pid lets a later writer remove what a killed one left. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
}

/** Reads a file as UTF-8, or undefined when it does not exist. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** A file's content: one string, or pieces written one after another. */
export type FileContent = string | Iterable<string>;

/** Writes a new temporary file beside `path` with `content`, flushed to disk; returns its path and identity. */
async function writeTemp(path: string, content: FileContent): Promise<{ temp: string; identity: FileIdentity }> {
  const temp = tempPathFor(path);
  const handle = await open(temp, 'wx', FILE_MODE);
  let identity: FileIdentity;
  try {
    // Each writeFile continues where the previous one ended.
    if (typeof content === 'string') await handle.writeFile(content, 'utf8');
    else for (const piece of content) await handle.writeFile(piece, 'utf8');
    await handle.chmod(FILE_MODE);
    await handle.sync();
    const stats = await handle.stat();
    identity = { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return { temp, identity };
}

/**
 * Replaces `path` with `content` so that a reader (or a crash) sees either the old content or the
 * new, never a mix: temporary file in the same directory, fsync, rename over the target,
 * fsync the directory so the rename itself is durable.
 */
export async function replaceAtomically(path: string, content: FileContent): Promise<FileIdentity> {
  await mkdir(dirname(path), { recursive: true });
  const { temp, identity } = await writeTemp(path, content);
  await moveIntoPlace(temp, path);
  return identity;
}

/** Renames `temp` over `path` (removing `temp` if that fails) and makes the rename durable. */
async function moveIntoPlace(temp: string, path: string): Promise<void> {
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/**
 * Creates `path` with `text` only if it does not exist; false when it does. The content is
 * complete before the name appears (written to a temporary file, then hard-linked, which
 * fails if the name exists — the same exclusivity as `open(path, 'wx')` without the instant
 * in which the file exists but is still empty).
 */
export async function createExclusive(path: string, text: string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  const { temp } = await writeTemp(path, text);
  try {
    await link(temp, path);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // No hard links on this file system: fall back to an exclusive create.
    return createWithOpenExclusive(path, text);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await syncDirectory(dirname(path));
  return true;
}

async function createWithOpenExclusive(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', FILE_MODE);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Makes `dest` another name for the current content of `src` (O(1): a hard link, renamed
 * over `dest`), or copies it where hard links are not supported. `src` must exist. Safe as a
 * backup because iamform never modifies a state file in place: it replaces it by rename.
 */
export async function linkOrCopy(src: string, dest: string): Promise<void> {
  const temp = tempPathFor(dest);
  try {
    await link(src, temp);
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    await replaceAtomically(dest, await readFile(src, 'utf8'));
    return;
  }
  await moveIntoPlace(temp, dest);
}

/** The identity of a file's current content: a replaced file has a new inode. */
export interface FileIdentity {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

export async function identityOf(path: string): Promise<FileIdentity | undefined> {
  try {
    const stats = await stat(path);
    return { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

export function sameIdentity(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  return a !== undefined && b !== undefined && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Removes `path`; false when it did not exist. */
export async function removeIfExists(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Some platforms cannot open or fsync a directory; the rename is still atomic there.
    const code = errnoCode(error);
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

/** Removes temporary files that writers of `path` on this host left when they were killed. */
export async function removeAbandonedTemps(path: string): Promise<void> {
  const prefix = `.${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid !== process.pid && !processExists(pid)) await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}

export function errnoCode(error: unknown): string | undefined {
  return error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
