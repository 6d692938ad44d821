/**
 * Condition operators and keys of Version 1.1 policies, their validation rules and evaluation.
 *
 * Semantics (policy README): all operator blocks of a statement and all keys inside a block
 * must hold (AND); a key holds when the request value matches any listed value (OR) — for the
 * negated `StringNotEquals*` operators, when it matches none. A key absent from the request
 * makes the condition false, unless the operator carries the `IfExists` suffix, which makes it true.
 */
import type { RequestContext, RequestScope } from './types.js';

type ValueKind = 'string' | 'bool' | 'ip';

interface OperatorSpec {
  readonly kind: ValueKind;
  readonly test: (actual: string, expected: string) => boolean;
  /** Lowercase both sides before testing. */
  readonly ignoreCase: boolean;
  /** The key holds when no listed value matches. */
  readonly negated: boolean;
}

const str = (test: (a: string, e: string) => boolean, ignoreCase: boolean, negated = false): OperatorSpec => ({ kind: 'string', test, ignoreCase, negated });
const equals = (a: string, e: string) => a === e;
const startsWith = (a: string, e: string) => a.startsWith(e);
const endsWith = (a: string, e: string) => a.endsWith(e);

/** The documented operators (iam-model.md §2.2) and the IgnoreCase forms of the string ones. */
export const conditionOperators: Readonly<Record<string, OperatorSpec>> = {
  StringEquals: str(equals, false),
  StringEqualsIgnoreCase: str(equals, true),
  StringNotEquals: str(equals, false, true),
  StringNotEqualsIgnoreCase: str(equals, true, true),
  StringStartWith: str(startsWith, false),
  StringStartWithIgnoreCase: str(startsWith, true),
  StringEndWith: str(endsWith, false),
  StringEndWithIgnoreCase: str(endsWith, true),
  Bool: { kind: 'bool', test: (a, e) => a === e.toLowerCase(), ignoreCase: false, negated: false },
  IpAddress: { kind: 'ip', test: ipInCidr, ignoreCase: false, negated: false },
};

/** Global condition keys and the kind of value each carries. `g:MFAAge` is numeric and has no documented operator. */
export const globalConditionKeys: Readonly<Record<string, ValueKind | 'number'>> = {
  'g:CurrentTime': 'string',
  'g:DomainName': 'string',
  'g:MFAAge': 'number',
  'g:MFAPresent': 'bool',
  'g:ProjectName': 'string',
  'g:ServiceName': 'string',
  'g:SourceIp': 'ip',
  'g:UserId': 'string',
  'g:UserName': 'string',
};

export interface ParsedOperator {
  readonly name: string;
  readonly spec: OperatorSpec;
  readonly ifExists: boolean;
}

/** `StringEndWithIfExists` → StringEndWith + ifExists; undefined for an unknown operator. */
export function parseOperator(name: string): ParsedOperator | undefined {
  const ifExists = name.endsWith('IfExists');
  const base = ifExists ? name.slice(0, -'IfExists'.length) : name;
  const spec = Object.hasOwn(conditionOperators, base) ? conditionOperators[base] : undefined;
  return spec ? { name: base, spec, ifExists } : undefined;
}

/** Why `key` cannot be used with `operator`, or undefined when it can. Service keys (`obs:prefix`) are strings. */
export function keyProblem(operator: ParsedOperator, key: string, services: ReadonlySet<string>): string | undefined {
  let kind: ValueKind | 'number' | undefined;
  if (key.startsWith('g:')) kind = Object.hasOwn(globalConditionKeys, key) ? globalConditionKeys[key] : undefined;
  else if (/^[a-z0-9]+:[A-Za-z0-9_/-]+$/.test(key) && services.has(key.slice(0, key.indexOf(':')))) kind = 'string';
  if (kind === undefined) return `unknown condition key "${key}"`;
  if (kind !== operator.spec.kind) return `condition key "${key}" holds a ${kind} value and cannot be used with ${operator.name}`;
  return undefined;
}

