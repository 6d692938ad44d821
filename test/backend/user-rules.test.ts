import { describe, expect, it } from 'vitest';
import { checkUserDraft, type UserDraft } from '../../src/backend/rules/user-rules.js';
import { checkPasswordStrength } from '../../src/backend/rules/password-policy.js';

const base: UserDraft = {
  name: 'alice',
  displayName: 'Alice',
  description: '',
  email: null,
  phone: null,
  accessMode: 'both',
  loginProtection: 'none',
  receiveNotifications: false,
  passwordSet: false,
};

const phone = { countryCode: '+49', number: '1701234567' };

describe('user attribute rules', () => {
  it.each<[string, Partial<UserDraft>, string | undefined, string | undefined]>([
    ['a plain user', {}, undefined, undefined],
    ['a name with space, dot, dash, underscore', { name: 'Ann B._-x' }, undefined, undefined],
    ['a name starting with a digit', { name: '1alice' }, 'IAM.1101', 'name'],
    ['a name starting with a space', { name: ' alice' }, 'IAM.1101', 'name'],
    ['an empty name', { name: '' }, 'IAM.1101', 'name'],
    ['a 65-character name', { name: 'a'.repeat(65) }, 'IAM.1101', 'name'],
    ['a name with @', { name: 'al@ce' }, 'IAM.1101', 'name'],
    ['a 64-character name', { name: 'a'.repeat(64) }, undefined, undefined],
    ['a 65-character display name', { displayName: 'x'.repeat(65) }, 'IAM.0073', 'display_name'],
    ['a 256-character description', { description: 'x'.repeat(256) }, 'IAM.1117', 'description'],
    ['a valid email', { email: 'alice@example.com' }, undefined, undefined],
    ['an email without @', { email: 'alice.example.com' }, 'IAM.1102', 'email'],
    ['an email without a dot in the domain', { email: 'alice@example' }, 'IAM.1102', 'email'],
    ['an email over 255 characters', { email: `${'a'.repeat(250)}@example.com` }, 'IAM.1102', 'email'],
    ['a phone', { phone }, undefined, undefined],
    ['a phone with 0049', { phone: { countryCode: '0049', number: '1701234567' } }, undefined, undefined],
    ['a phone number without country code', { phone: { countryCode: '', number: '1701234567' } }, 'IAM.1106', 'phone.country_code'],
    ['a country code without number', { phone: { countryCode: '+49', number: '' } }, 'IAM.1106', 'phone.number'],
    ['a phone number with letters', { phone: { countryCode: '+49', number: '170ABC' } }, 'IAM.1104', 'phone.number'],
    ['a 33-digit phone number', { phone: { countryCode: '+49', number: '1'.repeat(33) } }, 'IAM.1104', 'phone.number'],
    ['a country code with letters', { phone: { countryCode: '+D', number: '1701234567' } }, 'IAM.1104', 'phone.country_code'],
    ['access mode console', { accessMode: 'console' }, undefined, undefined],
    ['access mode programmatic', { accessMode: 'programmatic' }, undefined, undefined],
    ['an unknown access mode', { accessMode: 'default' as never }, 'IAM.1120', 'access_mode'],
    ['a password with programmatic access', { accessMode: 'programmatic', passwordSet: true }, 'IAM.0073', 'password'],
    ['a password with console access', { accessMode: 'console', passwordSet: true }, undefined, undefined],
    ['sms protection with a phone', { loginProtection: 'sms', phone }, undefined, undefined],
    ['sms protection without a phone', { loginProtection: 'sms' }, 'IAM.0073', 'login_protection'],
    ['email protection with an email', { loginProtection: 'email', email: 'a@example.com' }, undefined, undefined],
    ['email protection without an email', { loginProtection: 'email' }, 'IAM.0073', 'login_protection'],
    ['vmfa protection', { loginProtection: 'vmfa' }, undefined, undefined],
    ['vmfa protection for a programmatic user', { loginProtection: 'vmfa', accessMode: 'programmatic' }, 'IAM.0073', 'login_protection'],
    ['sms protection for a programmatic user', { loginProtection: 'sms', phone, accessMode: 'programmatic' }, 'IAM.0073', 'login_protection'],
    ['an unknown login protection', { loginProtection: 'otp' as never }, 'IAM.0073', 'login_protection'],
    ['notifications with email and phone', { receiveNotifications: true, email: 'a@example.com', phone }, undefined, undefined],
    ['notifications without phone', { receiveNotifications: true, email: 'a@example.com' }, 'IAM.0073', 'receive_notifications'],
    ['notifications without email', { receiveNotifications: true, phone }, 'IAM.0073', 'receive_notifications'],
  ])('%s', (_name, change, code, field) => {
    const error = checkUserDraft({ ...base, ...change });
    expect(error?.code).toBe(code);
    expect(error?.field).toBe(field);
    if (error) expect(error.message).toContain(field?.split('.')[0] === 'name' ? 'name' : (field ?? ''));
  });
});

describe('password policy', () => {
  it.each<[string, string, boolean]>([
    ['Secret12', 'alice', true],
    ['abc123', 'alice', true],
    ['abc12', 'alice', false],
    ['a'.repeat(20) + '1', 'alice', true],
    ['Aa1'.repeat(11), 'alice', false],
    ['lowercaseonly', 'alice', false],
    ['12345678', 'alice', false],
    ['!!!!aaaa', 'alice', true],
    ['Alice1', 'alice1', false],
    ['1ecila', 'alice1', false],
    ['Pässword1', 'alice', false],
  ])('%j for %s is acceptable: %s', (password, user, acceptable) => {
    const error = checkPasswordStrength(password, user);
    expect(error === undefined).toBe(acceptable);
    if (error) {
      expect(error.code).toBe('IAM.1118');
      expect(error.field).toBe('password');
    }
  });
});
