import { z } from 'zod';
import { compareAddresses, compareInstanceKeys, formatAddress, parseAddress, withKey, type InstanceKey, type ResourceAddress } from '../addr/index.js';
import { errorDiag, type Diagnostic, type SourceRange } from '../diag/index.js';
import { redactWriteOnly } from './redact.js';
import { canonicalJson, comparePaths } from './json-values.js';
import type { AttributePath, InstanceState, JsonObject, JsonValue, OutputState, PendingIntent, ResourceState, State } from './types.js';
import { STATE_VERSION } from './types.js';

/** The state file format version this iamform writes and reads without upgrading. */
export const FORMAT_VERSION = 1;

/**
 * The state file as stored (format version 1). Field order here is the order written.
 * `resources` are sorted by address, instances by key, outputs by name, `pending` by start
 * time then id; object keys inside attributes are sorted.
 */
export interface StateFileJson {
  format_version: typeof FORMAT_VERSION;
  iamform_version: string;
  lineage: string;
  serial: number;
  resources: ResourceJson[];
  outputs: Record<string, { value: JsonValue; sensitive: boolean }>;
  pending: PendingJson[];
}

export interface ResourceJson {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  instances: InstanceJson[];
}

export interface InstanceJson {
  index_key?: InstanceKey;
  id: string;
  attributes: JsonObject;
  sensitive_paths: (string | number)[][];
  dependencies: string[];
  private?: JsonValue;
}

export interface PendingJson {
  intent_id: string;
  address: string;
  action: 'create' | 'update' | 'delete';
  started_at: string;
  object_hint?: JsonObject;
  /** Added within version 1: absent in older files. A reader that rejects unknown keys refuses it rather than forget the object. */
  deposed_id?: string;
}

const attributePathSchema = z.array(z.union([z.string(), z.number().int().nonnegative()]));

/**
 * A value inside a document that JSON.parse produced, which is JSON by construction: only its
 * presence is checked. (`parsedJson` would walk every nested value again, a tenth of a no-op
 * plan's time at 10,000 instances.)
 */
const parsedJson = z.custom<JsonValue>((value) => value !== undefined, 'Required');

/** Validates a parsed version-1 document; keys not in the format are rejected. */
export const stateFileSchemaV1 = z.strictObject({
  format_version: z.literal(1),
  iamform_version: z.string(),
  lineage: z.string().min(1),
  serial: z.number().int().nonnegative(),
  resources: z.array(
    z.strictObject({
      mode: z.enum(['managed', 'data']),
      type: z.string(),
      name: z.string(),
      instances: z.array(
        z.strictObject({
          index_key: z.union([z.number().int().nonnegative(), z.string()]).optional(),
          id: z.string(),
          attributes: z.record(z.string(), parsedJson),
          sensitive_paths: z.array(attributePathSchema),
          dependencies: z.array(z.string()),
          private: parsedJson.optional(),
        }),
      ),
    }),
  ),
  outputs: z.record(z.string(), z.strictObject({ value: parsedJson, sensitive: z.boolean() })),
  pending: z.array(
    z.strictObject({
      intent_id: z.string().min(1),
      address: z.string(),
      action: z.enum(['create', 'update', 'delete']),
      started_at: z.string(),
      object_hint: z.record(z.string(), parsedJson).optional(),
      deposed_id: z.string().min(1).optional(),
    }),
  ),
});

/** Write-only attribute paths of a resource, as its schema declares them. */
export type WriteOnlyLookup = (resource: ResourceAddress) => readonly AttributePath[];

export interface EncodeOptions {
  /** Recorded in the file for diagnostics; not interpreted when reading. */
  readonly iamformVersion: string;
  /** Values at these paths are dropped before writing: write-only values never reach a file. */
  readonly writeOnly?: WriteOnlyLookup;
}

/** The file form of `state` with `serial` as given (stores pass the serial they write). */
export function toFileJson(state: State, serial: number, options: EncodeOptions): StateFileJson {
  return fileJsonWith(state, serial, options, [...resourceJsons(state, options)]);
}

