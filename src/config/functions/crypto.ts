import { stringVal } from '../value.js';
import { base64Encode } from './encoding.js';
import { md5, sha1, sha256, sha512, toHex, utf8Encode } from './hash.js';
import type { FunctionDef } from './types.js';
import { fixed, param, s, str } from './util.js';

/**
 * Hash functions over the UTF-8 bytes of a string. The digests are computed in pure
 * TypeScript (hash.ts) because the config module may not import `node:crypto`.
 */

function hashFn(description: string, digest: (b: Uint8Array) => Uint8Array, encode: (b: Uint8Array) => string): FunctionDef {
  return fixed(description, [param('str', str)], str, (a) => stringVal(encode(digest(utf8Encode(s(a[0]))))));
}

export const cryptoFunctions: Record<string, FunctionDef> = {
  md5: hashFn('The MD5 hash of a string, in hexadecimal.', md5, toHex),
  sha1: hashFn('The SHA-1 hash of a string, in hexadecimal.', sha1, toHex),
  sha256: hashFn('The SHA-256 hash of a string, in hexadecimal.', sha256, toHex),
  sha512: hashFn('The SHA-512 hash of a string, in hexadecimal.', sha512, toHex),
  base64sha256: hashFn('The SHA-256 hash of a string, in base64.', sha256, base64Encode),
  base64sha512: hashFn('The SHA-512 hash of a string, in base64.', sha512, base64Encode),
};
