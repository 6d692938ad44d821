import { addressContains, formatAddress, resourceOf, type ResourceAddress } from '../addr/index.js';
import { warningDiag, type Diagnostic } from '../diag/index.js';
import { referencesIn, referencesInBody, type Config } from '../config/index.js';
import { Graph, transitiveDependencies } from '../graph/index.js';

/**
 * `--target`: which instances a plan may change. Decided before evaluation, on the resource
 * graph of the config (references and `depends_on` of every block), so that the evaluator's
 * hook can leave untargeted instances at their prior values. A resource target selects all
 * its instances, an instance target that instance; either brings along every resource it
 * depends on, transitively.
 */
export type TargetFilter = (address: ResourceAddress) => boolean;

export function resourceGraphOf(config: Config): Graph<ResourceAddress> {
  const graph = new Graph<ResourceAddress>();
  for (const decl of config.resources) graph.addNode(formatAddress(decl.address), decl.address);
  for (const decl of config.resources) {
    const from = formatAddress(decl.address);
    const refs = referencesInBody(decl.block.body);
    if (decl.dependsOn !== undefined) referencesIn(decl.dependsOn.expr, new Set(), refs);
    for (const ref of refs) {
      if (ref.kind !== 'resource') continue;
      const to = formatAddress(resourceOf(ref.address));
      if (graph.hasNode(to) && to !== from) graph.addEdge(from, to);
    }
  }
  return graph;
}

const targetingDetail =
  'The plan was made with the --target option, so it may not show every change the configuration asks for. ' +
  'Targeting is for exceptional situations, such as recovering from errors or mistakes, not for routine use; ' +
  'run plan again without --target to see the whole picture.';

/** The filter for `targets`, or undefined when nothing is targeted (everything is in scope). */
export function targetFilter(config: Config, targets: readonly ResourceAddress[], diags: Diagnostic[]): TargetFilter | undefined {
  if (targets.length === 0) return undefined;
  diags.push(warningDiag('plan.targeting', 'Resource targeting is in effect', { detail: targetingDetail }));
  const graph = resourceGraphOf(config);
  const whole = new Set<string>();
  for (const target of targets) {
    const head = formatAddress(resourceOf(target));
    for (const dep of transitiveDependencies(graph, [head])) if (dep !== head || target.key === undefined) whole.add(dep);
  }
  return (address) => whole.has(formatAddress(resourceOf(address))) || targets.some((t) => addressContains(t, address));
}

/** Warns about targets that select no instance of the config or state. */
export function reportUnmatchedTargets(targets: readonly ResourceAddress[], known: Iterable<ResourceAddress>, diags: Diagnostic[]): void {
  if (targets.length === 0) return;
  const matched = new Set<number>();
  for (const address of known) targets.forEach((t, i) => (addressContains(t, address) ? matched.add(i) : undefined));
  targets.forEach((t, i) => {
    if (!matched.has(i)) diags.push(warningDiag('plan.target-unmatched', 'Target matches nothing', { detail: `No resource instance in the configuration or state matches --target ${formatAddress(t)}.` }));
  });
}
