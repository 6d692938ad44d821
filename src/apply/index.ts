/**
 * Apply: the executor that carries a plan out against a provider, its typed event stream,
 * and the journal that makes an interrupted apply recoverable.
 */
export type { ApplyEvent, ApplyEventListener } from './events.js';
export { applyPlan } from './executor.js';
export type { AfterResolver, AppliedInstance, AppliedLookup, ApplyInput, ApplyOptions, ApplyOutcome, ApplyResult, CheckpointPolicy, ResolveResult } from './types.js';
export { buildOperationGraph, operationKey, type Operation, type OperationGraph, type OperationKind } from './operations.js';
export { referenceResolver, defaultObjectHint, type UnknownReference } from './resolve.js';
export { Journal, MemoryJournalStorage, type JournalStorage } from './journal.js';
export { fileJournalStorage, journalPathOf, type FileJournalOptions } from './file-journal.js';
export { readStateWithJournal } from './read-state.js';
export { JOURNAL_FORMAT_VERSION, parseJournal, replayJournal, encodeEntry, type JournalEntry, type JournalHeader, type ParsedJournal } from './journal-format.js';
export { WorkingState } from './working-state.js';
export { applyInputFromPlan, resolvedOutputs, type ResolvedOutputs } from './from-plan.js';
