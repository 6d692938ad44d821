import { z } from 'zod';
import { formatAddress, parseAddress, type ResourceAddress } from '../addr/index.js';
import { errorDiag, type Diagnostic } from '../diag/index.js';
import type { InstanceState, JsonObject, PendingIntent, State } from '../state/index.js';
import type { RecordedInstance } from './types.js';
import { WorkingState } from './working-state.js';

/**
 * The journal format version written in the header line; bump on any change an older reader
 * would misread. Version 2 added the `deposes` of a `set` entry and `deposed_id` of an intent:
 * a version-1 reader would drop both silently and forget the deposed object, so it must
 * refuse the journal instead. Every version listed in `READABLE_JOURNAL_VERSIONS` is read.
 */
export const JOURNAL_FORMAT_VERSION = 2;
const READABLE_JOURNAL_VERSIONS = [1, 2] as const;

/**
 * The old object that a create-before-destroy replacement's `set` puts out of state. Recorded
 * in the same entry as the new object, so no instant exists at which the old object is in
 * neither the state nor a pending intent.
 */
export interface DeposedRecord {
  /** The id of the pending delete intent the entry registers. */
  readonly intentId: string;
  /** The old object's backend id. */
  readonly objectId: string;
  readonly startedAt: string;
}

/** The pending delete that a `set` entry's `deposes` registers for the old object at `address`. */
export function deposedIntent(address: ResourceAddress, deposed: DeposedRecord): PendingIntent {
  return { intentId: deposed.intentId, address, action: 'delete', startedAt: deposed.startedAt, deposedId: deposed.objectId };
}

/**
 * One journalled step of an apply. Entries are registers keyed by instance address or intent
 * id (the last entry for a key wins), so replaying a journal onto a state that already
 * contains a prefix of it gives the same result as replaying it onto its base: a checkpoint
 * interrupted between the state write and the journal rotation loses nothing.
 */
export type JournalEntry =
  | { readonly kind: 'intent'; readonly intent: PendingIntent }
  /**
   * The instance now at `address`; `resolves` names the intent it completes; `deposes` names
   * the object that was at `address` before and must still be deleted.
   */
  | { readonly kind: 'set'; readonly address: ResourceAddress; readonly instance: RecordedInstance; readonly resolves?: string; readonly deposes?: DeposedRecord }
  | { readonly kind: 'remove'; readonly address: ResourceAddress; readonly resolves?: string }
  /** An intent whose call certainly did not change the backend (or whose effect is recorded). */
  | { readonly kind: 'resolve'; readonly intentId: string };

/** The first line: which state the entries apply on top of. */
export interface JournalHeader {
  readonly lineage: string;
  /** The serial of the state file the entries follow. */
  readonly baseSerial: number;
}

export function encodeHeader(header: JournalHeader): string {
  return JSON.stringify({ kind: 'journal', format_version: JOURNAL_FORMAT_VERSION, lineage: header.lineage, base_serial: header.baseSerial }) + '\n';
}

/** One line (with its newline) in the file form; write-only values must be gone already. */
export function encodeEntry(entry: JournalEntry): string {
  switch (entry.kind) {
    case 'intent': {
      const { intent } = entry;
      return line({
        kind: 'intent',
        intent_id: intent.intentId,
        address: formatAddress(intent.address),
        action: intent.action,
        started_at: intent.startedAt,
        ...(intent.objectHint !== undefined ? { object_hint: intent.objectHint } : {}),
        ...(intent.deposedId !== undefined ? { deposed_id: intent.deposedId } : {}),
      });
    }
    case 'set': {
      const { instance } = entry;
      return line({
        kind: 'set',
        address: formatAddress(entry.address),
        id: instance.id,
        attributes: instance.attributes,
        sensitive_paths: instance.sensitivePaths,
        dependencies: instance.dependencies.map(formatAddress),
        ...(instance.private !== undefined ? { private: instance.private } : {}),
        ...(entry.resolves !== undefined ? { resolves: entry.resolves } : {}),
        ...(entry.deposes !== undefined ? { deposes: { intent_id: entry.deposes.intentId, object_id: entry.deposes.objectId, started_at: entry.deposes.startedAt } } : {}),
      });
    }
    case 'remove':
      return line({ kind: 'remove', address: formatAddress(entry.address), ...(entry.resolves !== undefined ? { resolves: entry.resolves } : {}) });
    case 'resolve':
      return line({ kind: 'resolve', intent_id: entry.intentId });
    default: {
      const unreachable: never = entry;
      throw new Error(`unknown journal entry ${JSON.stringify(unreachable)}`);
    }
  }
}

function line(value: unknown): string {
  return JSON.stringify(value) + '\n';
}

const pathSchema = z.array(z.union([z.string(), z.number().int().nonnegative()]));
const headerSchema = z.object({ kind: z.literal('journal'), format_version: z.literal(READABLE_JOURNAL_VERSIONS), lineage: z.string().min(1), base_serial: z.number().int().nonnegative() });
const entrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('intent'),
    intent_id: z.string().min(1),
    address: z.string(),
    action: z.enum(['create', 'update', 'delete']),
    started_at: z.string(),
    object_hint: z.record(z.string(), z.json()).optional(),
    deposed_id: z.string().min(1).optional(),
  }),
  z.object({
    kind: z.literal('set'),
    address: z.string(),
    id: z.string(),
    attributes: z.record(z.string(), z.json()),
    sensitive_paths: z.array(pathSchema),
    dependencies: z.array(z.string()),
    private: z.json().optional(),
    resolves: z.string().optional(),
    deposes: z.object({ intent_id: z.string().min(1), object_id: z.string().min(1), started_at: z.string() }).optional(),
  }),
  z.object({ kind: z.literal('remove'), address: z.string(), resolves: z.string().optional() }),
  z.object({ kind: z.literal('resolve'), intent_id: z.string().min(1) }),
]);

