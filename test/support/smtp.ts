/**
 * A real SMTP server on 127.0.0.1 for tests: point SMTP_URL at `url` and read what the
 * app sent from `messages`, or wait for one with `waitFor`.
 *
 *   const smtp = await startSmtpServer();
 *   const app = await buildApp({ config: testConfig({ SMTP_URL: smtp.url }), database });
 *   const mail = await smtp.waitFor((m) => m.to.includes('piet@example.nl'));
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  /** Envelope recipients (RCPT TO), lower case. */
  to: string[];
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Decoded Subject header. */
  subject: string;
  /** Decoded text/plain part (or the text/html part when there is no plain text). */
  body: string;
  /** Decoded text/html part, if any. */
  html: string | undefined;
  /** Headers of the message, names in lower case. */
  headers: Record<string, string>;
  /** Decoded parts other than the mail text: attachments and calendar parts (text/calendar). */
  attachments: { contentType: string; filename: string | undefined; content: string }[];
  raw: string;
};

export type TestSmtp = {
  url: string;
  messages: ReceivedMail[];
  /** Resolves with the first message (already received or arriving later) that matches. */
  waitFor(predicate: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
};

export async function startSmtpServer(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 2000,
    banner: 'raadwerk test smtp',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = session.envelope;
        messages.push({
          ...parseMessage(raw),
          to: envelope.rcptTo.map((a) => a.address.toLowerCase()),
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          raw,
        });
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(found);
          return true;
        };
        const wake = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          const seen = messages.map((m) => `  - to ${m.to.join(', ')}: ${m.subject}`).join('\n') || '  (none)';
          reject(new Error(`No matching e-mail arrived within ${timeoutMs} ms. Received:\n${seen}`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ------------------------------------------------------------ minimal MIME parsing

type Part = { headers: Record<string, string>; body: string };

function splitHeaders(raw: string): Part {
  const text = raw.replace(/\r\n/g, '\n');
  const end = text.indexOf('\n\n');
  const head = end === -1 ? text : text.slice(0, end);
  const body = end === -1 ? '' : text.slice(end + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** RFC 2047 encoded words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=). */
export function decodeWords(value: string): string {
  return value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, enc: string, text: string) => {
    const bytes =
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          );
    return new TextDecoder(charset.toLowerCase() === 'us-ascii' ? 'utf-8' : charset).decode(bytes);
  });
}

function decodeBody(part: Part): string {
  const enc = (part.headers['content-transfer-encoding'] ?? '').toLowerCase();
  const charset = /charset="?([^";\s]+)"?/i.exec(part.headers['content-type'] ?? '')?.[1] ?? 'utf-8';
  let bytes: Buffer;
  if (enc === 'base64') bytes = Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  else if (enc === 'quoted-printable') {
    bytes = Buffer.from(
      part.body.replace(/=\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    );
  } else bytes = Buffer.from(part.body, 'utf8');
  return new TextDecoder(charset).decode(bytes);
}

function leafParts(part: Part): Part[] {
  const type = part.headers['content-type'] ?? 'text/plain';
  const boundary = /^multipart\//i.test(type) ? /boundary="?([^";]+)"?/i.exec(type)?.[1] : undefined;
  if (!boundary) return [part];
  const sections = part.body.split(`--${boundary}`);
  // sections[0] is the preamble; the section after the closing `--boundary--` starts with "--".
  return (
    sections
      .slice(1)
      .filter((s) => !s.startsWith('--'))
      // The line break before a boundary belongs to the boundary.
      .flatMap((s) => leafParts(splitHeaders(s.replace(/^\r?\n/, '').replace(/\r?\n$/, ''))))
  );
}

function parseMessage(raw: string): Omit<ReceivedMail, 'to' | 'from' | 'raw'> {
  const top = splitHeaders(raw);
  const leaves = leafParts(top);
  const ofType = (t: string) => leaves.find((p) => (p.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(t));
  const text = ofType('text/plain');
  const html = ofType('text/html');
  const headers = Object.fromEntries(Object.entries(top.headers).map(([k, v]) => [k, decodeWords(v)]));
  const attachments = leaves
    .filter((p) => p !== text && p !== html)
    .map((p) => ({
      contentType: p.headers['content-type'] ?? 'application/octet-stream',
      filename: /filename="?([^";]+)"?/i.exec(`${p.headers['content-disposition'] ?? ''}; ${p.headers['content-type'] ?? ''}`)?.[1],
      content: decodeBody(p),
    }));
  return {
    attachments,
    subject: headers.subject ?? '',
    body: text ? decodeBody(text) : html ? decodeBody(html) : '',
    html: html ? decodeBody(html) : undefined,
    headers,
  };
}
