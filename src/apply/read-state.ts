import { errorDiag } from '../diag/index.js';
import type { StateResult, StateStore } from '../state/index.js';
import type { JournalStorage } from './journal.js';
import { parseJournal, replayJournal } from './journal-format.js';

/**
 * Reads state as every command must see it after an interrupted apply: the stored state with
 * the apply journal beside it replayed on top (results recorded, intents still pending). A
 * journal that does not belong to the stored state (another lineage, or already folded into
 * a later write) is ignored. Nothing is written.
 */
export async function readStateWithJournal(store: StateStore, journal: JournalStorage): Promise<StateResult & { readonly replayed?: number }> {
  const read = await store.read();
  if (read.kind === 'error') return read;
  let text: string | undefined;
  try {
    text = await journal.read();
  } catch (error) {
    return {
      kind: 'error',
      diagnostics: [errorDiag('apply.journal-io', `Cannot read the apply journal ${journal.location}`, { detail: error instanceof Error ? error.message : String(error) })],
    };
  }
  if (text === undefined) return read;
  const parsed = parseJournal(text, journal.location);
  if (!parsed.journal) return { kind: 'error', diagnostics: parsed.diagnostics };
  const { state, replayed } = replayJournal(read.state, parsed.journal);
  return { kind: 'ok', state, persisted: read.persisted || replayed > 0, replayed };
}
