/**
 * The board's page of signals that wait beyond the hourly budget (signals.intake.held.ts): let
 * the chosen ones into the list, or remove them. The waiting submissions carry contact details,
 * so the page is for the organisation's own board only (`signals.contact`), never a platform admin.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { noticeOf } from '../../core/http/forms.ts';
import { isUuid } from '../../core/http/values.ts';
import { councilOf } from '../../core/tenancy.ts';
import { decideHeldSignals, heldSignalsPath, listHeldSignals, SIGNAL_QUEUE } from './signals.intake.held.ts';
import { DiscardHeldPage, HeldSignalsPage } from './views/held.tsx';

const notices = { doorgelaten: 'signals.intake.held.released', verwijderd: 'signals.intake.held.discarded' } as const;

/** The chosen ids from the posted checkboxes or the address (one value or several); anything else is left out. */
function chosenIds(fields: unknown): string[] {
  const v = (fields as Record<string, unknown> | undefined)?.ids;
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is string => typeof x === 'string' && isUuid(x)).slice(0, 100);
}

export async function signalsHeldRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const guard = { preHandler: requireRight('signals.contact') };
  const path = '/:council/werkruimte/signalen/wachtend';

  app.get(path, guard, async (req, reply) => {
    const council = councilOf(req);
    const notice = noticeOf(req, notices);
    const held = await listHeldSignals(deps, council);
    reply.header('cache-control', 'private, no-store');
    return reply.page(<HeldSignalsPage ctx={await req.pageCtx()} council={council} actor={actorOf(req)} held={held} perHour={SIGNAL_QUEUE.perHour} notice={notice && req.t(notice)} />);
  });

  app.post(path, guard, async (req, reply) => {
    const council = councilOf(req);
    const ids = chosenIds(req.body);
    const release = (req.body as Record<string, unknown> | undefined)?.actie !== 'verwijderen';
    if (ids.length === 0) {
      const held = await listHeldSignals(deps, council);
      const errors = { ids: req.t('signals.intake.held.noneChosen') };
      return reply
        .header('cache-control', 'private, no-store')
        .page(<HeldSignalsPage ctx={await req.pageCtx()} council={council} actor={actorOf(req)} held={held} perHour={SIGNAL_QUEUE.perHour} errors={errors} />, 400);
    }
    // Removing cannot be undone: first the page that asks (a GET), with the chosen ids in its address.
    if (!release) return reply.redirect(`${heldSignalsPath(council.slug)}/verwijderen?${new URLSearchParams(ids.map((id) => ['ids', id]))}`, 303);
    await decideHeldSignals(deps, { council, actor: actorOf(req), ids, release });
    return reply.redirect(`${heldSignalsPath(council.slug)}?melding=doorgelaten`, 303);
  });

  app.get(`${path}/verwijderen`, guard, async (req, reply) => {
    const council = councilOf(req);
    const ids = chosenIds(req.query);
    if (ids.length === 0) return reply.redirect(heldSignalsPath(council.slug), 303);
    const chosen = new Set(ids);
    const { posts } = await listHeldSignals(deps, council);
    const waiting = posts.filter((p) => chosen.has(p.id)).length;
    reply.header('cache-control', 'private, no-store');
    return reply.page(<DiscardHeldPage ctx={await req.pageCtx()} council={council} actor={actorOf(req)} ids={ids} waiting={waiting} />);
  });

  app.post(`${path}/verwijderen`, guard, async (req, reply) => {
    const council = councilOf(req);
    const ids = chosenIds(req.query);
    if (ids.length > 0) await decideHeldSignals(deps, { council, actor: actorOf(req), ids, release: false });
    return reply.redirect(`${heldSignalsPath(council.slug)}?melding=verwijderd`, 303);
  });
}
