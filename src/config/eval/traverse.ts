import { didYouMean, errorDiag, type Diagnostic, type SourceRange } from '../../diag/index.js';
import {
  convert,
  dynamicType,
  dynamicVal,
  formatNumber,
  isWhole,
  numberType,
  propagateMarks,
  stringType,
  typeName,
  unknownVal,
  type Type,
  type Value,
} from '../value.js';

/**
 * Attribute and index access with HCL's rules and Terraform's messages. On an error the
 * result is an unknown value of dynamic type, so that one mistake does not cascade.
 * The result carries the marks of the collection (and of the key).
 */
export function getAttr(v: Value, name: string, range: SourceRange, diags: Diagnostic[]): Value {
  const result = getAttrRaw(v, name, range, diags);
  return v.marks === undefined ? result : propagateMarks(result, v);
}

function getAttrRaw(v: Value, name: string, range: SourceRange, diags: Diagnostic[]): Value {
  const fail = (summary: string, detail: string): Value => {
    diags.push(errorDiag(summary === 'Unsupported attribute' ? 'eval.unsupported-attribute' : 'eval.attribute-of-null', summary, { detail, range }));
    return dynamicVal;
  };
  switch (v.kind) {
    case 'null':
      return fail('Attempt to get attribute from null value', 'This value is null, so it does not have any attributes.');
    case 'unknown': {
      const attrType = attributeTypeOf(v.type, name);
      if (attrType === undefined) return fail('Unsupported attribute', `This object does not have an attribute named "${name}".`);
      if (attrType === 'none') return fail('Unsupported attribute', cannotHaveAttributes(v.type));
      return unknownVal(attrType);
    }
    case 'object': {
      const found = v.attributes.get(name);
      if (found !== undefined) return found;
      return fail('Unsupported attribute', `This object does not have an attribute named "${name}".${didYouMean(name, v.attributes.keys())}`);
    }
    case 'map': {
      const found = v.entries.get(name);
      if (found !== undefined) return found;
      diags.push(errorDiag('eval.missing-map-element', 'Missing map element', { detail: `This map does not have an element with the key "${name}".`, range }));
      return dynamicVal;
    }
    default:
      return fail('Unsupported attribute', cannotHaveAttributes(v.type));
  }
}

/** The type of attribute `name` of values of type `t`; 'none' when `t` has no attributes. */
function attributeTypeOf(t: Type, name: string): Type | 'none' | undefined {
  switch (t.kind) {
    case 'dynamic':
      return dynamicType;
    case 'object':
      return t.attributes.get(name);
    case 'map':
      return t.element;
    default:
      return 'none';
  }
}

function cannotHaveAttributes(t: Type): string {
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return `Can't access attributes on a primitive-typed value (${t.kind}).`;
    case 'list':
    case 'set':
    case 'tuple':
      return `Can't access attributes on a ${t.kind} of ${t.kind === 'tuple' ? 'values' : `${typeName(t.element)}s`}. Did you mean to access an attribute for a specific element of the ${t.kind}, or across all elements of the ${t.kind}?`;
    default:
      return 'This value does not have any attributes.';
  }
}

export function getIndex(v: Value, key: Value, range: SourceRange, diags: Diagnostic[]): Value {
  const result = getIndexRaw(v, key, range, diags);
  return v.marks === undefined && key.marks === undefined ? result : propagateMarks(result, v, key);
}

function invalidIndex(diags: Diagnostic[], range: SourceRange, detail: string): Value {
  diags.push(errorDiag('eval.invalid-index', 'Invalid index', { detail, range }));
  return dynamicVal;
}

function getIndexRaw(v: Value, key: Value, range: SourceRange, diags: Diagnostic[]): Value {
  if (v.kind === 'null') {
    diags.push(errorDiag('eval.index-of-null', 'Attempt to index null value', { detail: 'This value is null, so it does not have any indices.', range }));
    return dynamicVal;
  }
  if (key.kind === 'null') return invalidIndex(diags, range, "Can't use a null value as an indexing key.");
  const t = v.type;
  switch (t.kind) {
    case 'list':
    case 'tuple': {
      const k = convert(key, numberType);
      if (!k.ok) return invalidIndex(diags, range, `The given key does not identify an element in this collection value: ${k.error === 'a number is required' ? 'a number is required' : 'number required'}.`);
      if (k.value.kind === 'unknown' || v.kind === 'unknown') return unknownVal(t.kind === 'list' ? t.element : dynamicType);
      const n = k.value;
      if (n.kind !== 'number') return dynamicVal;
      if (!isWhole(n)) return invalidIndex(diags, range, 'The given key does not identify an element in this collection value: indexing a sequence requires a whole number.');
      if (n.value < 0) return invalidIndex(diags, range, 'The given key does not identify an element in this collection value: a negative number is not a valid index for a sequence.');
      const elements = (v as { elements: readonly Value[] }).elements;
      const found = n.big === undefined ? elements[n.value] : undefined;
      if (found === undefined) {
        return invalidIndex(
          diags,
          range,
          elements.length === 0
            ? 'The given key does not identify an element in this collection value: the collection has no elements.'
            : `The given key does not identify an element in this collection value: the given index (${formatNumber(n)}) is greater than or equal to the length of the collection (${elements.length}).`,
        );
      }
      return found;
    }
    case 'map':
    case 'object': {
      const k = convert(key, stringType);
      if (!k.ok) return invalidIndex(diags, range, 'The given key does not identify an element in this collection value: string required.');
      if (k.value.kind === 'unknown' || v.kind === 'unknown') return unknownVal(t.kind === 'map' ? t.element : dynamicType);
      if (k.value.kind !== 'string') return dynamicVal;
      const name = k.value.value;
      const found = v.kind === 'map' ? v.entries.get(name) : v.kind === 'object' ? v.attributes.get(name) : undefined;
      if (found !== undefined) return found;
      if (v.kind === 'object') {
        diags.push(
          errorDiag('eval.unsupported-attribute', 'Invalid index', {
            detail: `The given key does not identify an element in this collection value.${didYouMean(name, v.attributes.keys())}`,
            range,
          }),
        );
        return dynamicVal;
      }
      return invalidIndex(diags, range, 'The given key does not identify an element in this collection value.');
    }
    case 'set':
      return invalidIndex(
        diags,
        range,
        "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
      );
    case 'dynamic':
      return dynamicVal;
    default:
      return invalidIndex(diags, range, 'This value does not have any indices.');
  }
}