export interface ParsedJournal {
  readonly header: JournalHeader;
  readonly entries: JournalEntry[];
}

/**
 * Reads a journal. A damaged last line is a write cut short by a killed process and is
 * dropped (its call had not started, or its result had not been recorded: the intent before
 * it stands); damage anywhere else is an error.
 */
export function parseJournal(text: string, location: string): { journal?: ParsedJournal; diagnostics: Diagnostic[] } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const damaged = (at: number, why: string): { diagnostics: Diagnostic[] } => ({
    diagnostics: [
      errorDiag('apply.journal-invalid', 'The apply journal is damaged', {
        detail: `${location} line ${at + 1}: ${why}. The journal records an apply that was interrupted; without it the state may miss objects that apply created. Keep the file for inspection.`,
      }),
    ],
  });
  const first = lines[0];
  if (first === undefined) return damaged(0, 'the file is empty');
  const header = headerSchema.safeParse(tryJson(first));
  if (!header.success) return damaged(0, `the header is not a journal header of format version ${READABLE_JOURNAL_VERSIONS.join(' or ')}`);
  const entries: JournalEntry[] = [];
  for (let i = 1; i < lines.length; i++) {
    const parsed = entrySchema.safeParse(tryJson(lines[i] as string));
    const entry = parsed.success ? decodeEntry(parsed.data) : undefined;
    if (!entry) {
      if (i === lines.length - 1) break;
      return damaged(i, 'the entry cannot be read');
    }
    entries.push(entry);
  }
  return { journal: { header: { lineage: header.data.lineage, baseSerial: header.data.base_serial }, entries }, diagnostics: [] };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function address(text: string): ResourceAddress | undefined {
  return parseAddress(text).address;
}

function decodeEntry(raw: z.infer<typeof entrySchema>): JournalEntry | undefined {
  switch (raw.kind) {
    case 'intent': {
      const at = address(raw.address);
      if (!at || (raw.deposed_id !== undefined && raw.action !== 'delete')) return undefined;
      const intent: PendingIntent = {
        intentId: raw.intent_id,
        address: at,
        action: raw.action,
        startedAt: raw.started_at,
        ...(raw.object_hint !== undefined ? { objectHint: raw.object_hint as JsonObject } : {}),
        ...(raw.deposed_id !== undefined ? { deposedId: raw.deposed_id } : {}),
      };
      return { kind: 'intent', intent };
    }
    case 'set': {
      const at = address(raw.address);
      const dependencies = raw.dependencies.map(address);
      if (!at || dependencies.some((d) => d === undefined)) return undefined;
      const instance: Omit<InstanceState, 'key'> = {
        id: raw.id,
        attributes: raw.attributes as JsonObject,
        sensitivePaths: raw.sensitive_paths,
        dependencies: dependencies as ResourceAddress[],
        ...(raw.private !== undefined ? { private: raw.private } : {}),
      };
      const deposes = raw.deposes === undefined ? undefined : { intentId: raw.deposes.intent_id, objectId: raw.deposes.object_id, startedAt: raw.deposes.started_at };
      return { kind: 'set', address: at, instance, ...(raw.resolves !== undefined ? { resolves: raw.resolves } : {}), ...(deposes !== undefined ? { deposes } : {}) };
    }
    case 'remove': {
      const at = address(raw.address);
      return at ? { kind: 'remove', address: at, ...(raw.resolves !== undefined ? { resolves: raw.resolves } : {}) } : undefined;
    }
    case 'resolve':
      return { kind: 'resolve', intentId: raw.intent_id };
  }
}

/** Applies one entry to a working state. */
export function applyEntry(working: WorkingState, entry: JournalEntry): void {
  switch (entry.kind) {
    case 'intent':
      working.addPending(entry.intent);
      return;
    case 'set':
      working.set(entry.address, entry.instance);
      if (entry.resolves !== undefined) working.resolvePending(entry.resolves);
      if (entry.deposes !== undefined) working.addPending(deposedIntent(entry.address, entry.deposes));
      return;
    case 'remove':
      working.remove(entry.address);
      if (entry.resolves !== undefined) working.resolvePending(entry.resolves);
      return;
    case 'resolve':
      working.resolvePending(entry.intentId);
      return;
    default: {
      const unreachable: never = entry;
      throw new Error(`unknown journal entry ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Whether a journal belongs on top of `state`: same lineage, and based on its serial or on
 * the one before (a checkpoint stored the state but was killed before rotating the journal).
 * Any other journal is stale: a later write already contains it.
 */
export function journalApplies(header: JournalHeader, state: State): boolean {
  return header.lineage === state.lineage && (header.baseSerial === state.serial || header.baseSerial === state.serial - 1);
}

/**
 * `state` as a journal on top of it sees it: a state never written (serial 0) takes the
 * journal's lineage when the journal, too, started on a state never written — the first
 * apply into an empty store may be killed before its first state write.
 */
export function adoptJournalLineage(state: State, header: JournalHeader): State {
  return state.serial === 0 && header.baseSerial === 0 && state.resources.length === 0 && state.pending.length === 0 && state.lineage !== header.lineage
    ? { ...state, lineage: header.lineage }
    : state;
}

/** `state` with the journal's entries applied, when the journal applies to it. */
export function replayJournal(prior: State, journal: ParsedJournal): { state: State; replayed: number } {
  const state = adoptJournalLineage(prior, journal.header);
  if (!journalApplies(journal.header, state) || journal.entries.length === 0) return { state: prior, replayed: 0 };
  const working = new WorkingState(state);
  for (const entry of journal.entries) applyEntry(working, entry);
  return { state: working.toState(), replayed: journal.entries.length };
}
