import type { Messages } from '../../core/i18n/types.ts';

/** Texts of the signals module. Dutch at B1 level first. */
export const signalsMessages = {} satisfies Messages;
