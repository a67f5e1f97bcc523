import type { Messages } from '../../core/i18n/types.ts';

/** Texts of the meetings module. Dutch at B1 level first. */
export const meetingsMessages = {} satisfies Messages;
