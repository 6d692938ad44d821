import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** Where identifiers, salts and secrets get their randomness; injected for repeatable tests. */
export type RandomSource = (bytes: number) => Uint8Array;

export const cryptoRandom: RandomSource = (bytes) => randomBytes(bytes);

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** 32 lowercase hex characters, like the real service's user, group, policy and project ids. */
export function newId(random: RandomSource): string {
  return hex(random(16));
}

/** A UUID-shaped id, as enterprise projects have. */
export function newUuid(random: RandomSource): string {
  const h = hex(random(16));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function fromAlphabet(random: RandomSource, alphabet: string, length: number): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** 20 uppercase letters and digits. */
export function newAccessKeyId(random: RandomSource): string {
  return fromAlphabet(random, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 20);
}

/** 40 letters and digits. */
export function newSecret(random: RandomSource): string {
  return fromAlphabet(random, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40);
}

const scryptParams = { N: 16384, r: 8, p: 1 } as const;

/** `scrypt$N$r$p$<salt hex>$<hash hex>`: a salted scrypt hash; the password is not recoverable. */
export function hashPassword(password: string, random: RandomSource): string {
  const salt = Buffer.from(random(16));
  const hash = scryptSync(password, salt, 32, scryptParams);
  return `scrypt$${scryptParams.N}$${scryptParams.r}$${scryptParams.p}$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || saltHex === undefined || hashHex === undefined) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(expected, actual);
}

/**
 * `sha256$<salt hex>$<hash hex>` of an access-key secret. Secrets are 40 random characters, so
 * a fast salted hash is enough; only a holder of the secret can match it.
 */
export function hashSecret(secret: string, random: RandomSource): string {
  const salt = Buffer.from(random(16));
  const hash = createHash('sha256').update(salt).update(secret).digest('hex');
  return `sha256$${salt.toString('hex')}$${hash}`;
}
