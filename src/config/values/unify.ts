import { dynamicType, listType, mapType, objectType, setType, stringType, tupleType, typeEquals, type Type } from './types.js';

/**
 * The single type that all `types` convert to, as HCL picks it for the two arms of a
 * conditional and for the elements of a collection built from mixed values; undefined when
 * there is none. `dynamic` members (null and unknown literals) do not influence the result.
 *
 * - equal types unify to themselves;
 * - mixed primitives unify to string;
 * - lists/sets/maps of one kind unify element-wise;
 * - objects with the same attributes unify attribute-wise, otherwise (or mixed with maps) to a
 *   map of their unified attribute types;
 * - tuples of one length unify element-wise, otherwise (or mixed with lists) to a list.
 */
export function unifyTypes(types: readonly Type[]): Type | undefined {
  const known = types.filter((t) => t.kind !== 'dynamic');
  const first = known[0];
  if (first === undefined) return dynamicType;
  if (known.every((t) => typeEquals(t, first))) return first;

  const kinds = new Set(known.map((t) => t.kind));
  if ([...kinds].every((k) => k === 'string' || k === 'number' || k === 'bool')) return stringType;

  if (kinds.size === 1 && (first.kind === 'list' || first.kind === 'set' || first.kind === 'map')) {
    const element = unifyTypes(known.map((t) => (t as { element: Type }).element));
    if (element === undefined) return undefined;
    return first.kind === 'list' ? listType(element) : first.kind === 'set' ? setType(element) : mapType(element);
  }

  if ([...kinds].every((k) => k === 'object' || k === 'map')) {
    if (kinds.size === 1) {
      const sameNames = known.every((t) => sameAttributeNames(t, first));
      if (sameNames && first.kind === 'object') {
        const attrs = new Map<string, Type>();
        for (const name of first.attributes.keys()) {
          const unified = unifyTypes(known.map((t) => (t.kind === 'object' ? (t.attributes.get(name) as Type) : dynamicType)));
          if (unified === undefined) return undefined;
          attrs.set(name, unified);
        }
        return objectType(attrs);
      }
    }
    const members: Type[] = [];
    for (const t of known) {
      if (t.kind === 'object') members.push(...t.attributes.values());
      else if (t.kind === 'map') members.push(t.element);
    }
    const element = unifyTypes(members);
    return element === undefined ? undefined : mapType(element);
  }

  if ([...kinds].every((k) => k === 'tuple' || k === 'list')) {
    if (kinds.size === 1 && first.kind === 'tuple') {
      const length = first.elements.length;
      if (known.every((t) => t.kind === 'tuple' && t.elements.length === length)) {
        const elements: Type[] = [];
        for (let i = 0; i < length; i++) {
          const unified = unifyTypes(known.map((t) => (t.kind === 'tuple' ? (t.elements[i] as Type) : dynamicType)));
          if (unified === undefined) return undefined;
          elements.push(unified);
        }
        return tupleType(elements);
      }
    }
    const members: Type[] = [];
    for (const t of known) {
      if (t.kind === 'tuple') members.push(...t.elements);
      else if (t.kind === 'list') members.push(t.element);
    }
    const element = unifyTypes(members);
    return element === undefined ? undefined : listType(element);
  }
  return undefined;
}

function sameAttributeNames(a: Type, b: Type): boolean {
  if (a.kind !== 'object' || b.kind !== 'object' || a.attributes.size !== b.attributes.size) return false;
  for (const name of a.attributes.keys()) if (!b.attributes.has(name)) return false;
  return true;
}
