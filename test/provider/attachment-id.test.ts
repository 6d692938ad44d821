import { describe, expect, it } from 'vitest';
import type { AttachmentCreate } from '../../src/backend/index.js';
import { decodeAttachmentId, encodeAttachmentId } from '../../src/provider/index.js';

describe('attachment ids', () => {
  const cases: [string, AttachmentCreate][] = [
    ['group:g1/p1/project:x1', { principal: { kind: 'group', groupId: 'g1' }, policyId: 'p1', scope: { kind: 'project', projectId: 'x1' } }],
    ['group:g1/p1/all_projects', { principal: { kind: 'group', groupId: 'g1' }, policyId: 'p1', scope: { kind: 'all_projects' } }],
    ['user:u1/p2/global', { principal: { kind: 'user', userId: 'u1' }, policyId: 'p2', scope: { kind: 'global' } }],
    ['user:u1/p2/enterprise_project:0', { principal: { kind: 'user', userId: 'u1' }, policyId: 'p2', scope: { kind: 'enterprise_project', enterpriseProjectId: '0' } }],
  ];
  it.each(cases)('%s round-trips', (id, input) => {
    expect(encodeAttachmentId(input)).toBe(id);
    expect(decodeAttachmentId(id)).toEqual(input);
  });

  it.each(['', 'g1/p1/global', 'group:g1/p1', 'group:g1//global', 'team:g1/p1/global', 'group:g1/p1/project', 'group:g1/p1/region:x', 'group:a:b/p1/global', 'group:g1/p1/global/extra'])(
    'rejects %j',
    (id) => {
      expect(decodeAttachmentId(id)).toBeUndefined();
    },
  );
});