/** The resources of the file form, in file order, each made when it is reached. */
function* resourceJsons(state: State, options: EncodeOptions): Generator<ResourceJson> {
  const resources = [...state.resources].filter((resource) => resource.instances.length > 0).sort(compareAddresses);
  for (const resource of resources) {
    const writeOnly = options.writeOnly?.({ mode: resource.mode, type: resource.type, name: resource.name }) ?? [];
    const instances = [...resource.instances].sort((a, b) => compareInstanceKeys(a.key, b.key)).map((instance) => instanceJson(instance, writeOnly));
    yield { mode: resource.mode, type: resource.type, name: resource.name, instances };
  }
}

function fileJsonWith(state: State, serial: number, options: EncodeOptions, resources: ResourceJson[]): StateFileJson {
  const outputs: StateFileJson['outputs'] = {};
  for (const name of Object.keys(state.outputs).sort()) {
    const output = state.outputs[name] as OutputState;
    outputs[name] = { value: canonicalJson(output.value), sensitive: output.sensitive };
  }
  const pending = [...state.pending].sort(comparePending).map((intent): PendingJson => {
    const entry: PendingJson = {
      intent_id: intent.intentId,
      address: formatAddress(intent.address),
      action: intent.action,
      started_at: intent.startedAt,
    };
    if (intent.objectHint !== undefined) entry.object_hint = canonicalJson(intent.objectHint) as JsonObject;
    if (intent.deposedId !== undefined) entry.deposed_id = intent.deposedId;
    return entry;
  });
  return {
    format_version: FORMAT_VERSION,
    iamform_version: options.iamformVersion,
    lineage: state.lineage,
    serial,
    resources,
    outputs,
    pending,
  };
}

/** The exact bytes of a state file: 2-space indent, trailing newline. */
export function serializeState(state: State, serial: number, options: EncodeOptions): string {
  return JSON.stringify(toFileJson(state, serial, options), null, 2) + '\n';
}

/** Where the resources go in the frame that `serializeStateChunks` fills; no JSON string holds a newline. */
const EMPTY_RESOURCES = '\n  "resources": []';

/**
 * The text of `serializeState` in pieces of about `chunkChars` characters, each resource made
 * and serialized only when it is reached: writing the state of tens of thousands of instances
 * never holds their whole file form, or the whole text, at once.
 */
export function* serializeStateChunks(state: State, serial: number, options: EncodeOptions, chunkChars = 1 << 20): Generator<string> {
  const frame = JSON.stringify(fileJsonWith(state, serial, options, []), null, 2) + '\n';
  const at = frame.indexOf(EMPTY_RESOURCES) + EMPTY_RESOURCES.length - 1;
  let pending = frame.slice(0, at) + '\n';
  let first = true;
  for (const resource of resourceJsons(state, options)) {
    pending += `${first ? '' : ',\n'}    ${JSON.stringify(resource, null, 2).replaceAll('\n', '\n    ')}`;
    first = false;
    if (pending.length >= chunkChars) {
      yield pending;
      pending = '';
    }
  }
  yield first ? pending.slice(0, -1) + frame.slice(at) : `${pending}\n  ${frame.slice(at)}`;
}

function keyPart(key: InstanceKey | undefined): { key?: InstanceKey } {
  return key === undefined ? {} : { key };
}

function instanceJson(instance: InstanceState, writeOnly: readonly AttributePath[]): InstanceJson {
  const entry: InstanceJson = {
    ...(instance.key === undefined ? {} : { index_key: instance.key }),
    id: instance.id,
    attributes: canonicalJson(redactWriteOnly(instance.attributes, writeOnly)) as JsonObject,
    sensitive_paths: uniquePaths(instance.sensitivePaths).map((path) => [...path]),
    dependencies: uniqueAddresses(instance.dependencies).map(formatAddress),
  };
  if (instance.private !== undefined) entry.private = canonicalJson(instance.private);
  return entry;
}

function uniqueAddresses(addresses: readonly ResourceAddress[]): ResourceAddress[] {
  const sorted = [...addresses].sort(compareAddresses);
  return sorted.filter((address, i) => i === 0 || compareAddresses(address, sorted[i - 1] as ResourceAddress) !== 0);
}

function uniquePaths(paths: readonly AttributePath[]): AttributePath[] {
  const sorted = [...paths].sort(comparePaths);
  return sorted.filter((path, i) => i === 0 || comparePaths(path, sorted[i - 1] as AttributePath) !== 0);
}

