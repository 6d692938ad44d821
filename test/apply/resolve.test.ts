import { describe, expect, it } from 'vitest';
import { referenceResolver, defaultObjectHint, type AppliedInstance, type UnknownReference } from '../../src/apply/index.js';
import type { JsonObject } from '../../src/state/index.js';
import { formatAddress, type ResourceAddress } from '../../src/addr/index.js';
import { addr, change } from './helpers.js';

const applied: Record<string, AppliedInstance> = {
  'iam_group.ops': { id: 'g-1', attributes: { name: 'ops' } },
  'iam_user.alice': { id: 'u-1', attributes: { id: 'u-1', name: 'alice', tags: ['x', 'y'] } },
};
const lookup = (address: string | ResourceAddress): AppliedInstance | undefined => applied[typeof address === 'string' ? address : formatAddress(address)];
const ref = (path: (string | number)[], from: string, attribute: (string | number)[] = ['id']): UnknownReference => ({ path, from: addr(from), attribute });

describe('referenceResolver', () => {
  const cases: [string, JsonObject, UnknownReference[], JsonObject | string][] = [
    ['fills a top-level id (the object id when attributes lack one)', { users: [] }, [ref(['group'], 'iam_group.ops')], { users: [], group: 'g-1' }],
    ['fills list elements in order', { group: 'g' }, [ref(['users', 0], 'iam_user.alice'), ref(['users', 1], 'iam_group.ops')], { group: 'g', users: ['u-1', 'g-1'] }],
    ['fills nested paths from nested attributes', { name: 'k' }, [ref(['meta', 'tag'], 'iam_user.alice', ['tags', 1])], { name: 'k', meta: { tag: 'y' } }],
    ['reports a reference to an object that does not exist', {}, [ref(['user'], 'iam_user.bob')], 'user refers to iam_user.bob.id, which is not known after applying its dependencies.'],
    ['reports a missing attribute', {}, [ref(['user'], 'iam_group.ops', ['email'])], 'user refers to iam_group.ops.email, which is not known after applying its dependencies.'],
  ];
  it.each(cases)('%s', (_, after, references, expected) => {
    const resolve = referenceResolver(new Map([['iam_access_key.k', references]]));
    const result = resolve(change('iam_access_key.k', { action: 'create', after }), lookup);
    if (typeof expected === 'string') expect(result).toEqual({ kind: 'error', message: expected });
    else expect(result).toEqual({ kind: 'ok', after: expected });
    // The planned value is never modified in place.
    expect(after).not.toHaveProperty('group', 'g-1');
  });

  it('passes a change without references through', () => {
    const resolve = referenceResolver(new Map());
    expect(resolve(change('iam_user.a', { action: 'create', after: { name: 'a' } }), lookup)).toEqual({ kind: 'ok', after: { name: 'a' } });
  });
});

describe('defaultObjectHint', () => {
  it('is the name when the object has one', () => {
    expect(defaultObjectHint(change('iam_user.a', { action: 'create', after: { name: 'a', enabled: true, phone: [] } }))).toEqual({ name: 'a' });
  });
  it('else keeps the scalar attributes that can identify an object', () => {
    expect(defaultObjectHint(change('iam_access_key.k', { action: 'create', after: { user: 'u-1', description: 'ci', n: 1, tags: { a: 'b' }, x: null, on: true } }))).toEqual({ user: 'u-1', description: 'ci', n: 1, on: true });
  });
});
