import type { ResourceAddress } from '../addr/index.js';
import type { ChangeAction } from '../plan/types.js';

/**
 * The apply events the views read, stated structurally: `render` may not import `apply`, and
 * every `ApplyEvent` of `src/apply/events.ts` is assignable to this union (a test pins it).
 * Closed, discriminated by `kind`.
 */
export type ApplyLogEvent =
  | { readonly kind: 'apply_start'; readonly total: number; readonly at: number }
  | { readonly kind: 'change_start'; readonly address: ResourceAddress; readonly action: ChangeAction; readonly at: number }
  | {
      readonly kind: 'change_done';
      readonly address: ResourceAddress;
      readonly action: ChangeAction;
      readonly id?: string;
      readonly elapsedMs: number;
      readonly at: number;
    }
  | {
      readonly kind: 'change_failed';
      readonly address: ResourceAddress;
      readonly action: ChangeAction;
      readonly error: { readonly status: number; readonly code: string; readonly message: string; readonly field?: string };
      readonly at: number;
    }
  | {
      readonly kind: 'change_skipped';
      readonly address: ResourceAddress;
      readonly action: ChangeAction;
      readonly cause: ResourceAddress;
      readonly at: number;
    }
  | {
      readonly kind: 'apply_done';
      readonly added: number;
      readonly changed: number;
      readonly destroyed: number;
      readonly failed: number;
      readonly skipped: number;
      readonly at: number;
    };
