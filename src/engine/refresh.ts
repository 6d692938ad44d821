import type { Config } from '../config/index.js';
import { managedTypes } from '../provider/index.js';
import type { State } from '../state/index.js';

const managed = new Set(managedTypes);

/**
 * The kinds one refresh lists: every managed type the config or state has, or a pending
 * intent names (a deposed object may be of a type nothing else uses any more; memberships and
 * attachments also need the users, groups and policies they name, for access changes), and
 * `data.<type>` for every data source type. Without `refresh`, only data kinds: state stands
 * for the managed objects. Sorted, so that a refresh is reproducible.
 */
export function refreshKinds(config: Config, state: State, refresh: boolean): string[] {
  const kinds = new Set<string>();
  const addManaged = (type: string): void => {
    if (!refresh || !managed.has(type)) return;
    kinds.add(type);
  };
  for (const r of config.resources) {
    if (r.mode === 'data') kinds.add(`data.${r.type}`);
    else addManaged(r.type);
  }
  for (const r of state.resources) {
    if (r.mode === 'data') kinds.add(`data.${r.type}`);
    else addManaged(r.type);
  }
  for (const intent of state.pending) if (intent.address.mode === 'managed') addManaged(intent.address.type);
  return [...kinds].sort();
}
