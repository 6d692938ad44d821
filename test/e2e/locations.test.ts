import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, cli, explain, scratchWith } from './helpers.js';

afterAll(cleanup);

describe('state and backend where the config says', () => {
  it('plan, apply, state, can and access all use the configured paths', async () => {
    const dir = scratchWith({
      'settings.hcl': `
variable "db_dir" {
  default = "backend"
}
iamform {
  state "local" {
    path = "records/iam.iamstate.json"
  }
}
provider "iam" {
  path = "\${var.db_dir}/iam.db"
}
`,
      'main.hcl': `
data "iam_project" "eu_de" { name = "eu-de" }
data "iam_policy" "ecs_ro" { name = "ECS ReadOnlyAccess" }
resource "iam_user" "alice" {
  name        = "alice"
  access_mode = "console"
}
resource "iam_policy_attachment" "alice_ro" {
  user    = iam_user.alice.id
  policy  = data.iam_policy.ecs_ro.id
  project = data.iam_project.eu_de.id
}
`,
    });
    const apply = await cli(dir, 'apply', '--auto-approve');
    expect(apply.code, explain(apply)).toBe(0);
    expect(existsSync(join(dir, 'records', 'iam.iamstate.json'))).toBe(true);
    expect(existsSync(join(dir, 'backend', 'iam.db'))).toBe(true);
    expect(existsSync(join(dir, 'state'))).toBe(false);
    expect(existsSync(join(dir, '.iamform', 'iam.db'))).toBe(false);
    const list = await cli(dir, 'state', 'list');
    expect(list.stdout.trim().split('\n')).toEqual(['iam_policy_attachment.alice_ro', 'iam_user.alice']);
    const can = await cli(dir, 'can', 'alice', 'ecs:servers:list', '--project', 'eu-de');
    expect(can.code, explain(can)).toBe(0);
    const access = await cli(dir, 'access', 'alice');
    expect(access.code, explain(access)).toBe(0);
    expect(access.stdout).toContain('ECS ReadOnlyAccess');
    const plan = await cli(dir, 'plan', '--detailed-exitcode');
    expect(plan.code, explain(plan)).toBe(0);
  });
});
