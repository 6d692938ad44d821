import { writeOnlyPaths, type PlainObject, type PlainValue } from '../schema/index.js';
import type { JsonObject } from '../state/index.js';
import { fillUnknown } from './plain.js';

/**
 * The write-only values (a user's password) the config sets for an instance, for the
 * provider only: they never enter `before`/`after`, state or a plan file. Undefined when the
 * config sets none. Parts unknown at plan time are null here; the placeholder evaluation
 * supplies them where they come from another instance.
 */
export function writeOnlyValues(type: string, config: PlainObject): JsonObject | undefined {
  let out: JsonObject | undefined;
  for (const path of writeOnlyPaths(type)) {
    const name = path[0] as string;
    const value: PlainValue | undefined = config[name];
    if (value === undefined || value === null) continue;
    out ??= {};
    out[name] = fillUnknown(value, () => null);
  }
  return out;
}
