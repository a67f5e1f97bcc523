import type { Messages } from '../../core/i18n/types.ts';

export const registerMessages = {} satisfies Messages;
