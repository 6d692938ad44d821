import { attr, lengthRule, nameRule, schema } from './define.js';
import { error, firstBlock, knownString, presence, warning } from './rules.js';
import { isUnknown, tBool, tSet, tString, type BlockSpec, type CrossFieldRule, type PlainObject, type ResourceSchema, type RuleIssue } from './types.js';

/** Projects, enterprise projects, users, groups and memberships (language.md, "Resource types"). */

const subProjectSuffix = /^[A-Za-z0-9_-]+$/;

/** `<region>_<suffix>` with a region the backend has; the region prefix is the parent project. */
const projectNameRule: CrossFieldRule = (values, context) => {
  const name = knownString(values['name']);
  if (name === undefined) return [];
  const underscore = name.indexOf('_');
  const region = underscore > 0 ? name.slice(0, underscore) : '';
  const example = `${context.regions[0] ?? 'eu-de'}_payments`;
  if (!context.regions.includes(region)) {
    return [
      error(
        'schema.project-name',
        'Invalid project name',
        `A project name starts with an existing region (${context.regions.join(', ')}) and "_", e.g. "${example}"; got ${JSON.stringify(name)}.`,
        ['name'],
      ),
    ];
  }
  const suffix = name.slice(underscore + 1);
  if (name.length > 64 || !subProjectSuffix.test(suffix)) {
    return [error('schema.project-name', 'Invalid project name', `After "${region}_" a project name has letters, digits, "_" or "-", at most 64 characters in all; got ${JSON.stringify(name)}.`, ['name'])];
  }
  return [];
};

export const iamProject: ResourceSchema = schema(
  'iam_project',
  'managed',
  'A sub-project of a region project.',
  {
    name: attr(tString, 'Region name, "_" and a suffix, e.g. "eu-de_payments".', { required: true, forcesReplacement: true }),
    description: attr(tString, 'Free text, at most 255 characters.', { optional: true, default: '' }),
    parent_id: attr(tString, 'The id of the region project the name starts with.', { computed: true }),
    enabled: attr(tBool, 'Whether the project is enabled.', { computed: true }),
  },
  [projectNameRule, lengthRule('description', 255)],
);

/**
 * The backend has no update for enterprise projects, so a new name or description replaces
 * the object (and, through the changed id, its attachments).
 */
export const iamEnterpriseProject: ResourceSchema = schema(
  'iam_enterprise_project',
  'managed',
  'An enterprise project: a grouping of resources that policies can be attached to.',
  {
    name: attr(tString, 'Unique name, 1–64 characters.', { required: true, forcesReplacement: true }),
    description: attr(tString, 'Free text, at most 255 characters.', { optional: true, default: '', forcesReplacement: true }),
    enabled: attr(tBool, 'Whether the enterprise project is enabled.', { optional: true, default: true }),
  },
  [nameRule('name', 'enterprise project', 64), lengthRule('description', 255)],
);

const phoneBlock: BlockSpec = {
  description: 'The user\'s mobile number; both attributes or neither. Unique across the account.',
  maxItems: 1,
  attributes: new Map([
    ['country_code', attr(tString, 'Country calling code, e.g. "+49" (1–4 digits after an optional "+" or "00").', { optional: true })],
    ['number', attr(tString, 'Subscriber number, 1–32 digits.', { optional: true })],
  ]),
};

export const accessModes = ['console', 'programmatic', 'both'] as const;
export const loginProtections = ['none', 'sms', 'email', 'vmfa'] as const;

const userNamePattern = { re: /^[A-Za-z_.-][A-Za-z0-9 _.-]{0,63}$/, says: 'use letters, digits, spaces, "-", "_" and ".", and do not start with a digit or a space.' };

function phoneRule(values: PlainObject): RuleIssue[] {
  const phone = firstBlock(values['phone']);
  if (phone === undefined || phone === 'unknown') return [];
  const code = presence(phone['country_code']);
  const number = presence(phone['number']);
  if (code === 'set' && number === 'unset') {
    return [error('schema.phone-incomplete', 'Incomplete phone', 'phone.country_code is set but phone.number is not: set both or neither.', ['phone', 0, 'country_code'])];
  }
  if (number === 'set' && code === 'unset') {
    return [error('schema.phone-incomplete', 'Incomplete phone', 'phone.number is set but phone.country_code is not: set both or neither.', ['phone', 0, 'number'])];
  }
  return [];
}

/** 'set' when the phone block is present with a number, 'unknown' when it may be. */
function phonePresence(values: PlainObject): 'set' | 'unset' | 'unknown' {
  const phone = firstBlock(values['phone']);
  if (phone === undefined) return 'unset';
  if (phone === 'unknown') return 'unknown';
  const number = presence(phone['number']);
  const code = presence(phone['country_code']);
  if (number === 'set' && code === 'set') return 'set';
  return number === 'unset' || code === 'unset' ? 'unset' : 'unknown';
}

