import { hmacSha256Hex } from './sha256.js';
import { isUnknown, type PlainValue } from './types.js';

/**
 * Keepers of write-only values. A write-only attribute (`iam_user.password`) is never stored
 * in state or plan, and the backend never returns it. To notice that the config changed it,
 * the provider stores in the instance's `private` data, per write-only attribute, a keeper:
 * HMAC-SHA-256 of the value under a random salt of that object (so equal passwords of two
 * users give unrelated keepers, and the keeper does not reveal the value to a dictionary
 * built once for all states). The planner then compares the config's value with the keeper.
 *
 * Private data shape (JSON): `{ "keepers": { "<attribute>": { "salt": hex, "hmac": hex } } }`.
 * The provider makes the salt (it has the randomness); everything here is pure.
 */

export interface Keeper {
  readonly salt: string;
  readonly hmac: string;
}

export interface KeeperPrivate {
  readonly keepers: { readonly [attribute: string]: Keeper };
}

/** The keeper of `value` under `salt` (hex text of at least 16 random bytes). */
export function makeKeeper(value: string, salt: string): Keeper {
  return { salt, hmac: hmacSha256Hex(salt, value) };
}

/** The keeper of `attribute` found in an instance's private data, if any. */
export function keeperOf(privateData: PlainValue | undefined, attribute: string): Keeper | undefined {
  if (privateData === null || privateData === undefined || typeof privateData !== 'object' || Array.isArray(privateData) || isUnknown(privateData)) return undefined;
  const keepers = (privateData as { readonly keepers?: PlainValue })['keepers'];
  if (keepers === null || keepers === undefined || typeof keepers !== 'object' || Array.isArray(keepers)) return undefined;
  const k = (keepers as { readonly [key: string]: PlainValue })[attribute];
  if (k === null || k === undefined || typeof k !== 'object' || Array.isArray(k)) return undefined;
  const { salt, hmac } = k as { readonly salt?: PlainValue; readonly hmac?: PlainValue };
  return typeof salt === 'string' && typeof hmac === 'string' ? { salt, hmac } : undefined;
}

/**
 * How a write-only value in the config compares with what was last applied:
 * - `unchanged`: the config leaves it unset (the backend keeps what it has; nothing to do),
 *   or it matches the keeper;
 * - `changed`: it is set and there is no keeper, or the keeper does not match;
 * - `unknown`: the value is known only after apply (plan an update).
 * `hmac` is the keeper hash; the planner passes the one it was given, so that it agrees with
 * the provider that made the keeper.
 */
export function writeOnlyChange(
  configValue: PlainValue | undefined,
  privateData: PlainValue | undefined,
  attribute: string,
  hmac: (value: string, salt: string) => string = (value, salt) => makeKeeper(value, salt).hmac,
): 'unchanged' | 'changed' | 'unknown' {
  if (configValue === undefined || configValue === null) return 'unchanged';
  if (isUnknown(configValue)) return 'unknown';
  const keeper = keeperOf(privateData, attribute);
  if (keeper === undefined || typeof configValue !== 'string') return 'changed';
  return hmac(configValue, keeper.salt) === keeper.hmac ? 'unchanged' : 'changed';
}
