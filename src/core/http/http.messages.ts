/** Texts of the input layer, the error pages and the outbox view added with issue 17 (registered on import). */
import { registerMessages, type Message } from '../i18n/index.ts';
import httpMessages from './http.messages.json' with { type: 'json' };

registerMessages(httpMessages);
declare module '../i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof httpMessages, Message> {}
}
