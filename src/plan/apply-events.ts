import type { ResourceAddress } from '../addr/index.js';
import type { ChangeAction } from './types.js';

/**
 * Why a change failed: the backend's status and code and a message naming the field. A
 * provider's `ProviderError` is one.
 */
export interface ChangeError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

/**
 * What the executor reports while applying. Views (text log, Ink progress, JSON lines)
 * subscribe; the executor itself never prints. Defined beside the Plan model, which both the
 * executor and the views import. A closed union discriminated by `kind`. A change's events
 * carry `deposed` when it deletes a deposed object (`ResourceChange.deposed`): `changeKey`
 * of the event names the change.
 */
export type ApplyEvent =
  | { readonly kind: 'apply_start'; readonly total: number; readonly at: number }
  | { readonly kind: 'change_start'; readonly address: ResourceAddress; readonly action: ChangeAction; readonly deposed?: string; readonly at: number }
  | {
      readonly kind: 'change_done';
      readonly address: ResourceAddress;
      readonly action: ChangeAction;
      readonly deposed?: string;
      readonly id?: string;
      readonly elapsedMs: number;
      readonly at: number;
    }
  | {
      readonly kind: 'change_failed';
      readonly address: ResourceAddress;
      readonly action: ChangeAction;
      readonly deposed?: string;
      readonly error: ChangeError;
      readonly at: number;
    }
  | {
      readonly kind: 'change_skipped';
      readonly address: ResourceAddress;
      readonly action: ChangeAction;
      readonly deposed?: string;
      /** The failed change this one depended on. */
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

export type ApplyEventListener = (event: ApplyEvent) => void;
