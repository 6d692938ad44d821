import type { ProjectKind } from './types.js';

/**
 * The projects every account has from the start. Region projects are named after their
 * region; `MOS` is OBS's built-in project, not a region, so it has no sub-projects.
 */
export const builtinProjects: readonly { readonly name: string; readonly kind: Exclude<ProjectKind, 'sub_project'>; readonly description: string }[] = [
  { name: 'eu-de', kind: 'region', description: 'Region Germany (Frankfurt/Magdeburg)' },
  { name: 'eu-nl', kind: 'region', description: 'Region Netherlands (Amsterdam)' },
  { name: 'MOS', kind: 'special', description: 'OBS built-in project' },
];

export const regionNames: readonly string[] = builtinProjects.filter((p) => p.kind === 'region').map((p) => p.name);

/** The enterprise project every account has; resources without one belong to it. */
export const defaultEnterpriseProject = { id: '0', name: 'default', description: 'Default enterprise project' } as const;

/** `eu-de_team` → `eu-de`; undefined when the name has no known region prefix. */
export function regionOfSubProject(name: string): string | undefined {
  const underscore = name.indexOf('_');
  if (underscore <= 0) return undefined;
  const region = name.slice(0, underscore);
  return regionNames.includes(region) ? region : undefined;
}
