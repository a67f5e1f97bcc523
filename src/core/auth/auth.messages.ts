import type { Messages } from '../i18n/types.ts';

export const authMessages = {} satisfies Messages;