/** Why `value` cannot be compared by `operator`, or undefined when it can. */
export function valueProblem(operator: ParsedOperator, value: string): string | undefined {
  if (operator.spec.kind === 'bool' && value.toLowerCase() !== 'true' && value.toLowerCase() !== 'false') return `${operator.name} takes "true" or "false", not "${value}"`;
  if (operator.spec.kind === 'ip' && parseCidr(value) === undefined) return `${operator.name} takes an IPv4 address or CIDR block, not "${value}"`;
  return undefined;
}

export interface CompiledCondition {
  readonly key: string;
  readonly operator: ParsedOperator;
  /** Expected values, lowercased for IgnoreCase operators. */
  readonly values: readonly string[];
}

/** Compiles a statement's Condition block (assumed validated; unknown operators never hold). */
export function compileConditions(condition: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>): CompiledCondition[] {
  const compiled: CompiledCondition[] = [];
  for (const [operatorName, block] of Object.entries(condition)) {
    const operator = parseOperator(operatorName) ?? { name: operatorName, spec: { kind: 'string', test: () => false, ignoreCase: false, negated: false }, ifExists: false };
    for (const [key, values] of Object.entries(block)) {
      compiled.push({ key, operator, values: operator.spec.ignoreCase ? values.map((v) => v.toLowerCase()) : [...values] });
    }
  }
  return compiled;
}

/** The request's values of a key, or undefined when the request does not carry it. */
function contextValues(key: string, action: string, scope: RequestScope, context: RequestContext | undefined): readonly string[] | undefined {
  switch (key) {
    case 'g:ProjectName':
      return scope.kind === 'project' ? [scope.projectName] : undefined;
    case 'g:ServiceName':
      return [action.slice(0, Math.max(0, action.indexOf(':')))];
    case 'g:UserName':
      return context?.userName === undefined ? undefined : [context.userName];
    case 'g:UserId':
      return context?.userId === undefined ? undefined : [context.userId];
    case 'g:DomainName':
      return context?.domainName === undefined ? undefined : [context.domainName];
    case 'g:MFAPresent':
      return context?.mfaPresent === undefined ? undefined : [String(context.mfaPresent)];
    case 'g:SourceIp':
      return context?.sourceIp === undefined ? undefined : [context.sourceIp];
    case 'g:CurrentTime':
      return context?.currentTime === undefined ? undefined : [context.currentTime.toISOString()];
    default: {
      const value = context?.attributes?.[key];
      return value === undefined ? undefined : typeof value === 'string' ? [value] : value;
    }
  }
}

/** Whether every condition holds for the request. */
export function conditionsHold(conditions: readonly CompiledCondition[], action: string, scope: RequestScope, context: RequestContext | undefined): boolean {
  for (const condition of conditions) {
    const actual = contextValues(condition.key, action, scope, context);
    if (actual === undefined || actual.length === 0) {
      if (condition.operator.ifExists) continue;
      return false;
    }
    const { spec } = condition.operator;
    let any = false;
    for (const raw of actual) {
      const value = spec.ignoreCase ? raw.toLowerCase() : raw;
      if (condition.values.some((expected) => spec.test(value, expected))) {
        any = true;
        break;
      }
    }
    if (any === spec.negated) return false;
  }
  return true;
}

/** `10.0.0.0/8` → [network, mask] as unsigned 32-bit numbers; a bare address is a /32. */
function parseCidr(text: string): readonly [number, number] | undefined {
  const [address, bitsText, extra] = text.split('/');
  if (extra !== undefined || address === undefined) return undefined;
  const ip = parseIpv4(address);
  const bits = bitsText === undefined ? 32 : /^\d{1,2}$/.test(bitsText) ? Number(bitsText) : NaN;
  if (ip === undefined || !(bits >= 0 && bits <= 32)) return undefined;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return [(ip & mask) >>> 0, mask];
}

function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

function ipInCidr(actual: string, cidr: string): boolean {
  const ip = parseIpv4(actual);
  const block = parseCidr(cidr);
  return ip !== undefined && block !== undefined && ((ip & block[1]) >>> 0) === block[0];
}
