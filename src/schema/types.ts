/**
 * The plain descriptors of resource schemas. Kept free of the config module's types: the
 * attribute types below are a structural subset of config `Type`s (same `kind`s and fields),
 * so a descriptor can be handed to the config evaluator as it is.
 */

/** An attribute's value type. Structurally assignable to the config module's `Type`. */
export type AttrType =
  | { readonly kind: 'string' | 'number' | 'bool' | 'dynamic' }
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: AttrType }
  | { readonly kind: 'object'; readonly attributes: ReadonlyMap<string, AttrType> };

export const tString: AttrType = Object.freeze({ kind: 'string' });
export const tNumber: AttrType = Object.freeze({ kind: 'number' });
export const tBool: AttrType = Object.freeze({ kind: 'bool' });
export const tDynamic: AttrType = Object.freeze({ kind: 'dynamic' });
export function tSet(element: AttrType): AttrType {
  return { kind: 'set', element };
}

/**
 * A value not known before apply ("known after apply"). Compared by identity: convert config
 * values with `toJs(v, { unknown: () => UNKNOWN })`. It is JSON-shaped so that it fits where
 * JSON values go, but it is never serialized: the planner lists unknown paths instead.
 */
export interface UnknownValue {
  readonly '~unknown': true;
}
export const UNKNOWN: UnknownValue = Object.freeze({ '~unknown': true });

export function isUnknown(value: unknown): value is UnknownValue {
  return value === UNKNOWN;
}

/** A config or planned value as plain data, possibly (partly) unknown. */
export type PlainValue = null | boolean | number | string | UnknownValue | readonly PlainValue[] | { readonly [key: string]: PlainValue };
export type PlainObject = { readonly [key: string]: PlainValue };

/** A path into attributes: keys as strings, list indices as numbers (state's `AttributePath`). */
export type SchemaPath = readonly (string | number)[];

/** A default taken from another attribute of the same object (`display_name` ← `name`). */
export interface CopyDefault {
  readonly kind: 'copy';
  readonly from: string;
}

export interface AttributeSpec {
  readonly type: AttrType;
  /** Values a string attribute may take; anything else is `schema.invalid-value`. */
  readonly enum?: readonly string[];
  /** The config must set it (to a non-null value). */
  readonly required?: boolean;
  /** The backend sets it. With `optional` the config may set it too. */
  readonly computed?: boolean;
  readonly optional?: boolean;
  /** The planned value when the config leaves the attribute unset. */
  readonly default?: PlainValue | CopyDefault;
  /** A change of the value cannot be applied in place: the object is replaced. */
  readonly forcesReplacement?: boolean;
  /** Shown as `(sensitive value)`, never in plain text in plans and outputs. */
  readonly sensitive?: boolean;
  /**
   * Given by the config and passed to the provider, but never stored in state or plan; a
   * change is detected through a keeper in the instance's private data (see keeper.ts).
   */
  readonly writeOnly?: boolean;
  /**
   * Produced once by the backend at creation (an access key's secret): returned only in
   * `CreatedObject.secrets`, never among attributes, never in state.
   */
  readonly secret?: boolean;
  /** A JSON text given for it is decoded: the planned and stored value is the document. */
  readonly json?: boolean;
  readonly description: string;
}

/** A nested block (`phone { ... }`): in values a list of objects, at most `maxItems` long. */
export interface BlockSpec {
  readonly attributes: ReadonlyMap<string, AttributeSpec>;
  readonly maxItems: number;
  readonly forcesReplacement?: boolean;
  readonly description: string;
}

export type SchemaMode = 'managed' | 'data';

export type Severity = 'error' | 'warning';

/** A finding of a cross-field rule, before it becomes a diagnostic with a range. */
export interface RuleIssue {
  readonly severity: Severity;
  readonly code: string;
  readonly summary: string;
  readonly detail: string;
  /** The attribute the finding is about; empty = the whole resource. */
  readonly path: SchemaPath;
}

export interface RuleContext {
  /** Region names a sub-project name may start with. */
  readonly regions: readonly string[];
}

/** A rule over a whole object. Must accept unknown values wherever they could become valid. */
export type CrossFieldRule = (values: PlainObject, context: RuleContext) => RuleIssue[];

export interface ResourceSchema {
  readonly type: string;
  readonly mode: SchemaMode;
  readonly description: string;
  /** Every attribute, `id` included, in the order documentation lists them. */
  readonly attributes: ReadonlyMap<string, AttributeSpec>;
  readonly blocks: ReadonlyMap<string, BlockSpec>;
  readonly rules: readonly CrossFieldRule[];
}

/** Whether the config may set the attribute (everything but computed-only attributes). */
export function settable(spec: AttributeSpec): boolean {
  return spec.computed !== true || spec.optional === true;
}

/** Whether values of the attribute are never shown in plain text: write-only and secret ones included. */
export function isSensitive(spec: AttributeSpec): boolean {
  return spec.sensitive === true || spec.writeOnly === true || spec.secret === true;
}

/** The names the config can set: settable attributes, then nested blocks, in schema order. */
export function settableNames(schema: ResourceSchema): string[] {
  const names: string[] = [];
  for (const [name, spec] of schema.attributes) if (settable(spec)) names.push(name);
  for (const name of schema.blocks.keys()) names.push(name);
  return names;
}
