/**
 * Provider refresh at scale: one bulk refresh of every managed kind against the embedded
 * backend, with an account shaped like the 10,000-instance config (users, groups with
 * memberships, custom policies, attachments, access keys) at 5× (≈ 2,600 objects) and 50×
 * (≈ 26,000 objects). Refresh makes one list call per kind, so its time grows linearly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IamService, unwrap } from '../../src/backend/index.js';
import { embeddedProviderFor, managedTypes } from '../../src/provider/index.js';
import { measure, ms, type BenchSuite, type Figure } from '../harness.js';

function seed(service: IamService, scale: number): number {
  return service.batch((s) => {
    const project = unwrap(s.findProject('eu-de')).id;
    const users = Array.from({ length: 200 * scale }, (_, i) => unwrap(s.createUser({ name: `user-${i}`, accessMode: 'programmatic' })).id);
    const groups = Array.from({ length: 20 * scale }, (_, i) => unwrap(s.createGroup({ name: `group-${i}` })).id);
    groups.forEach((g, i) => unwrap(s.setMembers(g, users.slice(i * 10, i * 10 + 10))));
    const policies = Array.from({ length: 30 * scale }, (_, i) =>
      unwrap(s.createCustomPolicy({ displayName: `policy-${i}`, description: 'bench', type: 'XA', document: { Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['ecs:servers:list'] }] } })).id,
    );
    let attachments = 0;
    for (let i = 0; i < 150 * scale; i++) {
      const r = s.createAttachment({ principal: { kind: 'group', groupId: groups[i % groups.length] as string }, policyId: policies[Math.floor(i / groups.length) % policies.length] as string, scope: { kind: 'project', projectId: project } });
      if (r.ok) attachments++;
    }
    for (let i = 0; i < 100 * scale; i++) unwrap(s.createAccessKey({ userId: users[i] as string }));
    return users.length + groups.length * 2 + policies.length + attachments + 100 * scale;
  });
}

export const providerSuite: BenchSuite = {
  name: 'provider',
  async run(): Promise<Figure[]> {
    const figures: Figure[] = [];
    const medians: number[] = [];
    for (const scale of [5, 50]) {
      const dir = mkdtempSync(join(tmpdir(), 'iamform-bench-provider-'));
      const service = IamService.open({ path: join(dir, 'iam.db') });
      try {
        const objects = seed(service, scale);
        const provider = embeddedProviderFor(service);
        const timing = await measure(async () => {
          const r = await provider.refresh(managedTypes);
          if (!r.ok) throw new Error(r.error.message);
        });
        medians.push(timing.medianMs);
        figures.push({ name: `embedded refresh of every kind, ${objects} objects`, value: ms(timing.medianMs) });
      } finally {
        service.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const ratio = (medians[1] as number) / (medians[0] as number);
    figures.push({ name: 'refresh time(50×) / time(5×)', value: ratio.toFixed(1), target: '≤ 12 (linear)', ok: ratio <= 12 });
    return figures;
  },
};
