/**
 * The type system of config values, modelled on HCL's (cty): primitives, the `dynamic`
 * pseudo-type ("any"), collections whose elements share one type (list, set, map) and
 * structural types whose members each have their own type (tuple, object).
 *
 * Types are immutable plain objects. Primitive and dynamic types are singletons, but
 * compare types with `typeEquals`, never with `===`.
 */
export type Type =
  | PrimitiveType
  | DynamicType
  | { readonly kind: 'list'; readonly element: Type }
  | { readonly kind: 'set'; readonly element: Type }
  | { readonly kind: 'map'; readonly element: Type }
  | TupleType
  | ObjectType;

export interface PrimitiveType {
  readonly kind: 'string' | 'number' | 'bool';
}

/** The type of a value whose type is not yet decided ("any" in type constraints). */
export interface DynamicType {
  readonly kind: 'dynamic';
}

export interface TupleType {
  readonly kind: 'tuple';
  readonly elements: readonly Type[];
}

/**
 * An object type. `attributes` iterate in lexical order of their names. `optional` only
 * appears on type constraints (`optional(T)` in a variable's `type`): a value converted to
 * such a type may lack these attributes, which then become null.
 */
export interface ObjectType {
  readonly kind: 'object';
  readonly attributes: ReadonlyMap<string, Type>;
  readonly optional?: ReadonlySet<string>;
}

export type CollectionType = Extract<Type, { kind: 'list' | 'set' | 'map' }>;

export const stringType: PrimitiveType = Object.freeze({ kind: 'string' });
export const numberType: PrimitiveType = Object.freeze({ kind: 'number' });
export const boolType: PrimitiveType = Object.freeze({ kind: 'bool' });
export const dynamicType: DynamicType = Object.freeze({ kind: 'dynamic' });

export function listType(element: Type): Type {
  return { kind: 'list', element };
}
export function setType(element: Type): Type {
  return { kind: 'set', element };
}
export function mapType(element: Type): Type {
  return { kind: 'map', element };
}
export function tupleType(elements: readonly Type[]): TupleType {
  return { kind: 'tuple', elements };
}

const emptyObjectType: ObjectType = Object.freeze({ kind: 'object', attributes: new Map<string, Type>() });

/** An object type; attribute names are sorted. `optional` names must be attributes. */
export function objectType(
  attributes: ReadonlyMap<string, Type> | Readonly<Record<string, Type>>,
  optional?: Iterable<string>,
): ObjectType {
  const entries = attributes instanceof Map ? [...(attributes as ReadonlyMap<string, Type>)] : Object.entries(attributes);
  if (entries.length === 0 && optional === undefined) return emptyObjectType;
  entries.sort((a, b) => compareStrings(a[0], b[0]));
  const optionalSet = optional === undefined ? undefined : new Set(optional);
  return optionalSet !== undefined && optionalSet.size > 0
    ? { kind: 'object', attributes: new Map(entries), optional: optionalSet }
    : { kind: 'object', attributes: new Map(entries) };
}

/** Code-unit order, the order cty uses for map keys and object attribute names. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isPrimitiveType(t: Type): t is PrimitiveType {
  return t.kind === 'string' || t.kind === 'number' || t.kind === 'bool';
}
export function isCollectionType(t: Type): t is CollectionType {
  return t.kind === 'list' || t.kind === 'set' || t.kind === 'map';
}
/** True for list, set and tuple: the types that `[*]`, `for` and `length` treat as sequences. */
export function isSequenceType(t: Type): boolean {
  return t.kind === 'list' || t.kind === 'set' || t.kind === 'tuple';
}
/** True for map and object: the types with string keys. */
export function isMappingType(t: Type): boolean {
  return t.kind === 'map' || t.kind === 'object';
}

/** True when `t` is or contains `dynamic`: values of it are not yet fully typed. */
export function hasDynamic(t: Type): boolean {
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return false;
    case 'dynamic':
      return true;
    case 'list':
    case 'set':
    case 'map':
      return hasDynamic(t.element);
    case 'tuple':
      return t.elements.some(hasDynamic);
    case 'object':
      for (const a of t.attributes.values()) if (hasDynamic(a)) return true;
      return false;
    default:
      return assertNever(t);
  }
}

export function typeEquals(a: Type, b: Type): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'dynamic':
      return a.kind === b.kind;
    case 'list':
    case 'set':
    case 'map':
      return b.kind === a.kind && typeEquals(a.element, b.element);
    case 'tuple':
      return b.kind === 'tuple' && b.elements.length === a.elements.length && a.elements.every((t, i) => typeEquals(t, b.elements[i] as Type));
    case 'object': {
      if (b.kind !== 'object' || b.attributes.size !== a.attributes.size) return false;
      for (const [name, t] of a.attributes) {
        const other = b.attributes.get(name);
        if (other === undefined || !typeEquals(t, other)) return false;
      }
      const ao = a.optional?.size ?? 0;
      const bo = b.optional?.size ?? 0;
      if (ao !== bo) return false;
      if (a.optional) for (const name of a.optional) if (!b.optional?.has(name)) return false;
      return true;
    }
    default:
      return assertNever(a);
  }
}

/** The type in HCL's type-constraint syntax: `list(string)`, `object({name=string})`. */
export function formatType(t: Type): string {
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return t.kind;
    case 'dynamic':
      return 'any';
    case 'list':
    case 'set':
    case 'map':
      return `${t.kind}(${formatType(t.element)})`;
    case 'tuple':
      return `tuple([${t.elements.map(formatType).join(', ')}])`;
    case 'object': {
      const parts = [...t.attributes].map(([name, at]) => {
        const shown = formatType(at);
        return `${name}=${t.optional?.has(name) ? `optional(${shown})` : shown}`;
      });
      return `object({${parts.join(', ')}})`;
    }
    default:
      return assertNever(t);
  }
}

/**
 * The type as Terraform names it in messages: "string", "list of string", "map of number",
 * "object", "tuple", "dynamic".
 */
export function typeName(t: Type): string {
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return t.kind;
    case 'dynamic':
      return 'dynamic';
    case 'list':
    case 'set':
    case 'map':
      return `${t.kind} of ${typeName(t.element)}`;
    case 'tuple':
      return 'tuple';
    case 'object':
      return 'object';
    default:
      return assertNever(t);
  }
}

/** For the `default` branch of exhaustive switches over closed unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected variant: ${JSON.stringify(value)}`);
}
