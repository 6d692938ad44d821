import type * as M from '../../backend/index.js';
import { builtinProjects, defaultEnterpriseProject, fail, ok, type Result } from '../../backend/index.js';
import { conflict as conflictError, invalid as invalidError, notFound as notFoundError } from '../../backend/errors.js';

export { fail };

/**
 * The maps of the memory backend. Ids are deterministic (a counter in 32 hex digits) so that
 * tests are reproducible; everything else follows the embedded backend's observable rules.
 */
export interface MemoryState {
  seq: number;
  readonly domainId: string;
  readonly users: Map<string, M.User>;
  /** Password digests by user id (for "new password equals the old one"). */
  readonly passwords: Map<string, string>;
  readonly groups: Map<string, M.Group>;
  /** group id → member user ids. */
  readonly members: Map<string, Set<string>>;
  readonly projects: Map<string, M.Project>;
  readonly enterpriseProjects: Map<string, M.EnterpriseProject>;
  readonly customPolicies: Map<string, Omit<M.CustomPolicy, 'references'>>;
  readonly attachments: Map<string, M.Attachment>;
  readonly accessKeys: Map<string, M.AccessKey>;
  readonly now: () => string;
}

export function newId(state: MemoryState): string {
  state.seq += 1;
  return state.seq.toString(16).padStart(32, '0');
}

export function newMemoryState(now: () => string): MemoryState {
  const state: MemoryState = {
    seq: 0,
    domainId: '',
    users: new Map(),
    passwords: new Map(),
    groups: new Map(),
    members: new Map(),
    projects: new Map(),
    enterpriseProjects: new Map(),
    customPolicies: new Map(),
    attachments: new Map(),
    accessKeys: new Map(),
    now,
  };
  (state as { domainId: string }).domainId = newId(state);
  for (const p of builtinProjects) {
    const id = newId(state);
    state.projects.set(id, { id, name: p.name, kind: p.kind, parentId: null, description: p.description, enabled: true, createdAt: now() });
  }
  const ep = defaultEnterpriseProject;
  state.enterpriseProjects.set(ep.id, { id: ep.id, name: ep.name, description: ep.description, createdAt: now() });
  return state;
}

/** The backend's errors (`backend/errors.ts`) as failed results. */
export const notFound = <T>(kind: string, id: string, field?: string): Result<T> => fail(notFoundError(kind, id, field));
export const conflict = <T>(code: string, message: string, field?: string): Result<T> => fail(conflictError(code, message, field));
export const invalid = <T>(code: string, message: string, field?: string): Result<T> => fail(invalidError(code, message, field));

/** The object by id, else by case-insensitive `name` (how the backend's find calls work). */
export function findByIdOrName<T extends { readonly id: string; readonly name: string }>(map: ReadonlyMap<string, T>, kind: string, idOrName: string, caseInsensitive = true): Result<T> {
  const byId = map.get(idOrName);
  if (byId !== undefined) return ok(byId);
  const key = caseInsensitive ? idOrName.toLowerCase() : idOrName;
  for (const v of map.values()) if ((caseInsensitive ? v.name.toLowerCase() : v.name) === key) return ok(v);
  return notFound(kind, idOrName);
}

export function sortedBy<T>(values: Iterable<T>, key: (v: T) => string): T[] {
  return [...values].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Removes every attachment matching `test` (cascades of deletes). */
export function removeAttachmentsWhere(state: MemoryState, test: (a: M.Attachment) => boolean): void {
  for (const [id, a] of state.attachments) if (test(a)) state.attachments.delete(id);
}
