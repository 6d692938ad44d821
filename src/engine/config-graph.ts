import { formatAddress, resourceOf } from '../addr/index.js';
import type { Diagnostic, SourceRange } from '../diag/index.js';
import { referencesIn, referencesInBody, type Config, type Reference } from '../config/index.js';
import { buildResourceGraph, type NodeReference, type ResourceGraph, type ResourceNodeInput } from '../graph/index.js';

/**
 * The resource-level dependency graph of a config, as `iamform graph` shows it: one node per
 * resource or data block, an edge for every reference (directly, or through locals) and every
 * `depends_on` entry. Built from the syntax alone: no evaluation, no backend.
 */
export function configGraph(config: Config): ResourceGraph<ResourceNodeInput> & { diagnostics: Diagnostic[] } {
  const refs = resourceReferences(config);
  const nodes: ResourceNodeInput[] = config.resources.map((decl) => ({
    key: formatAddress(decl.address),
    address: decl.address,
    references: refs(referencesInBody(decl.block.body)),
    dependsOn: [],
    range: decl.declRange,
  }));
  return buildResourceGraph(nodes);
}

/**
 * The resources (formatted, without instance keys) that references name, directly or through
 * locals; the returned function remembers what each local refers to.
 */
export function resourceReferences(config: Config): (references: readonly Reference[]) => NodeReference[] {
  const localRefs = new Map<string, NodeReference[]>();
  const resolving = new Set<string>();
  const throughLocal = (name: string, range: SourceRange): NodeReference[] => {
    const known = localRefs.get(name);
    if (known) return known.map((r) => ({ key: r.key, range }));
    const decl = config.locals.get(name);
    if (decl === undefined || resolving.has(name)) return [];
    resolving.add(name);
    const found = nodeRefs(referencesIn(decl.expr));
    resolving.delete(name);
    localRefs.set(name, found);
    return found.map((r) => ({ key: r.key, range }));
  };
  const nodeRefs = (references: readonly Reference[]): NodeReference[] => {
    const out: NodeReference[] = [];
    for (const ref of references) {
      if (ref.kind === 'resource') out.push({ key: formatAddress(resourceOf(ref.address)), range: ref.range });
      else if (ref.kind === 'local') out.push(...throughLocal(ref.name, ref.range));
    }
    return out;
  };
  return nodeRefs;
}
