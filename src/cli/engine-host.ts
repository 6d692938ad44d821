import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileJournalStorage, journalPathOf } from '../apply/index.js';
import { loadCatalog } from '../backend/catalog/index.js';
import type { ConfigReader } from '../config/index.js';
import { errorDiag } from '../diag/index.js';
import type { EngineHost, ProviderSettings, SecretBox } from '../engine/index.js';
import { openEmbeddedProvider } from '../provider/index.js';
import { writeOnlyPaths } from '../schema/index.js';
import { fileStateStore, resolveStatePath } from '../state/file.js';
import { packageVersion } from './version.js';

/** Where the embedded IAM backend lives when the config does not say: under the config directory. */
export const DEFAULT_BACKEND_PATH = join('.iamform', 'iam.db');
/** The key that seals secrets kept in state, unless `IAMFORM_STATE_KEY` gives one. */
export const SECRET_KEY_PATH = join('.iamform', 'state.key');

/** The config directory on disk as a ConfigReader; relative paths resolve against `dir`. */
export function directoryReader(dir: string): ConfigReader {
  const message = (e: unknown): string => (e instanceof Error ? e.message.replace(/^[A-Z]+: /, '') : String(e));
  return {
    listFiles() {
      try {
        return readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isFile() || (entry.isSymbolicLink() && statSync(resolve(dir, entry.name), { throwIfNoEntry: false })?.isFile() === true))
          .map((entry) => entry.name);
      } catch (e) {
        return { error: message(e) };
      }
    },
    readFile(path) {
      try {
        return { text: readFileSync(resolve(dir, path), 'utf8') };
      } catch (e) {
        return { error: message(e) };
      }
    },
    fileExists(path) {
      try {
        const s = statSync(resolve(dir, path), { throwIfNoEntry: false });
        if (s === undefined) return false;
        if (s.isDirectory()) return { error: `${path} is a directory, not a file` };
        return s.isFile();
      } catch (e) {
        return { error: message(e) };
      }
    },
  };
}

/** `path` as messages show it: relative to the config directory when inside it. */
export function displayPathOf(dir: string, path: string): string {
  const inside = relative(dir, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

/** The absolute path of the embedded backend's database for the provider settings. */
export function backendPathOf(dir: string, settings: ProviderSettings): string {
  return resolve(dir, settings.path ?? DEFAULT_BACKEND_PATH);
}

/**
 * AES-256-GCM with a key from `IAMFORM_STATE_KEY` (any text, hashed to 32 bytes) or from a
 * random key file created with mode 0600 on first use. Sealed text: `v1:<iv>:<tag>:<data>`.
 */
export function secretBox(dir: string, env: Readonly<Record<string, string | undefined>>): SecretBox {
  let key: Buffer | undefined;
  const keyFor = (create: boolean): Buffer | undefined => {
    if (key) return key;
    const given = env['IAMFORM_STATE_KEY'];
    if (given !== undefined && given !== '') return (key = createHash('sha256').update(given).digest());
    const path = resolve(dir, SECRET_KEY_PATH);
    if (existsSync(path)) return (key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64'));
    if (!create) return undefined;
    mkdirSync(dirname(path), { recursive: true });
    const fresh = randomBytes(32);
    writeFileSync(path, fresh.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    return (key = fresh);
  };
  return {
    seal(plain) {
      const k = keyFor(true) as Buffer;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', k, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`;
    },
    open(sealed) {
      const k = keyFor(false);
      const [version, iv, tag, data] = sealed.split(':');
      if (k === undefined || version !== 'v1' || iv === undefined || tag === undefined || data === undefined) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64'));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** The engine's IO for a config directory on this machine. */
export function nodeEngineHost(dir: string, env: Readonly<Record<string, string | undefined>>): EngineHost {
  return {
    reader: directoryReader(dir),
    env,
    openState(configuredPath) {
      const path = resolveStatePath(dir, configuredPath);
      const displayPath = displayPathOf(dir, path);
      const store = fileStateStore({ path, displayPath, iamformVersion: packageVersion(), writeOnly: (address) => writeOnlyPaths(address.type, address.mode) });
      const journal = fileJournalStorage({ path: journalPathOf(path), displayPath: journalPathOf(displayPath) });
      return { access: { store, journal, displayPath }, diagnostics: [] };
    },
    openProvider(settings) {
      if (settings.backend === 'http') {
        return {
          diagnostics: [
            errorDiag('engine.provider-http', 'The http backend is not available in this build', {
              detail: 'Use the embedded backend: provider "iam" { path = ".iamform/iam.db" }.',
              ...(settings.range ? { range: settings.range } : {}),
            }),
          ],
        };
      }
      const path = backendPathOf(dir, settings);
      try {
        mkdirSync(dirname(path), { recursive: true });
        return { provider: openEmbeddedProvider({ path, ...(settings.domain !== undefined ? { domain: settings.domain } : {}) }), diagnostics: [] };
      } catch (error) {
        return {
          diagnostics: [
            errorDiag('backend.unreadable', `Cannot open the IAM backend database at ${displayPathOf(dir, path)}`, {
              detail: error instanceof Error ? error.message : String(error),
              ...(settings.range ? { range: settings.range } : {}),
            }),
          ],
        };
      }
    },
    catalog: loadCatalog(),
    hash: (text) => createHash('sha256').update(text).digest('hex'),
    secrets: secretBox(dir, env),
  };
}
