/**
 * Decisions: collect the statements that name the action and apply to the request's scope and
 * context; any Deny among them denies (explicitly), else any Allow allows, else the default deny.
 * Every decision names the statements behind it; a default deny also lists near misses —
 * statements that name the action but apply elsewhere or whose conditions did not hold.
 */
import { canonicalAction, serviceOf } from './action-pattern.js';
import { levelOfKey } from './catalog-index.js';
import { internal, matchInfoFor, statementsFor, type CompiledStatement } from './compile.js';
import { conditionsHold } from './conditions.js';
import { applicability, scopeLabel } from './scope.js';
import type { CompiledGrants, Decision, DecisionRequest, MatchedStatement, NearMiss, NearMissReason, RequestScope } from './types.js';

/** Deny overrides allow; default deny. */
export function decide(request: DecisionRequest, compiled: CompiledGrants): Decision {
  const c = internal(compiled);
  const key = canonicalAction(request.action);
  if (key === undefined) {
    return { decision: 'deny', explicit: false, matched: [], nearMisses: [], reason: `"${request.action}" is not an action name (service:resourceType:operation)` };
  }
  const catalogAction = c.index.byKey.get(key);
  const level = levelOfKey(c.index, key);
  const enterpriseProjectCapable = catalogAction?.enterpriseProject ?? false;
  const candidates = statementsFor(c, key);

  let denies: CompiledStatement[] | undefined;
  let allows: CompiledStatement[] | undefined;
  for (const candidate of candidates) {
    const { grant, plan } = candidate;
    if (applicability(grant.scope, grant.policy.version, request.scope, level, enterpriseProjectCapable) !== undefined) continue;
    if (plan.conditions && !conditionsHold(plan.conditions, request.action, request.scope, request.context)) continue;
    if (plan.effect === 'Deny') (denies ??= []).push(candidate);
    else if (denies === undefined) (allows ??= []).push(candidate);
  }

  const where = requestLabel(request.scope, level);
  if (denies) {
    const matched = denies.map((s) => matchedStatement(s, key));
    return { decision: 'deny', explicit: true, matched, nearMisses: [], reason: `${request.action} ${where} is explicitly denied by ${describe(matched[0] as MatchedStatement)}` };
  }
  if (allows) {
    const matched = allows.map((s) => matchedStatement(s, key));
    return { decision: 'allow', explicit: false, matched, nearMisses: [], reason: `${request.action} ${where} is allowed by ${describe(matched[0] as MatchedStatement)}` };
  }
  const nearMisses = collectNearMisses(candidates, key, request, level, enterpriseProjectCapable);
  return { decision: 'deny', explicit: false, matched: [], nearMisses, reason: defaultDenyReason(request, where, nearMisses, level) };
}

function collectNearMisses(candidates: readonly CompiledStatement[], key: string, request: DecisionRequest, level: 'project' | 'global', ep: boolean): NearMiss[] {
  const misses: NearMiss[] = [];
  for (const candidate of candidates) {
    if (candidate.plan.effect !== 'Allow') continue;
    const why: NearMissReason | undefined =
      applicability(candidate.grant.scope, candidate.grant.policy.version, request.scope, level, ep) ??
      (candidate.plan.conditions && !conditionsHold(candidate.plan.conditions, request.action, request.scope, request.context) ? 'condition' : undefined);
    if (why !== undefined) misses.push({ ...matchedStatement(candidate, key), why });
  }
  return misses;
}

function defaultDenyReason(request: DecisionRequest, where: string, misses: readonly NearMiss[], level: 'project' | 'global'): string {
  let reason = `no statement allows ${request.action} ${where}`;
  if (level === 'project' && request.scope.kind === 'global') reason += ` (${serviceOf(request.action)} is a project-level service; ask in a project)`;
  const elsewhere = misses.filter((m) => m.why === 'scope');
  if (elsewhere.length > 0) {
    const scopes = [...new Set(elsewhere.map((m) => scopeLabel(m.scope)))];
    reason += `; it is allowed in ${scopes.join(', ')} by ${describeShort(elsewhere[0] as NearMiss)}`;
  }
  const conditional = misses.filter((m) => m.why === 'condition').length;
  if (conditional > 0) reason += `; ${conditional} matching statement${conditional === 1 ? '' : 's'} did not meet ${conditional === 1 ? 'its' : 'their'} conditions`;
  const epAction = misses.find((m) => m.why === 'enterprise_project_action');
  if (epAction) reason += `; ${request.action} cannot be authorized through enterprise projects`;
  const epVersion = misses.find((m) => m.why === 'enterprise_project_version');
  if (epVersion) reason += `; "${epVersion.policy.name}" is a Version 1.0 role, which enterprise-project grants do not carry`;
  return reason;
}

function matchedStatement({ grant, plan }: CompiledStatement, key: string): MatchedStatement {
  const info = matchInfoFor(plan, key);
  const base: MatchedStatement = {
    policy: { id: grant.policy.id, name: grant.policy.name },
    statementIndex: plan.statementIndex,
    statement: plan.statement,
    effect: plan.effect,
    pattern: info?.pattern ?? '',
    via: grant.via,
    scope: grant.scope,
    attachmentId: grant.attachmentId,
  };
  return info?.throughAlias === undefined ? base : { ...base, throughAlias: info.throughAlias };
}

/** `"ECS ReadOnlyAccess" Statement[0] (ecs:*:list*) via group dev at eu-de`. */
function describe(m: MatchedStatement): string {
  const alias = m.throughAlias === undefined ? '' : ` through alias ${m.throughAlias}`;
  return `"${m.policy.name}" Statement[${m.statementIndex}] (${m.pattern}${alias}) ${viaLabel(m)} at ${scopeLabel(m.scope)}`;
}

function describeShort(m: MatchedStatement): string {
  return `"${m.policy.name}" ${viaLabel(m)}`;
}

function viaLabel(m: MatchedStatement): string {
  return m.via.kind === 'group' ? `via group ${m.via.groupName}` : 'granted to the user directly';
}

function requestLabel(scope: RequestScope, level: 'project' | 'global'): string {
  if (level === 'global') return 'in global services';
  return `in ${scopeLabel(scope)}`;
}
