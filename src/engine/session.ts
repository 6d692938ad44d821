import { errorDiag, hasErrors, type Diagnostic } from '../diag/index.js';
import { applyPlan, readStateWithJournal, type ApplyEventListener, type ApplyResult } from '../apply/index.js';
import type { VariableArg } from '../config/index.js';
import type { ApplyPlan, Plan, RefreshedObjects } from '../plan/index.js';
import type { Provider } from '../provider/index.js';
import { writeOnlyPaths } from '../schema/index.js';
import type { Lock, State } from '../state/index.js';
import { applyInputOf } from './apply-input.js';
import { refreshKinds } from './refresh.js';
import { settleSealedOutputs } from './sealed-outputs.js';
import type { EngineHost, LockRequest, PlanRequest, StateAccess } from './types.js';
import { loadWorkspace, planWorkspace, type Workspace } from './workspace.js';

export interface PlanOutcome {
  /** Absent when errors prevent planning; the diagnostics say why. */
  readonly plan?: Plan;
  readonly applyPlan?: ApplyPlan;
  readonly diagnostics: Diagnostic[];
}

export interface ApplyRequest {
  /** Most provider calls in flight at once; default 10. */
  readonly parallelism?: number;
  readonly onEvent?: ApplyEventListener;
  readonly shouldStop?: () => boolean;
}

/**
 * One run of the engine over a config directory: load, lock, read state, refresh, plan,
 * apply, in that order, each step reporting trouble as diagnostics. The state lock, once
 * taken, is held until `close`, which every caller must reach (it also closes the provider).
 */
export class Session {
  private access: StateAccess | undefined;
  private provider: Provider | undefined;
  private lock: Lock | undefined;
  private state: State | undefined;

  private constructor(
    readonly host: EngineHost,
    readonly workspace: Workspace,
  ) {}

  /**
   * Loads the config (settings and variables; the planner evaluates resources); check
   * `workspace.diagnostics` before going on.
   */
  static open(host: EngineHost, vars: readonly VariableArg[] = []): Session {
    return new Session(host, loadWorkspace(host, vars, true));
  }

  private stateAccess(): { access?: StateAccess; diagnostics: Diagnostic[] } {
    if (this.access) return { access: this.access, diagnostics: [] };
    const opened = this.host.openState(this.workspace.statePath);
    if (opened.access) this.access = opened.access;
    return opened;
  }

  /** Takes the state lock for `operation`, waiting up to `timeoutMs` for another holder. */
  async acquireLock(request: LockRequest): Promise<Diagnostic[]> {
    const { access, diagnostics } = this.stateAccess();
    if (!access) return diagnostics;
    const result = await access.store.lock({ operation: request.operation, timeoutMs: request.timeoutMs });
    if (result.kind === 'error') return result.diagnostics;
    this.lock = result.lock;
    return [];
  }

  /** The stored state with any leftover apply journal replayed; read once per session. */
  async readState(): Promise<{ state?: State; persisted?: boolean; diagnostics: Diagnostic[] }> {
    const { access, diagnostics } = this.stateAccess();
    if (!access) return { diagnostics };
    const read = await readStateWithJournal(access.store, access.journal);
    if (read.kind === 'error') return { diagnostics: read.diagnostics };
    this.state = read.state;
    return { state: read.state, persisted: read.persisted, diagnostics: [] };
  }

  private openProvider(): { provider?: Provider; diagnostics: Diagnostic[] } {
    if (this.provider) return { provider: this.provider, diagnostics: [] };
    const opened = this.host.openProvider(this.workspace.provider);
    if (opened.provider) this.provider = opened.provider;
    return opened;
  }

  /** Bulk refresh: one list call per kind the config or state uses, never one per object. */
  async refresh(state: State, request: PlanRequest): Promise<{ refreshed?: RefreshedObjects; diagnostics: Diagnostic[] }> {
    const kinds = refreshKinds(this.workspace.config, state, request.refresh !== false);
    if (kinds.length === 0) return { refreshed: new Map(), diagnostics: [] };
    const { provider, diagnostics } = this.openProvider();
    if (!provider) return { diagnostics };
    const listed = await provider.refresh(kinds);
    if (!listed.ok) {
      return { diagnostics: [errorDiag('engine.refresh', 'Cannot read the IAM backend', { detail: `${listed.error.code}: ${listed.error.message}` })] };
    }
    return { refreshed: listed.value, diagnostics: [] };
  }

  /** Reads state (unless given), refreshes and plans. The caller holds the lock it needs. */
  async plan(request: PlanRequest, given?: State): Promise<PlanOutcome> {
    const diagnostics = [...this.workspace.diagnostics];
    if (hasErrors(diagnostics)) return { diagnostics };
    let state = given ?? this.state;
    if (state === undefined) {
      const read = await this.readState();
      if (!read.state) return { diagnostics: [...diagnostics, ...read.diagnostics] };
      state = read.state;
    }
    const refreshed = await this.refresh(state, request);
    if (!refreshed.refreshed) return { diagnostics: [...diagnostics, ...refreshed.diagnostics] };
    const result = planWorkspace(this.host, this.workspace, state, refreshed.refreshed, {
      mode: request.mode ?? 'normal',
      targets: request.targets ?? [],
      replace: request.replace ?? [],
      refresh: request.refresh !== false,
    });
    const applyPlan = result.applyPlan ? settleSealedOutputs(this.workspace.config, result.applyPlan) : undefined;
    return {
      ...(applyPlan ? { plan: applyPlan.plan, applyPlan } : result.plan ? { plan: result.plan } : {}),
      diagnostics: [...diagnostics.filter((d) => !result.diagnostics.includes(d)), ...result.diagnostics],
    };
  }

  /** Carries a plan out; the caller holds the lock. State is persisted after every change. */
  async apply(plan: ApplyPlan, request: ApplyRequest = {}): Promise<ApplyResult | { diagnostics: Diagnostic[] }> {
    const { access, diagnostics } = this.stateAccess();
    if (!access) return { diagnostics };
    const opened = this.openProvider();
    if (!opened.provider) return { diagnostics: opened.diagnostics };
    return applyPlan(applyInputOf(plan, this.host.secrets), {
      provider: opened.provider,
      stateStore: access.store,
      journal: access.journal,
      ...(request.parallelism !== undefined ? { parallelism: request.parallelism } : {}),
      ...(request.onEvent ? { onEvent: request.onEvent } : {}),
      ...(request.shouldStop ? { shouldStop: request.shouldStop } : {}),
      ...(this.host.clock ? { clock: this.host.clock } : {}),
      writeOnly: (address) => writeOnlyPaths(address.type, address.mode),
    });
  }

  /** Releases the lock and closes the provider; safe to call twice. */
  async close(): Promise<Diagnostic[]> {
    const problems: Diagnostic[] = [];
    if (this.lock && this.access) {
      problems.push(...(await this.access.store.unlock(this.lock.id)));
      this.lock = undefined;
    }
    if (this.provider) {
      await this.provider.close();
      this.provider = undefined;
    }
    return problems;
  }
}
