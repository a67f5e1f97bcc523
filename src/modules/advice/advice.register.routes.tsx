import type { FastifyInstance } from 'fastify';
import { pageProps, publicProps } from '../../core/http/page-routes.ts';
import { Feed } from 'feed';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { attachmentDisposition } from '../../core/files/sniff.ts';
import { formatDate } from '../../core/i18n/index.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import * as register from './advice.register.ts';
import { RegisterAdvicePage, RegisterListPage } from './views/register.tsx';
import { OverviewPage } from './views/register-workspace.tsx';

const publicPage = { config: { publicCache: true } };
const WS = '/:council/werkruimte';

type Params = { id: string; documentId: string };

/** The feed package puts titles and summaries in type="html" CDATA: plain text must be escaped (this also keeps "]]>" out). */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The public advice register, its Atom feed and the council's overview. */
/** The later of two moments (Math.max would turn them into numbers). */
const later = (a: Date, b: Date) => (a > b ? a : b);

export async function adviceRegisterRoutes(app: FastifyInstance) {
  const deps = app.deps;

  app.get('/:council/adviezen', publicPage, async (req, reply) => {
    const council = councilOf(req);
    const filter = register.parseRegisterFilter(req.query);
    // One day for both: the list and the year filter agree around midnight.
    const today = todayInAmsterdam();
    const [result, years] = await Promise.all([register.listRegister(deps.db, council, filter, { today, cache: deps.cache }), register.registerYears(deps.db, council, { cache: deps.cache, today })]);
    return reply.page(<RegisterListPage ctx={await req.pageCtx()} council={council} filter={filter} result={result} years={years} />);
  });

  app.get('/:council/adviezen/:id', publicPage, async (req, reply) =>
    reply.page(<RegisterAdvicePage {...(await publicProps(req))} advice={await register.getPublicAdvice(deps.db, councilOf(req), (req.params as Params).id)} />),
  );

  app.get('/:council/adviezen/:id/documenten/:documentId', async (req, reply) => {
    const council = councilOf(req);
    const { id, documentId } = req.params as Params;
    const doc = await register.getPublicDocument(deps.db, council, id, documentId);
    const bytes = await deps.files.get(doc.fileHash);
    if (!bytes) return reply.callNotFound();
    return (
      reply
        .header('content-disposition', attachmentDisposition(doc.filename))
        .header('x-content-type-options', 'nosniff')
        // Revalidated on every use: an advice can stop being public.
        .header('cache-control', 'no-cache')
        .type(doc.contentType === 'application/pdf' ? 'application/pdf' : 'application/octet-stream')
        .send(bytes)
    );
  });

  app.get('/:council/feed.atom', async (req, reply) => {
    const council = councilOf(req);
    const items = await register.latestPublic(deps.db, council);
    const base = deps.config.baseUrl.replace(/\/$/, '');
    const site = `${base}/${council.slug}`;
    const feed = new Feed({
      id: `${site}/adviezen`,
      title: req.t('register.feedTitle', { council: council.name }),
      link: `${site}/adviezen`,
      language: req.locale,
      updated: items.reduce<Date>((max, a) => later(a.updatedAt, max), new Date(0)),
      feedLinks: { atom: `${site}/feed.atom` },
      generator: 'Raadwerk',
      copyright: council.name,
      author: { name: council.name },
    });
    for (const a of items) {
      const when = a.answeredAt ?? a.sentAt ?? a.updatedAt;
      feed.addItem({
        id: `${site}/adviezen/${a.id}`,
        link: `${site}/adviezen/${a.id}`,
        title: escapeHtml(`${a.reference}: ${a.subject}`),
        date: later(a.updatedAt, when),
        published: a.sentAt ?? undefined,
        description: escapeHtml(
          `${req.t(`register.status.${a.status as register.GivenState}`)} · ${req.t(`register.policyField.${a.policyField}`)}${a.sentAt ? ` · ${formatDate(a.sentAt, req.locale)}` : ''}. ${a.question.slice(0, 500)}`,
        ),
        // "adviezen" is the Woo information category of every entry.
        category: [{ term: 'adviezen' }, { term: a.policyField, name: req.t(`register.policyField.${a.policyField}`) }],
      });
    }
    return reply.header('cache-control', 'public, max-age=300').type('application/atom+xml; charset=utf-8').send(feed.atom1());
  });

  // ---------------------------------------------------------------- workspace
  app.get(`${WS}/adviezen/overzicht`, { preHandler: requireRight('advice.overview') }, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const overview = await register.councilOverview(deps.db, { actor, council });
    return reply.page(<OverviewPage {...(await pageProps(req))} overview={overview} />);
  });
}
