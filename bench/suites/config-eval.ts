import { loadConfig, type ConfigReader } from '../../src/config/index.js';
import type { BenchSuite, Figure } from '../harness.js';
import { cpuMedianMs, mb, measure, ms } from '../harness.js';

/**
 * The config evaluator at scale: a variables file with a map of 10,000 users and a config
 * that expands `resource "iam_user" "team"` over it with `for_each`, plus locals, templates,
 * a `for` expression over the whole map and a dynamic block. Reports the median time of
 * parse + evaluate + expand (one `loadConfig`) on in-memory files.
 */
const USERS = 10_000;

function generate(): Record<string, string> {
  const lines: string[] = ['users = {'];
  for (let i = 0; i < USERS; i++) {
    const name = `user${String(i).padStart(5, '0')}`;
    lines.push(`  ${name} = { email = "${name}@example.com", team = "team${i % 50}", admin = ${i % 97 === 0} }`);
  }
  lines.push('}');
  const main = `variable "users" {
  type = map(object({ email = string, team = string, admin = optional(bool, false), phone = optional(string) }))
}

locals {
  domain  = "acme"
  prefix  = "\${local.domain}-"
  admins  = [for name, u in var.users : name if u.admin]
  teams   = distinct([for u in values(var.users) : u.team])
  by_team = { for name, u in var.users : u.team => name... }
}

resource "iam_group" "team" {
  for_each    = toset(local.teams)
  name        = "\${local.prefix}\${each.key}"
  description = "Members of \${each.key}: \${length(local.by_team[each.key])}"
}

resource "iam_user" "team" {
  for_each     = var.users
  name         = each.key
  display_name = "\${title(each.key)} (\${each.value.team})"
  email        = lower(each.value.email)
  access_mode  = each.value.admin ? "both" : "console"
  description  = <<-EOT
    Managed by iamform for %{ if each.value.admin }admins%{ else }\${each.value.team}%{ endif }.
    EOT
  dynamic "phone" {
    for_each = each.value.phone == null ? [] : [each.value.phone]
    content {
      country_code = "+49"
      number       = phone.value
    }
  }
}

resource "iam_group_membership" "team" {
  for_each = local.by_team
  group    = iam_group.team[each.key].id
  users    = [for name in each.value : iam_user.team[name].id]
}

output "admin_count" { value = length(local.admins) }
`;
  return { 'main.hcl': main, 'users.auto.iamvars': lines.join('\n') + '\n' };
}

function reader(files: Record<string, string>): ConfigReader {
  return {
    listFiles: () => Object.keys(files),
    readFile: (path) => (Object.hasOwn(files, path) ? { text: files[path] as string } : { error: 'no such file' }),
    fileExists: (path) => Object.hasOwn(files, path),
  };
}

export const configEvalSuite: BenchSuite = {
  name: 'config-eval',
  async run(): Promise<Figure[]> {
    const files = generate();
    const bytes = Object.values(files).reduce((n, text) => n + Buffer.byteLength(text), 0);
    let instances = 0;
    let errors = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    const timing = await measure(
      () => {
        const result = loadConfig({ reader: reader(files) });
        instances = result.evaluated.instances.length;
        errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      },
      { runs: 5, warmup: 1 },
    );
    const cpu = cpuMedianMs(() => loadConfig({ reader: reader(files) }), 3);
    return [
      { name: 'config size', value: `${mb(bytes)} (${USERS} users in a variables file)` },
      { name: 'instances expanded', value: `${instances} (${errors} errors)`, ok: errors === 0 && instances === USERS + 50 * 2 },
      { name: 'parse + evaluate + expand (median)', value: `${ms(timing.medianMs)} (min ${ms(timing.minMs)}, max ${ms(timing.maxMs)}, ${timing.runs} runs)`, target: '< 1 s', ok: timing.medianMs < 1000 },
      { name: 'CPU time of one run (median of 3; unaffected by other load)', value: ms(cpu) },
      { name: 'heap growth over the runs', value: mb(Math.max(0, process.memoryUsage().heapUsed - heapBefore)) },
    ];
  },
};
