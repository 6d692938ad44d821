import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The package version, read once from iamform's package.json: the nearest one above this
 * module, which runs from `dist/cli/` or bundled into `dist/iamform.mjs`.
 */
export function packageVersion(): string {
  if (cached === undefined) {
    const manifest = nearestManifest(dirname(fileURLToPath(import.meta.url)));
    cached = typeof manifest?.version === 'string' ? manifest.version : '0.0.0';
  }
  return cached;
}

function nearestManifest(from: string): { name?: unknown; version?: unknown } | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (existsSync(path)) {
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'iamform') return manifest;
    }
    if (dirname(dir) === dir) return undefined;
  }
}