const contactRule: CrossFieldRule = (values) => {
  const issues: RuleIssue[] = [];
  const email = presence(values['email']);
  const phone = phonePresence(values);
  const method = knownString(values['login_protection']);
  if (method === 'sms' && phone === 'unset') {
    issues.push(error('schema.login-protection-needs-phone', 'Login protection needs a phone', 'login_protection = "sms" sends codes by text message: add a phone block with country_code and number.', ['login_protection']));
  }
  if (method === 'email' && email === 'unset') {
    issues.push(error('schema.login-protection-needs-email', 'Login protection needs an email', 'login_protection = "email" sends codes by email: set email.', ['login_protection']));
  }
  if (values['receive_notifications'] === true && (email === 'unset' || phone === 'unset')) {
    const missing = [email === 'unset' ? 'email' : '', phone === 'unset' ? 'phone' : ''].filter((s) => s !== '').join(' and ');
    issues.push(error('schema.notifications-need-contact', 'Notifications need email and phone', `receive_notifications = true needs both email and phone; ${missing} ${missing.includes(' and ') ? 'are' : 'is'} not set.`, ['receive_notifications']));
  }
  return issues;
};

const accessModeRule: CrossFieldRule = (values) => {
  const mode = values['access_mode'];
  if (mode === undefined || mode === null) {
    return [
      warning(
        'schema.access-mode-unset',
        'No access_mode set',
        'Without access_mode the user gets both console and programmatic access. Set access_mode = "console" for people who sign in, or "programmatic" for automation that uses access keys.',
        [],
      ),
    ];
  }
  if (isUnknown(mode) || mode !== 'programmatic') return [];
  const issues: RuleIssue[] = [];
  if (presence(values['password']) === 'set') {
    issues.push(error('schema.password-needs-console', 'Password without console access', 'A password is for console sign-in: set access_mode to "console" or "both", or remove password.', ['password']));
  }
  const method = knownString(values['login_protection']);
  if (method !== undefined && method !== 'none') {
    issues.push(error('schema.login-protection-needs-console', 'Login protection without console access', `login_protection = "${method}" protects console sign-ins: set access_mode to "console" or "both".`, ['login_protection']));
  }
  return issues;
};

export const iamUser: ResourceSchema = schema(
  'iam_user',
  'managed',
  'An IAM user: a person (console) or a program (access keys).',
  {
    name: attr(tString, 'Unique, case-insensitive; immutable after creation.', { required: true, forcesReplacement: true }),
    display_name: attr(tString, 'Shown in the console; defaults to name.', { optional: true, default: { kind: 'copy', from: 'name' } }),
    description: attr(tString, 'Free text, at most 255 characters.', { optional: true, default: '' }),
    email: attr(tString, 'Unique across the account.', { optional: true }),
    enabled: attr(tBool, 'Whether the user may sign in or use access keys.', { optional: true, default: true }),
    access_mode: attr(tString, 'Console, programmatic, or both.', { optional: true, default: 'both', enum: accessModes }),
    password: attr(tString, 'Console password: only its hash reaches the backend; never in state or plan.', { optional: true, sensitive: true, writeOnly: true }),
    password_reset_required: attr(tBool, 'Force a new password at first sign-in.', { optional: true, default: true }),
    login_protection: attr(tString, 'Second factor at console sign-in.', { optional: true, default: 'none', enum: loginProtections }),
    receive_notifications: attr(tBool, 'Send account notifications by email and text message.', { optional: true, default: false }),
  },
  [nameRule('name', 'user', 64, userNamePattern), lengthRule('display_name', 64), lengthRule('description', 255), lengthRule('email', 255), phoneRule, contactRule, accessModeRule],
  { phone: phoneBlock },
);

export const iamGroup: ResourceSchema = schema(
  'iam_group',
  'managed',
  'A user group: the recommended holder of policy attachments.',
  {
    name: attr(tString, 'Unique, 1–64 characters.', { required: true }),
    description: attr(tString, 'Free text, at most 255 characters.', { optional: true, default: '' }),
  },
  [nameRule('name', 'group', 64), lengthRule('description', 255)],
);

/** The id of a membership is its group's id: one authoritative membership per group. */
export const iamGroupMembership: ResourceSchema = schema(
  'iam_group_membership',
  'managed',
  'The authoritative list of a group\'s members: users not listed are removed.',
  {
    group: attr(tString, 'The group id.', { required: true, forcesReplacement: true }),
    users: attr(tSet(tString), 'User ids; order does not matter.', { required: true }),
  },
);
