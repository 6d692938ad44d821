import { z } from 'zod';
import { formatAddress, parseAddress, resourceOf } from '../addr/index.js';
import type { InstanceJson, ResourceJson, StateFileJson } from './file-format.js';
import type { JsonValue } from './types.js';

/**
 * One step of the upgrade chain: validates a document of version `from` and returns the
 * same state as a document of version `from + 1` (validated by the next step).
 */
export interface Upgrader {
  readonly from: number;
  readonly schema: z.ZodType;
  upgrade(document: unknown): unknown;
}

/**
 * Version 0: the first format. Instances were one flat list, each with its full address;
 * outputs were bare values (none sensitive); there was no intent journal and no record of
 * sensitive paths.
 */
export const stateFileSchemaV0 = z.strictObject({
  format_version: z.literal(0),
  iamform_version: z.string(),
  lineage: z.string().min(1),
  serial: z.number().int().nonnegative(),
  instances: z.array(
    z.strictObject({
      address: z.string().refine((text) => parseAddress(text).address !== undefined, 'not a resource address'),
      id: z.string(),
      attributes: z.record(z.string(), z.json()),
      depends_on: z.array(z.string()).optional(),
    }),
  ),
  outputs: z.record(z.string(), z.json()),
});

const v0ToV1: Upgrader = {
  from: 0,
  schema: stateFileSchemaV0,
  upgrade(document) {
    const v0 = document as z.infer<typeof stateFileSchemaV0>;
    const byResource = new Map<string, ResourceJson>();
    for (const flat of v0.instances) {
      // The schema checked that the address parses.
      const address = parseAddress(flat.address).address;
      if (!address) throw new Error(`unreachable: ${flat.address} passed the v0 schema`);
      const name = formatAddress(resourceOf(address));
      let resource = byResource.get(name);
      if (!resource) {
        resource = { mode: address.mode, type: address.type, name: address.name, instances: [] };
        byResource.set(name, resource);
      }
      const instance: InstanceJson = {
        ...(address.key === undefined ? {} : { index_key: address.key }),
        id: flat.id,
        attributes: flat.attributes as InstanceJson['attributes'],
        sensitive_paths: [],
        dependencies: flat.depends_on ?? [],
      };
      resource.instances.push(instance);
    }
    const outputs: StateFileJson['outputs'] = {};
    for (const [name, value] of Object.entries(v0.outputs)) outputs[name] = { value: value as JsonValue, sensitive: false };
    const v1: StateFileJson = {
      format_version: 1,
      iamform_version: v0.iamform_version,
      lineage: v0.lineage,
      serial: v0.serial,
      resources: [...byResource.values()],
      outputs,
      pending: [],
    };
    return v1;
  },
};

/** The upgrade chain, indexed by the version each step reads. Append a step per new version. */
export const upgraders: readonly Upgrader[] = [v0ToV1];
