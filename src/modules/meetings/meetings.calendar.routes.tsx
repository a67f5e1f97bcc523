import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import crypto from 'node:crypto';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { attachmentDisposition } from '../../core/files/sniff.ts';
import { domainErrors } from '../../core/http/forms.ts';
import { pageProps } from '../../core/http/page-routes.ts';
import * as calendar from './meetings.calendar.ts';
import { meetingPacket } from './meetings.packet.ts';
import { CalendarPage, type CalendarNotice } from './views/calendar.tsx';
import { PacketStatePage } from './views/packet.tsx';

const WS = '/:council/werkruimte';
const ICS = 'text/calendar; charset=utf-8';

/** Sends a feed with an ETag, so polling calendar apps get a 304 when nothing changed. */
function sendIcs(req: FastifyRequest, reply: FastifyReply, body: string, cacheControl: string, filename: string) {
  // DTSTAMP changes on every render; the ETag is of the content without it.
  const etag = `"${crypto
    .createHash('sha1')
    .update(body.replace(/^DTSTAMP:.*$/gm, ''))
    .digest('base64url')}"`;
  reply.header('etag', etag).header('cache-control', cacheControl).header('x-content-type-options', 'nosniff');
  if (req.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type(ICS).header('content-disposition', `inline; filename="${filename}"`).send(body);
}

/** The calendar feeds, the workspace page where a member manages their private feed link, and the meeting packet. */
export async function meetingsCalendarRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const site = () => deps.config.baseUrl.replace(/\/$/, '');

  // Public: anonymous, no cookies needed; calendar apps may cache it for a few minutes.
  app.get('/:council/agenda.ics', async (req, reply) => {
    const council = councilOf(req);
    const body = await calendar.publicFeed(deps, council, req.t);
    return sendIcs(req, reply, body, 'public, max-age=300', `${council.slug}.ics`);
  });

  // Private: the secret in the URL is the only credential; the log never shows it (see logSafeUrl).
  app.get('/:council/agenda/:token.ics', async (req, reply) => {
    const council = councilOf(req);
    const body = await calendar.memberFeed(deps, council, (req.params as { token: string }).token, req.t);
    reply.header('referrer-policy', 'no-referrer');
    return sendIcs(req, reply, body, 'private, no-cache', `${council.slug}-leden.ics`);
  });

  const subscribe = { preHandler: requireRight('calendar.subscribe') };
  const page = async (req: FastifyRequest, extra: { created?: string; notice?: CalendarNotice; errors?: Record<string, string> } = {}) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const state = await calendar.feedLinkState(deps, { actor, council });
    return <CalendarPage {...(await pageProps(req))} state={state} site={site()} {...extra} />;
  };

  app.get(`${WS}/agenda`, subscribe, async (req, reply) => {
    const melding = (req.query as Record<string, unknown>)?.melding;
    reply.header('cache-control', 'no-store');
    return reply.page(await page(req, { notice: melding === 'ingetrokken' ? 'revoked' : undefined }));
  });

  // The new link is shown in the answer to this POST, once: it is never stored in plain.
  app.post(`${WS}/agenda`, subscribe, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    try {
      const { token } = await calendar.createFeedLink(deps, { actor, council });
      reply.header('cache-control', 'no-store');
      return reply.page(await page(req, { created: token }), 201);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return reply.page(await page(req, { errors }), 409);
      throw err;
    }
  });

  app.post(`${WS}/agenda/intrekken`, subscribe, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    try {
      await calendar.revokeFeedLink(deps, { actor, council });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return reply.page(await page(req, { errors }), 409);
      throw err;
    }
    return reply.redirect(`/${council.slug}/werkruimte/agenda?melding=ingetrokken`, 303);
  });

  // The packet is made for the reader: what they may see, nothing more. Never cached. It is built in
  // the background; while it is being made (or when it could not be made) a page says so.
  app.get(`${WS}/vergaderingen/:id/vergaderstukken.pdf`, { preHandler: requireRight('meetings.view') }, async (req, reply) => {
    const council = councilOf(req);
    const packet = await meetingPacket(deps, { actor: actorOf(req), council, meetingId: (req.params as { id: string }).id, t: req.t, locale: req.locale });
    reply.header('cache-control', 'private, no-store');
    if (packet.status !== 'done') {
      if (packet.status === 'building') reply.header('retry-after', '30');
      const page = <PacketStatePage ctx={await req.pageCtx()} council={council} actor={actorOf(req)!} meetingId={packet.meetingId} state={packet.status} />;
      return reply.page(page, packet.status === 'building' ? 202 : 422);
    }
    return reply.header('content-disposition', attachmentDisposition(packet.fileName)).header('x-content-type-options', 'nosniff').type('application/pdf').send(packet.bytes);
  });
}
