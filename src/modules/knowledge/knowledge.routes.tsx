/** The public pages: the knowledge base, its articles, news with its feed, and "Stuur dit artikel door". */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { councilOf } from '../../core/tenancy.ts';
import { DomainError, TooFastError, notFound } from '../../core/errors.ts';
import { domainErrors, echo, noticeOf, parseForm, type FieldErrors } from '../../core/http/forms.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { knowledgeBase, PAGE_SIZE, readArticle } from './knowledge.library.ts';
import { listNews, newsFeed, readNews } from './knowledge.news.ts';
import { forwardItem, type ForwardItem } from './knowledge.forward.ts';
import { forwardSchema } from './knowledge.forms.ts';
import { byteRange } from './knowledge.video.ts';
import { ArticlePublicPage, basePath, ForwardPage, KnowledgeBasePage, NewsListPage, NewsPage, newsPath } from './views/public.tsx';

const publicPage = { config: { publicCache: true } };
/** A brake per process; the real limits (per address, per item, per sender) are counted in the database. */
const forwardLimit = { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } };

type Id = { id: string };

export async function knowledgeRoutes(app: FastifyInstance) {
  const deps = app.deps;

  app.get('/:council/kennisbank', publicPage, async (req, reply) => {
    const council = councilOf(req);
    const raw = (req.query as Record<string, unknown>).q;
    const q = typeof raw === 'string' ? raw.trim().slice(0, 200) : '';
    const asked = Number((req.query as Record<string, unknown>).pagina);
    const page = Number.isInteger(asked) && asked > 1 && asked < 10_000 ? asked : 1;
    const { items, total } = await knowledgeBase(deps, { council, actor: req.actor ?? null, q, offset: (page - 1) * PAGE_SIZE });
    return reply.page(<KnowledgeBasePage ctx={await req.pageCtx()} council={council} items={items} total={total} q={q} page={page} pages={Math.ceil(total / PAGE_SIZE)} />);
  });

  app.get('/:council/kennisbank/:id', publicPage, async (req, reply) => {
    const council = councilOf(req);
    const page = await readArticle(deps, { council, actor: req.actor ?? null, id: (req.params as Id).id });
    return reply.page(<ArticlePublicPage ctx={await req.pageCtx()} council={council} page={page} />);
  });

  // The captions of a video article, for the player's <track>.
  app.get('/:council/kennisbank/:id/ondertiteling.vtt', async (req, reply) => {
    const page = await readArticle(deps, { council: councilOf(req), actor: req.actor ?? null, id: (req.params as Id).id });
    if (!page.article.captionsVtt) return reply.code(404).type('text/plain; charset=utf-8').send('');
    return reply.header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff').type('text/vtt; charset=utf-8').send(page.article.captionsVtt);
  });

  // The uploaded video of a video article, in parts when the player asks for a range.
  app.get('/:council/kennisbank/:id/video', async (req, reply) => {
    const { article } = await readArticle(deps, { council: councilOf(req), actor: req.actor ?? null, id: (req.params as Id).id });
    const bytes = article.format === 'video' && article.videoFile ? await deps.files.get(article.videoFile) : null;
    if (!bytes || !article.videoType) return reply.code(404).type('text/plain; charset=utf-8').send('');
    reply
      .header('accept-ranges', 'bytes')
      .header('cache-control', article.visibility === 'public' ? 'public, max-age=3600' : 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .type(article.videoType);
    const range = byteRange(req.headers.range, bytes.length);
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${bytes.length}`).send('');
    if (!range) return reply.send(bytes);
    return reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${bytes.length}`)
      .send(bytes.subarray(range.start, range.end + 1));
  });

  // ---- sending an article or news item on

  type Target = { item: ForwardItem; section: string; sectionLabel: string };
  const articleTarget = async (req: FastifyRequest, council: Council): Promise<Target> => {
    const { article } = await readArticle(deps, { council, actor: req.actor ?? null, id: (req.params as Id).id });
    // Only a public article is sent on: the receiver cannot open a members-only one.
    if (article.visibility !== 'public') notFound('article');
    const path = `${basePath(council)}/${article.id}`;
    return { item: { id: article.id, title: article.title, summary: article.summary, path }, section: basePath(council), sectionLabel: req.t('knowledge.public.title') };
  };
  const newsTarget = async (req: FastifyRequest, council: Council): Promise<Target> => {
    const item = await readNews(deps, council, (req.params as Id).id);
    return { item: { id: item.id, title: item.title, summary: item.summary, path: `${newsPath(council)}/${item.id}` }, section: newsPath(council), sectionLabel: req.t('knowledge.news.title') };
  };

  const forwardPages = (prefix: string, target: (req: FastifyRequest, council: Council) => Promise<Target>) => {
    const show = async (req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; status?: number; sent?: boolean } = {}) => {
      const council = councilOf(req);
      const tg = await target(req, council);
      // Each visitor needs a fresh form token (its time starts the clock), so never from the page cache.
      reply.header('cache-control', 'no-store');
      return reply.page(
        <ForwardPage
          ctx={await req.pageCtx()}
          council={council}
          item={{ title: tg.item.title, href: tg.item.path }}
          section={tg.section}
          sectionLabel={tg.sectionLabel}
          errors={extra.errors}
          values={extra.errors ? echo(req.body) : undefined}
          sent={extra.sent}
        />,
        extra.status ?? 200,
      );
    };
    app.get(`/:council/${prefix}/:id/doorsturen`, async (req, reply) => show(req, reply, { sent: noticeOf(req, ['verzonden']) === 'verzonden' }));
    app.post(`/:council/${prefix}/:id/doorsturen`, forwardLimit, async (req, reply) => {
      const council = councilOf(req);
      const tg = await target(req, council);
      const form = parseForm(forwardSchema, req.body, req.t);
      if (!form.ok) return show(req, reply, { errors: form.errors, status: 400 });
      try {
        await forwardItem(deps, { council, item: tg.item, input: form.data, senderIp: req.ip, formIssuedAt: req.formIssuedAt });
      } catch (err) {
        if (err instanceof TooFastError) return show(req, reply, { errors: { addresses: req.t('knowledge.forward.tooFast') }, status: 400 });
        const errors = domainErrors(err, req.t);
        if (errors) return show(req, reply, { errors, status: err instanceof DomainError && err.status === 429 ? 429 : 400 });
        throw err;
      }
      return reply.redirect(`${tg.item.path}/doorsturen?melding=verzonden`, 303);
    });
  };
  forwardPages('kennisbank', articleTarget);
  forwardPages('nieuws', newsTarget);

  // ---- news

  app.get('/:council/nieuws', publicPage, async (req, reply) => {
    const council = councilOf(req);
    return reply.page(<NewsListPage ctx={await req.pageCtx()} council={council} items={await listNews(deps, council)} />);
  });
  app.get('/:council/nieuws/feed.atom', async (req, reply) => {
    const council = councilOf(req);
    const xml = newsFeed({
      council,
      items: await listNews(deps, council, 50),
      site: deps.config.baseUrl.replace(/\/$/, ''),
      title: req.t('knowledge.news.feedTitle', { council: council.name }),
      locale: req.locale,
    });
    return reply.header('cache-control', 'public, max-age=300').type('application/atom+xml; charset=utf-8').send(xml);
  });
  app.get('/:council/nieuws/:id', publicPage, async (req, reply) => {
    const council = councilOf(req);
    return reply.page(<NewsPage ctx={await req.pageCtx()} council={council} item={await readNews(deps, council, (req.params as Id).id)} />);
  });
}