function comparePending(a: PendingIntent, b: PendingIntent): number {
  if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? -1 : 1;
  return a.intentId < b.intentId ? -1 : a.intentId > b.intentId ? 1 : 0;
}

/**
 * Converts a validated version-1 document into a State, checking what the schema cannot:
 * addresses parse, no resource, instance or intent appears twice, keys are used consistently.
 */
export function fromFileJson(
  json: z.infer<typeof stateFileSchemaV1>,
  file: string,
  locate: (path: readonly (string | number)[]) => SourceRange | undefined = () => undefined,
): { state?: State; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const invalid = (detail: string, path: readonly (string | number)[]): void => {
    const range = locate(path);
    diagnostics.push(errorDiag('state.invalid', 'Invalid state file', { detail: range ? detail : `${file}: ${detail}`, range }));
  };
  const parse = (text: string, where: string, path: readonly (string | number)[]): ResourceAddress | undefined => {
    const result = parseAddress(text);
    if (!result.address) invalid(`${where}: "${text}" is not a resource address.`, path);
    return result.address;
  };

  const resources: ResourceState[] = [];
  const seenResources = new Set<string>();
  for (const [r, resource] of json.resources.entries()) {
    const head = parse(`${resource.mode === 'data' ? 'data.' : ''}${resource.type}.${resource.name}`, 'resource', ['resources', r]);
    if (!head) continue;
    const name = formatAddress(head);
    if (seenResources.has(name)) invalid(`resource ${name} appears more than once.`, ['resources', r]);
    seenResources.add(name);
    const keys = new Set<string>();
    const instances: InstanceState[] = [];
    for (const [i, instance] of resource.instances.entries()) {
      const at = ['resources', r, 'instances', i];
      const keyText = instance.index_key === undefined ? '' : JSON.stringify(instance.index_key);
      if (keys.has(keyText)) invalid(`instance ${formatAddress(withKey(head, instance.index_key))} appears more than once.`, at);
      keys.add(keyText);
      const dependencies: ResourceAddress[] = [];
      for (const [d, dependency] of instance.dependencies.entries()) {
        const address = parse(dependency, `dependency of ${name}`, [...at, 'dependencies', d]);
        if (address) dependencies.push(address);
      }
      instances.push({
        ...keyPart(instance.index_key),
        id: instance.id,
        attributes: instance.attributes as JsonObject,
        sensitivePaths: instance.sensitive_paths,
        dependencies,
        ...(instance.private === undefined ? {} : { private: instance.private as JsonValue }),
      });
    }
    if (keys.has('') && keys.size > 1) invalid(`resource ${name} has instances both with and without keys.`, ['resources', r]);
    instances.sort((a, b) => compareInstanceKeys(a.key, b.key));
    resources.push({ mode: head.mode, type: head.type, name: head.name, instances });
  }

  const outputs: Record<string, OutputState> = {};
  for (const [name, output] of Object.entries(json.outputs)) outputs[name] = { value: output.value as JsonValue, sensitive: output.sensitive };

  const pending: PendingIntent[] = [];
  const intentIds = new Set<string>();
  for (const [p, entry] of json.pending.entries()) {
    if (intentIds.has(entry.intent_id)) invalid(`pending intent ${entry.intent_id} appears more than once.`, ['pending', p]);
    intentIds.add(entry.intent_id);
    const address = parse(entry.address, `pending intent ${entry.intent_id}`, ['pending', p, 'address']);
    if (!address) continue;
    if (entry.deposed_id !== undefined && entry.action !== 'delete') invalid(`pending intent ${entry.intent_id}: only a delete can name a deposed object.`, ['pending', p, 'deposed_id']);
    pending.push({
      intentId: entry.intent_id,
      address,
      action: entry.action,
      startedAt: entry.started_at,
      ...(entry.object_hint === undefined ? {} : { objectHint: entry.object_hint as JsonObject }),
      ...(entry.deposed_id === undefined ? {} : { deposedId: entry.deposed_id }),
    });
  }
  if (diagnostics.length > 0) return { diagnostics };
  return {
    state: { version: STATE_VERSION, lineage: json.lineage, serial: json.serial, resources: resources.sort(compareAddresses), outputs, pending },
    diagnostics,
  };
}
