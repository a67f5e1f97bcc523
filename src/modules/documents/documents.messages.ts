import type { Messages } from '../../core/i18n/types.ts';

/** Texts of the documents module. Dutch at B1 level first. */
export const documentsMessages = {} satisfies Messages;
