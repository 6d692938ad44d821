import { errorDiag, type Diagnostic } from '../diag/index.js';
import type { Attribute } from '../hcl/index.js';
import { convert, formatNumber, hasMarksDeep, isWhole, mappingEntries, numberType, numberVal, objectVal, stringVal, type Value } from './value.js';

/** How one resource expands: the instance keys and what `each`/`count` are bound to in each. */
export type Expansion =
  | { readonly kind: 'single' }
  | { readonly kind: 'for_each'; readonly instances: readonly { readonly key: string; readonly each: Value }[] }
  | { readonly kind: 'count'; readonly count: number }
  /** The keys cannot be known (an error was reported, or an input is unknown). */
  | { readonly kind: 'unknown' };

function forEachError(diags: Diagnostic[], attr: Attribute, detail: string, context: string): Expansion {
  diags.push(errorDiag('config.invalid-for-each', 'Invalid for_each argument', { detail, range: attr.expr.range, context }));
  return { kind: 'unknown' };
}

/**
 * Checks a `for_each` value with Terraform's rules: a map or object (keys), or a set of
 * strings (the strings are keys and values); never a list or tuple, null, sensitive, or
 * unknown.
 */
export function expandForEach(value: Value, attr: Attribute, context: string, diags: Diagnostic[]): Expansion {
  // Keys must not be sensitive: a marked collection, or a marked set element, is refused;
  // sensitive map values are fine (each.value keeps the mark).
  if (value.marks !== undefined || (value.kind === 'set' && value.elements.some(hasMarksDeep))) {
    return forEachError(
      diags,
      attr,
      'Sensitive values, or values derived from sensitive values, cannot be used as for_each arguments. If used, the sensitive value could be exposed as a resource instance key.',
      context,
    );
  }
  switch (value.kind) {
    case 'null':
      return forEachError(diags, attr, 'The given "for_each" argument value is unsuitable: the given "for_each" argument value is null. A map, or set of strings is allowed.', context);
    case 'unknown':
      return forEachError(
        diags,
        attr,
        value.type.kind === 'set' || value.type.kind === 'map' || value.type.kind === 'object' || value.type.kind === 'dynamic'
          ? 'The "for_each" value depends on resource attributes that cannot be determined until apply, so iamform cannot predict how many instances will be created. To work around this, use the --target option to first apply only the resources that the for_each value depends on, or use keys that are known from the configuration.'
          : `The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type ${value.type.kind}.`,
        context,
      );
    case 'map':
    case 'object': {
      const instances: { key: string; each: Value }[] = [];
      for (const [key, v] of mappingEntries(value)) instances.push({ key, each: objectVal({ key: stringVal(key), value: v }) });
      return { kind: 'for_each', instances };
    }
    case 'set': {
      const instances: { key: string; each: Value }[] = [];
      for (const element of value.elements) {
        if (element.kind === 'unknown') {
          return forEachError(diags, attr, 'The "for_each" set includes values derived from resource attributes that cannot be determined until apply, so iamform cannot determine the full set of keys that will identify the instances of this resource.', context);
        }
        if (element.kind === 'null') return forEachError(diags, attr, 'The given "for_each" argument value is unsuitable: "for_each" sets must not contain null values.', context);
        if (element.kind !== 'string') {
          return forEachError(diags, attr, `The given "for_each" argument value is unsuitable: "for_each" supports maps and sets of strings, but you have provided a set containing type ${element.type.kind}.`, context);
        }
        instances.push({ key: element.value, each: objectVal({ key: element, value: element }) });
      }
      return { kind: 'for_each', instances };
    }
    case 'list':
    case 'tuple':
      return forEachError(
        diags,
        attr,
        `The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type ${value.kind}. Convert it with toset(...) if its elements are unique strings, or build a map with a for expression.`,
        context,
      );
    default:
      return forEachError(diags, attr, `The given "for_each" argument value is unsuitable: the "for_each" argument must be a map, or set of strings, and you have provided a value of type ${value.type.kind}.`, context);
  }
}

/** Checks a `count` value: a known, whole, non-negative number, not null or sensitive. */
export function expandCount(value: Value, attr: Attribute, context: string, diags: Diagnostic[]): Expansion {
  const fail = (detail: string): Expansion => {
    diags.push(errorDiag('config.invalid-count', 'Invalid count argument', { detail, range: attr.expr.range, context }));
    return { kind: 'unknown' };
  };
  if (value.marks !== undefined) return fail('Sensitive values, or values derived from sensitive values, cannot be used as count arguments.');
  if (value.kind === 'null') return fail('The given "count" argument value is null. An integer is required.');
  const n = convert(value, numberType);
  if (!n.ok) return fail(`The given "count" argument value is unsuitable: ${n.error}.`);
  if (n.value.kind === 'unknown') {
    return fail('The "count" value depends on resource attributes that cannot be determined until apply, so iamform cannot predict how many instances will be created. To work around this, use the --target option to first apply only the resources that the count depends on.');
  }
  if (n.value.kind !== 'number') return fail('An integer is required.');
  if (!isWhole(n.value)) return fail(`The given "count" argument value is unsuitable: ${formatNumber(n.value)} is not a whole number.`);
  if (n.value.value < 0) return fail('The given "count" argument value is unsuitable: must be greater than or equal to zero.');
  if (n.value.value > 1_000_000) return fail(`The given "count" argument value is unsuitable: ${formatNumber(n.value)} is more instances than iamform supports (at most 1000000).`);
  return { kind: 'count', count: n.value.value };
}

/** The `count` object bound in counted resources. */
export function countObject(index: number): Value {
  return objectVal({ index: numberVal(index) });
}
