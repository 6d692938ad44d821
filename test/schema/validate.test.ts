import { describe, expect, it } from 'vitest';
import { check, summarize } from './helpers.js';

type Row = [string, string, string, [string, string, string][]];

const user = (extra: string): string => `  name = "alice"\n  access_mode = "console"\n${extra}`;
const attachment = (extra: string): string => `  policy = "p1"\n${extra}`;

/** [case, type, body, expected [code, severity, text at the range]] — managed resources. */
const cases: Row[] = [
  ['a valid user', 'iam_user', user('  email = "a@example.com"'), []],
  ['user without access_mode warns', 'iam_user', '  name = "alice"', [['schema.access-mode-unset', 'warning', 'resource "iam_user" "x" {']]],
  ['user without name', 'iam_user', '  access_mode = "console"', [['schema.missing-attribute', 'error', 'resource "iam_user" "x" {']]],
  ['unknown attribute with suggestion', 'iam_user', user('  emial = "a@example.com"'), [['config.unsupported-argument', 'error', 'emial']]],
  ['read-only attribute', 'iam_user', user('  id = "x"'), [['config.unsupported-argument', 'error', 'id']]],
  ['access_mode enum', 'iam_user', '  name = "alice"\n  access_mode = "web"', [['schema.invalid-value', 'error', '"web"']]],
  ['login_protection enum', 'iam_user', user('  login_protection = "otp"'), [['schema.invalid-value', 'error', '"otp"']]],
  ['invalid user name', 'iam_user', '  name = "1alice"\n  access_mode = "both"', [['schema.invalid-name', 'error', '"1alice"']]],
  ['phone without number', 'iam_user', user('  phone {\n    country_code = "+49"\n  }'), [['schema.phone-incomplete', 'error', '"+49"']]],
  ['phone without country code', 'iam_user', user('  phone {\n    number = "1701234567"\n  }'), [['schema.phone-incomplete', 'error', '"1701234567"']]],
  ['complete phone', 'iam_user', user('  phone {\n    country_code = "+49"\n    number = "1701234567"\n  }'), []],
  ['two phone blocks', 'iam_user', user('  phone {\n    country_code = "+49"\n    number = "1"\n  }\n  phone {\n    country_code = "+31"\n    number = "2"\n  }'), [['schema.too-many-blocks', 'error', '"+31"']]],
  ['unknown attribute in phone', 'iam_user', user('  phone {\n    country_code = "+49"\n    nubmer = "1"\n  }'), [['config.unsupported-argument', 'error', 'nubmer'], ['schema.phone-incomplete', 'error', '"+49"']]],
  ['sms protection without phone', 'iam_user', user('  login_protection = "sms"'), [['schema.login-protection-needs-phone', 'error', '"sms"']]],
  ['sms protection with phone', 'iam_user', user('  login_protection = "sms"\n  phone {\n    country_code = "+49"\n    number = "1"\n  }'), []],
  ['email protection without email', 'iam_user', user('  login_protection = "email"'), [['schema.login-protection-needs-email', 'error', '"email"']]],
  ['vmfa protection alone', 'iam_user', user('  login_protection = "vmfa"'), []],
  ['notifications without contact', 'iam_user', user('  receive_notifications = true\n  email = "a@example.com"'), [['schema.notifications-need-contact', 'error', 'true']]],
  ['password of a programmatic user', 'iam_user', '  name = "bot"\n  access_mode = "programmatic"\n  password = "S3cret!pass"', [['schema.password-needs-console', 'error', '"S3cret!pass"']]],
  ['wrong type', 'iam_user', user('  enabled = "maybe"'), [['config.incorrect-attribute-type', 'error', '"maybe"']]],
  ['unknown values are accepted', 'iam_user', '  name = iam_group.other.id\n  access_mode = iam_group.other.id\n  login_protection = iam_group.other.id\n  email = iam_group.other.id', []],
  ['unknown email satisfies email protection', 'iam_user', user('  login_protection = "email"\n  email = iam_group.other.id'), []],
  ['unknown phone number satisfies sms protection', 'iam_user', user('  login_protection = "sms"\n  phone {\n    country_code = "+49"\n    number = iam_group.other.id\n  }'), []],
  ['project name with a region', 'iam_project', '  name = "eu-de_payments"', []],
  ['project name without a region', 'iam_project', '  name = "payments"', [['schema.project-name', 'error', '"payments"']]],
  ['project name of an unknown region', 'iam_project', '  name = "us-east_payments"', [['schema.project-name', 'error', '"us-east_payments"']]],
  ['project name with a bad suffix', 'iam_project', '  name = "eu-de_pay ments"', [['schema.project-name', 'error', '"eu-de_pay ments"']]],
  ['unknown project name', 'iam_project', '  name = iam_group.other.id', []],
  ['blank group name', 'iam_group', '  name = "  "', [['schema.invalid-name', 'error', '"  "']]],
  ['group description too long', 'iam_group', `  name = "g"\n  description = "${'d'.repeat(256)}"`, [['schema.too-long', 'error', `"${'d'.repeat(256)}"`]]],
  ['membership', 'iam_group_membership', '  group = iam_group.other.id\n  users = ["u1", "u2"]', []],
  ['membership without users', 'iam_group_membership', '  group = iam_group.other.id', [['schema.missing-attribute', 'error', 'resource "iam_group_membership" "x" {']]],
  ['attachment to a group at a project', 'iam_policy_attachment', attachment('  group = "g"\n  project = "p"'), []],
  ['attachment to group and user', 'iam_policy_attachment', attachment('  group = "g"\n  user = "u"\n  global = true'), [['schema.attachment-principal', 'error', '"u"']]],
  ['attachment without principal', 'iam_policy_attachment', attachment('  global = true'), [['schema.attachment-principal', 'error', 'resource "iam_policy_attachment" "x" {']]],
  ['attachment without scope', 'iam_policy_attachment', attachment('  group = "g"'), [['schema.attachment-scope', 'error', 'resource "iam_policy_attachment" "x" {']]],
  ['attachment with global = false only', 'iam_policy_attachment', attachment('  group = "g"\n  global = false'), [['schema.attachment-scope', 'error', 'resource "iam_policy_attachment" "x" {']]],
  ['attachment with two scopes', 'iam_policy_attachment', attachment('  group = "g"\n  project = "p"\n  all_projects = true'), [['schema.attachment-scope', 'error', 'true']]],
  ['attachment with unknown scope flag', 'iam_policy_attachment', attachment('  group = "g"\n  global = iam_group.other.id == "x"'), []],
  ['attachment with unknown principal', 'iam_policy_attachment', attachment('  user = iam_group.other.id\n  enterprise_project = "e"'), []],
  ['policy as an object', 'iam_policy', '  name = "deny"\n  description = "d"\n  policy = { Version = "1.1", Statement = [{ Effect = "Deny", Action = ["ecs:*:*"] }] }', []],
  ['policy as JSON text', 'iam_policy', '  name = "deny"\n  description = "d"\n  scope = "global"\n  policy = jsonencode({ Version = "1.1", Statement = [{ Effect = "Allow", Action = ["iam:users:listUsers"] }] })', []],
  ['policy with a bad scope', 'iam_policy', '  name = "p"\n  description = "d"\n  scope = "domain"\n  policy = { Version = "1.1", Statement = [{ Effect = "Allow", Action = ["a:b:c"] }] }', [['schema.invalid-value', 'error', '"domain"']]],
  ['policy text that is not JSON', 'iam_policy', '  name = "p"\n  description = "d"\n  policy = "{ nope"', [['schema.invalid-policy', 'error', '"{ nope"']]],
  ['policy of version 1.0', 'iam_policy', '  name = "p"\n  description = "d"\n  policy = { Version = "1.0", Statement = [{ Effect = "Allow", Action = ["a:b:c"] }] }', [['schema.invalid-policy', 'error', '{ Version = "1.0", Statement = [{ Effect = "Allow", Action = ["a:b:c"] }] }']]],
  ['policy with nine statements', 'iam_policy', `  name = "p"\n  description = "d"\n  policy = { Version = "1.1", Statement = [for i in range(9) : { Effect = "Allow", Action = ["a:b:c"] }] }`, [['schema.invalid-policy', 'error', '{ Version = "1.1", Statement = [for i in range(9) : { Effect = "Allow", Action = ["a:b:c"] }] }']]],
  ['policy with a bad effect', 'iam_policy', '  name = "p"\n  description = "d"\n  policy = { Version = "1.1", Statement = [{ Effect = "Permit", Action = ["a:b:c"] }] }', [['schema.invalid-policy', 'error', '{ Version = "1.1", Statement = [{ Effect = "Permit", Action = ["a:b:c"] }] }']]],
  ['policy with a blank description', 'iam_policy', '  name = "p"\n  description = " "\n  policy = { Version = "1.1", Statement = [{ Effect = "Allow", Action = ["a:b:c"] }] }', [['schema.empty-description', 'error', '" "']]],
  ['policy with unknown document', 'iam_policy', '  name = "p"\n  description = "d"\n  policy = { Version = "1.1", Statement = [{ Effect = "Allow", Action = [iam_group.other.id] }] }', []],
  ['access key', 'iam_access_key', '  user = iam_group.other.id\n  status = "inactive"', []],
  ['access key status enum', 'iam_access_key', '  user = "u"\n  status = "disabled"', [['schema.invalid-value', 'error', '"disabled"']]],
  ['access key secret is read-only', 'iam_access_key', '  user = "u"\n  secret = "s"', [['config.unsupported-argument', 'error', 'secret']]],
  ['enterprise project', 'iam_enterprise_project', '  name = "finance"\n  enabled = false', []],
];

describe('validateInstance through the config evaluator', () => {
  it.each(cases)('%s', (_, type, body, expected) => {
    expect(summarize(check(type, body))).toEqual(expected);
  });
});

describe('data sources', () => {
  const dataCases: Row[] = [
    ['policy by display name', 'iam_policy', '  name = "ECS ReadOnlyAccess"', []],
    ['project by name', 'iam_project', '  name = "eu-de"', []],
    ['user without name', 'iam_user', '', [['schema.missing-attribute', 'error', 'data "iam_user" "x" {']]],
    ['group with a computed attribute', 'iam_group', '  name = "ops"\n  description = "x"', [['config.unsupported-argument', 'error', 'description']]],
  ];
  it.each(dataCases)('%s', (_, type, body, expected) => {
    expect(summarize(check(type, body, 'data'))).toEqual(expected);
  });
});
