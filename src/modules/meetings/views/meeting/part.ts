import type { PageCtx } from '../../../../ui/context.ts';
import type { FieldErrors, FormValues } from '../../../../core/http/forms.ts';
import type { MeetingDetail } from '../../meetings.queries.ts';

/** What each part of the meeting page gets: the meeting as read for this actor, and the form state. */
export type MeetingPart = {
  ctx: PageCtx;
  detail: MeetingDetail;
  errors?: FieldErrors;
  /** Posted values to show again after an error. */
  v: FormValues;
  /** The meeting's workspace address. */
  path: string;
  /** The meetings list's address. */
  list: string;
  councilSlug: string;
};
