import { describe, expect, it } from 'vitest';
import { applyPlan, referenceResolver } from '../../src/apply/index.js';
import { addr, callName, change, fresh, rig } from './helpers.js';

const PASSWORD = 'Str0ng!Passw0rd';

function plan() {
  return {
    prior: fresh(),
    changes: [
      change('iam_user.alice', { action: 'create', after: { name: 'alice', access_mode: 'both' }, writeOnly: { password: PASSWORD } }),
      change('iam_access_key.alice', { action: 'create', after: { description: 'ci' }, afterUnknown: [['user']], dependsOn: ['iam_user.alice'] }),
    ],
    resolveAfter: referenceResolver(new Map([['iam_access_key.alice', [{ path: ['user'], from: addr('iam_user.alice'), attribute: ['id'] }]]])),
  };
}

describe('secrets and write-only values', () => {
  it('hands the access key secret to the caller only; the password reaches the provider only', async () => {
    const r = rig();
    const journalTexts: string[] = [];
    r.provider.pause = async () => {
      journalTexts.push(r.journal.text ?? '');
    };
    const result = await applyPlan(plan(), r.options);
    expect(result.diagnostics).toEqual([]);
    const secret = result.secrets.get('iam_access_key.alice')?.['secret'];
    expect(typeof secret).toBe('string');
    expect((secret as string).length).toBeGreaterThan(10);
    expect(r.provider.calls.find((c) => callName(c) === 'create iam_user alice')?.writeOnly).toEqual({ password: PASSWORD });

    const everywhere = [r.storage.text ?? '', JSON.stringify(r.events), JSON.stringify(result.state), ...journalTexts, ...r.journal.appends].join('\n');
    expect(everywhere).not.toContain(secret as string);
    expect(everywhere).not.toContain(PASSWORD);
    // The provider's keeper of the password is what state keeps.
    const user = result.state.resources.find((x) => x.type === 'iam_user')?.instances[0];
    expect(user?.private).toBeDefined();
    expect(r.storage.text).toContain('"private"');
  });

  it('keeps a password out of a provider error message that quotes it', async () => {
    const r = rig();
    r.provider.fail = (call) => (call.type === 'iam_user' ? { status: 400, code: 'IAM.1118', message: `Password ${PASSWORD} is too weak.`, field: 'password' } : undefined);
    const result = await applyPlan(plan(), r.options);
    expect(result.outcome).toMatchObject({ failed: 1, skipped: 1 });
    const failed = r.events.find((e) => e.kind === 'change_failed');
    expect(failed).toMatchObject({ error: { code: 'IAM.1118', message: 'Password (write-only value) is too weak.', field: 'password' } });
    expect(JSON.stringify(r.events)).not.toContain(PASSWORD);
  });

  it('drops a secret or write-only value that a provider returns among the attributes', async () => {
    const r = rig();
    const inner = r.provider.inner;
    const leaky = {
      ...inner,
      name: 'leaky',
      create: async (type: string, values: Parameters<typeof inner.create>[1], writeOnly: Parameters<typeof inner.create>[2]) => {
        const created = await inner.create(type, values, writeOnly);
        if (!created.ok) return created;
        return { ok: true as const, value: { ...created.value, attributes: { ...created.value.attributes, ...writeOnly, ...created.value.secrets } } };
      },
      refresh: inner.refresh.bind(inner),
      update: inner.update.bind(inner),
      delete: inner.delete.bind(inner),
      read: inner.read.bind(inner),
      close: inner.close.bind(inner),
    };
    const result = await applyPlan(plan(), { ...r.options, provider: leaky });
    const secret = result.secrets.get('iam_access_key.alice')?.['secret'] as string;
    expect(r.storage.text).not.toContain(PASSWORD);
    expect(r.storage.text).not.toContain(secret);
  });
});
