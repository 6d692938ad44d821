import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IamService } from '../../src/backend/index.js';
import { embeddedProviderFor, openEmbeddedProvider } from '../../src/provider/index.js';
import { describeProvider } from './conformance.js';
import { countingLists } from './counting.js';

describeProvider('embedded (SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamform-provider-'));
  const service = IamService.open({ path: join(dir, 'iam.db'), domainName: 'conformance' });
  const { proxy, calls } = countingLists(service);
  return {
    provider: embeddedProviderFor(proxy, { onClose: () => service.close() }),
    listCalls: calls,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('openEmbeddedProvider', () => {
  it('keeps objects in the SQLite file across openings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamform-provider-'));
    try {
      const path = join(dir, 'iam.db');
      const first = openEmbeddedProvider({ path, domain: 'acme' });
      const created = await first.create('iam_group', { name: 'ops' }, {});
      await first.close();
      await first.close();
      const second = openEmbeddedProvider({ path });
      const refreshed = await second.refresh(['iam_group']);
      await second.close();
      expect(created.ok && refreshed.ok).toBe(true);
      if (created.ok && refreshed.ok) expect(refreshed.value.get('iam_group')).toEqual([{ id: created.value.id, attributes: { name: 'ops', description: '' } }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
