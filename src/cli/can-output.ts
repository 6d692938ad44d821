import type { CanAnswer } from '../backend/index.js';
import { scopeLabel, type DependencyProblem, type GrantVia, type MatchedStatement, type NearMiss, type RequestScope, type Scope } from '../backend/policy/index.js';

/** Text and JSON renderings of a `can` answer. */

/** `project eu-de`, `all projects`, `global services`, `enterprise project finance`. */
export function scopeText(scope: Scope | RequestScope): string {
  return scope.kind === 'project' ? `project ${scope.projectName}` : scopeLabel(scope);
}

export function viaText(via: GrantVia): string {
  return via.kind === 'group' ? `group ${via.groupName}` : 'attached to the user directly';
}

function statementLines(m: MatchedStatement | NearMiss, why?: string): string[] {
  const alias = m.throughAlias === undefined ? '' : ` (through alias ${m.throughAlias})`;
  const head = `  ${m.effect.padEnd(5)} "${m.policy.name}" Statement[${m.statementIndex}]: ${m.pattern}${alias}`;
  const lines = [head, `        attachment ${m.attachmentId}, ${viaText(m.via)}, scope ${scopeText(m.scope)}`];
  if (m.statement.Condition !== undefined) lines.push(`        condition ${JSON.stringify(m.statement.Condition)}`);
  if (why !== undefined) lines.push(`        not applied: ${why}`);
  return lines;
}

const nearMissWords: Record<NearMiss['why'], string> = {
  scope: 'granted in another scope',
  condition: 'its condition does not hold for this request',
  enterprise_project_action: 'the action cannot be authorized through an enterprise project',
  enterprise_project_version: 'only Version 1.1 policies apply in enterprise projects',
};

export function dependencyLines(problems: readonly DependencyProblem[]): string[] {
  return problems.map((p) => `Warning: ${p.message} (attachment ${p.attachmentId}, ${viaText(p.via)})`);
}

export function canText(answer: CanAnswer, explain: boolean): string {
  const { decision } = answer;
  const verdict = decision.decision === 'allow' ? 'allow' : decision.explicit ? 'deny (explicit)' : 'deny';
  const lines = [`${verdict}: ${answer.user.name} ${decision.decision === 'allow' ? 'may' : 'may not'} ${answer.action} in ${scopeText(answer.scope)}`];
  if (explain || decision.decision === 'deny') {
    lines.push(`  ${decision.reason}`);
    if (decision.matched.length > 0) {
      lines.push('', 'Matching statements:');
      for (const m of decision.matched) lines.push(...statementLines(m));
    }
    if (decision.nearMisses.length > 0) {
      lines.push('', 'Statements that name the action but do not apply here:');
      for (const m of decision.nearMisses) lines.push(...statementLines(m, nearMissWords[m.why]));
    }
  }
  const warnings = dependencyLines(answer.dependencyProblems);
  if (warnings.length > 0) lines.push('', ...warnings);
  return lines.join('\n') + '\n';
}

export function viaJson(via: GrantVia): Record<string, string> {
  return via.kind === 'group' ? { kind: 'group', group_id: via.groupId, group_name: via.groupName } : { kind: 'user' };
}

export function scopeJson(scope: Scope | RequestScope): Record<string, string> {
  switch (scope.kind) {
    case 'project':
      return { kind: 'project', project_id: scope.projectId, project_name: scope.projectName };
    case 'enterprise_project':
      return { kind: 'enterprise_project', enterprise_project_id: scope.enterpriseProjectId, name: scope.name };
    case 'all_projects':
    case 'global':
      return { kind: scope.kind };
    default: {
      const unknown: never = scope;
      return { kind: String(unknown) };
    }
  }
}

function statementJson(m: MatchedStatement | NearMiss): Record<string, unknown> {
  return {
    policy: { id: m.policy.id, name: m.policy.name },
    statement: { index: m.statementIndex, effect: m.effect, pattern: m.pattern, ...(m.throughAlias === undefined ? {} : { through_alias: m.throughAlias }), ...m.statement },
    via: viaJson(m.via),
    attachment_id: m.attachmentId,
    grant_scope: scopeJson(m.scope),
    ...('why' in m ? { why: m.why } : {}),
  };
}

/** The `can --json` document of cli.md, with added fields (never fewer). */
export function canJson(answer: CanAnswer): string {
  const { decision } = answer;
  return (
    JSON.stringify(
      {
        decision: decision.decision,
        explicit: decision.explicit,
        matched: decision.matched.map(statementJson),
        scope: scopeJson(answer.scope),
        user: { id: answer.user.id, name: answer.user.name },
        action: answer.action,
        reason: decision.reason,
        near_misses: decision.nearMisses.map(statementJson),
        dependency_problems: answer.dependencyProblems.map((p) => ({
          policy: p.policy,
          attachment_id: p.attachmentId,
          via: viaJson(p.via),
          scope: scopeJson(p.scope),
          missing: p.missing,
          message: p.message,
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
