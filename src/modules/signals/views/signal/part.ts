import type { PageCtx } from '../../../../ui/context.ts';
import type { FieldErrors, FormValues } from '../../../../core/http/forms.ts';
import type { SignalDetail } from '../../signals.queries.ts';

/** What each part of the signal page gets: the signal as read for this actor, and the form state. */
export type SignalPart = {
  ctx: PageCtx;
  detail: SignalDetail;
  errors?: FieldErrors;
  /** Posted values to show again after an error. */
  v: FormValues;
  /** The signal's workspace address. */
  path: string;
  /** The signals list's address. */
  list: string;
  councilSlug: string;
};
