/** The executor's event stream; the union lives beside the Plan model so that views can read it. */
export type { ApplyEvent, ApplyEventListener, ChangeError } from '../plan/apply-events.js';
