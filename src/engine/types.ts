import type { ResourceAddress } from '../addr/index.js';
import type { JournalStorage } from '../apply/index.js';
import type { Catalog } from '../backend/policy/index.js';
import type { ConfigReader, VariableArg } from '../config/index.js';
import type { Diagnostic, SourceRange } from '../diag/index.js';
import type { PlanMode } from '../plan/index.js';
import type { Provider } from '../provider/index.js';
import type { StateStore } from '../state/index.js';

/**
 * Where the IAM backend is, as the config's `provider "iam"` block says (defaults applied by
 * the host). `path` is as written, relative to the config directory unless absolute.
 */
export interface ProviderSettings {
  readonly backend: 'embedded' | 'http';
  readonly path?: string;
  readonly domain?: string;
  readonly endpoint?: string;
  /** The provider block, for diagnostics about it. */
  readonly range?: SourceRange;
}

/** The state store and its apply journal, for the state location the config names. */
export interface StateAccess {
  readonly store: StateStore;
  readonly journal: JournalStorage;
  /** How messages name the state, e.g. `state/default.iamstate.json`. */
  readonly displayPath: string;
}

/**
 * Seals values that must not be stored in plain text (an access key's secret in a sensitive
 * output). `open` returns undefined for a value sealed with another key.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string | undefined;
}

/**
 * Everything the engine reaches outside itself, injected in one object so that the engine
 * runs the same under the CLI, in tests (memory stores and providers) and as a library.
 * Every method reports user-facing trouble as diagnostics; none throws for it.
 */
export interface EngineHost {
  /** The config directory. */
  readonly reader: ConfigReader;
  /** The environment, for `IAMFORM_VAR_<name>`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The state store for `iamform { state "local" { path } }` (undefined: the default path). */
  openState(configuredPath: string | undefined): { readonly access?: StateAccess; readonly diagnostics: Diagnostic[] };
  /** Opens the provider for the backend the config names. Embedded backends are created on first use. */
  openProvider(settings: ProviderSettings): { readonly provider?: Provider; readonly diagnostics: Diagnostic[] };
  readonly catalog: Catalog;
  /** A collision-resistant digest of text (SHA-256 hex), for the config hash of saved plans. */
  readonly hash: (text: string) => string;
  /** Seals secrets kept in state; without it, secrets are shown once and never kept. */
  readonly secrets?: SecretBox;
  /** Milliseconds since the epoch; default `Date.now`. */
  readonly clock?: () => number;
}

/** What to plan, as the shared plan and apply flags say. */
export interface PlanRequest {
  readonly vars?: readonly VariableArg[];
  readonly mode?: PlanMode;
  readonly targets?: readonly ResourceAddress[];
  readonly replace?: readonly ResourceAddress[];
  /** `--refresh=false`: state stands for the backend. */
  readonly refresh?: boolean;
}

/** How long to wait for another holder of the state lock; 0 fails at once. */
export interface LockRequest {
  readonly operation: string;
  readonly timeoutMs: number;
}
