import { errorDiag, type Diagnostic } from '../diag/index.js';
import type { OutputState, State, StateStore } from '../state/index.js';
import { Journal, type JournalStorage } from './journal.js';
import { adoptJournalLineage, applyEntry, journalApplies, parseJournal, type JournalEntry, type ParsedJournal } from './journal-format.js';
import type { CheckpointPolicy } from './types.js';
import { WorkingState } from './working-state.js';

export const DEFAULT_CHECKPOINT: CheckpointPolicy = { changes: 1000, intervalMs: 30_000 };

/**
 * Persists an apply as it goes. Every intent and result goes to the journal before the
 * caller goes on (an intent before its backend call), so a killed process leaves the stored
 * state plus the journal, which `readStateWithJournal` folds back together. Now and then,
 * and at the end, the whole state is written to the store (compare-and-swap on the serial)
 * and the journal starts over on the new serial: a fold costs O(state), and a fold happens
 * only after at least as many results as the previous fold wrote instances (and at least
 * `policy.changes`), so the folds of an apply cost O(changes + state) in total.
 *
 * After a failed write every `record` reports the failure: the caller must stop.
 */
export class ApplyRecorder {
  private resultsSinceFold = 0;
  /** Instances in the state the last fold wrote: the next fold waits for as many results. */
  private foldedSize = 0;
  private lastFoldAt: number;
  private lastFoldMs = 0;
  private folding: Promise<void> | undefined;
  private failure: Diagnostic[] | undefined;

  private constructor(
    private readonly store: StateStore,
    private readonly journal: Journal,
    private readonly working: WorkingState,
    private readonly policy: CheckpointPolicy,
    private readonly clock: () => number,
  ) {
    this.lastFoldAt = clock();
    this.foldedSize = working.size;
  }

  /**
   * Starts journalling on top of `prior`. A journal left by an interrupted apply is replayed
   * (harmless when the caller already did: entries are idempotent) and folded into the state
   * first, so that starting the new journal loses nothing.
   */
  static async open(store: StateStore, storage: JournalStorage, prior: State, policy: CheckpointPolicy, clock: () => number): Promise<{ recorder?: ApplyRecorder; diagnostics: Diagnostic[] }> {
    let leftover: ParsedJournal | undefined;
    try {
      const text = await storage.read();
      if (text !== undefined) {
        const parsed = parseJournal(text, storage.location);
        if (!parsed.journal) return { diagnostics: parsed.diagnostics };
        leftover = parsed.journal;
      }
    } catch (error) {
      return { diagnostics: [ioDiag(storage.location, 'read', error)] };
    }
    const base = leftover ? adoptJournalLineage(prior, leftover.header) : prior;
    const working = new WorkingState(base);
    const journal = new Journal(storage);
    const recorder = new ApplyRecorder(store, journal, working, policy, clock);
    if (leftover && journalApplies(leftover.header, base) && leftover.entries.length > 0) {
      for (const entry of leftover.entries) applyEntry(working, entry);
      const folded = await recorder.writeState();
      if (folded.length > 0) return { diagnostics: folded };
    }
    try {
      await journal.start({ lineage: working.lineage, baseSerial: working.serial });
    } catch (error) {
      return { diagnostics: [ioDiag(storage.location, 'start', error)] };
    }
    return { recorder, diagnostics: [] };
  }

  get state(): WorkingState {
    return this.working;
  }

  /** The failure that stopped persistence, if any. */
  get failed(): readonly Diagnostic[] | undefined {
    return this.failure;
  }

  /**
   * Applies `entry` to the working state and journals it. An entry that registers an intent
   * (an intent, or a `set` that deposes an old object) resolves once it is durable against a
   * killed process, so that the backend call it announces may start. A plain result resolves
   * at once: the journal keeps entries in order, so it is durable by the time any later
   * intent is — in particular before a dependent's call can use it. Returns the diagnostics
   * of a failed write (then and forever after).
   */
  async record(entry: JournalEntry): Promise<readonly Diagnostic[]> {
    if (this.failure) return this.failure;
    applyEntry(this.working, entry);
    const written = this.journal.record(entry).catch((error: unknown) => {
      this.failure ??= [ioDiag(this.journal.location, 'write', error)];
    });
    if (entry.kind === 'intent') {
      await written;
      return this.failure ?? [];
    }
    if (entry.kind === 'set' && entry.deposes !== undefined) await written;
    this.resultsSinceFold++;
    this.maybeFold();
    return this.failure ?? [];
  }

  private maybeFold(): void {
    if (this.folding || this.failure) return;
    const bySize = this.resultsSinceFold >= Math.max(this.policy.changes, this.foldedSize);
    const byTime = this.clock() - this.lastFoldAt >= Math.max(this.policy.intervalMs, 10 * this.lastFoldMs);
    if (!bySize && !byTime) return;
    this.folding = this.fold().finally(() => {
      this.folding = undefined;
    });
  }

  /** Stores the working state and restarts the journal on the new serial. */
  private async fold(): Promise<void> {
    const problems = await this.writeState();
    if (problems.length > 0) {
      this.failure ??= problems;
      return;
    }
    try {
      await this.journal.rotate({ lineage: this.working.lineage, baseSerial: this.working.serial });
    } catch (error) {
      this.failure ??= [ioDiag(this.journal.location, 'rotate', error)];
    }
  }

  /** Writes a snapshot of the working state; entries recorded from here on are carried over. */
  private async writeState(): Promise<Diagnostic[]> {
    const started = this.clock();
    const snapshot = this.working.toState();
    this.journal.mark();
    this.resultsSinceFold = 0;
    this.foldedSize = this.working.size;
    const written = await this.store.write(snapshot, { expectSerial: this.working.serial });
    if (written.kind === 'error') return written.diagnostics;
    this.working.serial = written.serial;
    this.lastFoldAt = this.clock();
    this.lastFoldMs = this.lastFoldAt - started;
    return [];
  }

  /**
   * Ends the apply: the final state (with `outputs` when given) is stored and the journal
   * removed. When the write fails the journal is kept and flushed: it still holds the results.
   */
  async finish(outputs?: (state: State) => Readonly<Record<string, OutputState>>): Promise<{ state: State; diagnostics: Diagnostic[] }> {
    while (this.folding) await this.folding;
    // Results are journalled without waiting: let the last of them reach the journal.
    await this.journal.sync().catch((error: unknown) => {
      this.failure ??= [ioDiag(this.journal.location, 'write', error)];
    });
    if (outputs) this.working.setOutputs(outputs(this.working.toState()));
    const diagnostics: Diagnostic[] = [...(this.failure ?? [])];
    if (!this.failure) {
      const problems = await this.writeState();
      diagnostics.push(...problems);
      if (problems.length === 0) {
        try {
          await this.journal.remove();
        } catch (error) {
          diagnostics.push(ioDiag(this.journal.location, 'remove', error));
        }
        return { state: this.working.toState(), diagnostics };
      }
    }
    await this.journal.sync().catch(() => undefined);
    return { state: this.working.toState(), diagnostics };
  }
}

function ioDiag(location: string, action: string, error: unknown): Diagnostic {
  return errorDiag('apply.journal-io', `Cannot ${action} the apply journal ${location}`, {
    detail: `${error instanceof Error ? error.message : String(error)}. Nothing new was started after this error; the changes made so far are recorded in the state or in the journal.`,
  });
}
