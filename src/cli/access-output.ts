import type { UserAccess } from '../backend/index.js';
import type { AccessSource, ActionAccess } from '../backend/policy/index.js';
import { dependencyLines, scopeJson, scopeText, viaJson, viaText } from './can-output.js';

/** Text and JSON renderings of `access`: per user, per granted scope, the actions and their sources. */

function sourceText(s: AccessSource): string {
  return `"${s.policy.name}" (${s.pattern}${s.conditional ? ', conditional' : ''}) ${viaText(s.via)}`;
}

function actionLines(title: string, actions: readonly ActionAccess[]): string[] {
  if (actions.length === 0) return [];
  const width = Math.min(48, Math.max(...actions.map((a) => a.action.length)));
  return [`    ${title} (${actions.length}):`, ...actions.map((a) => `      ${a.action.padEnd(width)}  ${a.sources.map(sourceText).join('; ')}`)];
}

export function accessText(users: readonly UserAccess[]): string {
  const lines: string[] = [];
  for (const entry of users) {
    if (lines.length > 0) lines.push('');
    lines.push(`${entry.user.name} (${entry.user.id})${entry.user.enabled ? '' : ' — disabled'}`);
    if (entry.scopes.length === 0) lines.push('  no permissions: no policy is attached to the user or any of their groups');
    for (const scope of entry.scopes) {
      lines.push(`  ${scopeText(scope.scope)}`);
      lines.push(...actionLines('allowed', scope.allowed), ...actionLines('denied', scope.denied));
      if (scope.allowed.length === 0 && scope.denied.length === 0) lines.push('    no catalog action');
    }
    lines.push(...dependencyLines(entry.dependencyProblems).map((l) => `  ${l}`));
  }
  return lines.join('\n') + '\n';
}

function actionsJson(actions: readonly ActionAccess[]): unknown[] {
  return actions.map((a) => ({
    action: a.action,
    sources: a.sources.map((s) => ({
      policy: s.policy,
      statement: s.statementIndex,
      pattern: s.pattern,
      via: viaJson(s.via),
      attachment_id: s.attachmentId,
      conditional: s.conditional,
    })),
  }));
}

export function accessJson(users: readonly UserAccess[]): string {
  return (
    JSON.stringify(
      {
        users: users.map((entry) => ({
          user: { id: entry.user.id, name: entry.user.name, enabled: entry.user.enabled },
          scopes: entry.scopes.map((s) => ({ scope: scopeJson(s.scope), allowed: actionsJson(s.allowed), denied: actionsJson(s.denied) })),
          dependency_problems: entry.dependencyProblems.map((p) => ({ policy: p.policy, attachment_id: p.attachmentId, missing: p.missing, message: p.message })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
