/** The workspace pages: own articles (write, versions), adopting national articles with a local paragraph, news. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { can } from '../../core/policy.ts';
import { domainErrors, echo, noticeOf, parseForm, readUploads, type FieldErrors } from '../../core/http/forms.ts';
import * as articles from './knowledge.articles.ts';
import { adoptArticle, adoptionToEdit, nationalCatalogue, saveLocalParagraph } from './knowledge.library.ts';
import { listNews, publishNews } from './knowledge.news.ts';
import { articleSchema, localParagraphSchema, newsSchema } from './knowledge.forms.ts';
import { defaultReviewBy } from './knowledge.rules.ts';
import { attachVideo, VIDEO_MAX_BYTES } from './knowledge.video.ts';
import { AdoptionPage, ArticleFormPage, KnowledgeWorkspacePage, NewsWorkspacePage, VersionsPage, wsNewsPath, wsPath } from './views/workspace.tsx';

const WS = '/:council/werkruimte';
const view = { preHandler: requireRight('knowledge.view') };
const write = { preHandler: requireRight('knowledge.write') };
const adopt = { preHandler: requireRight('knowledge.adopt') };
type Id = { id: string };

/** The law boxes that were ticked, to show them again after an error. */
function postedLaws(body: unknown): string[] {
  const laws = (body as Record<string, unknown> | null)?.laws;
  return (Array.isArray(laws) ? laws : [laws]).filter((l): l is string => typeof l === 'string');
}

export async function knowledgeWorkspaceRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const args = (req: FastifyRequest) => ({ actor: actorOf(req), council: councilOf(req) });

  const overview = async (req: FastifyRequest, reply: FastifyReply, extra: { notice?: string; errors?: FieldErrors; status?: number } = {}) => {
    const a = args(req);
    const [own, national] = await Promise.all([articles.ownArticles(deps, a), nationalCatalogue(deps, a)]);
    return reply.page(<KnowledgeWorkspacePage ctx={await req.pageCtx()} {...a} own={own} national={national} mayAdopt={can(a.actor, 'knowledge.adopt')} {...extra} />, extra.status ?? 200);
  };
  app.get(`${WS}/kennisbank`, view, async (req, reply) => overview(req, reply, { notice: noticeOf(req, { overgenomen: req.t('knowledge.ws.adopted') }) }));

  // ---- writing an article

  /** `fileErrors`: the video file's form failed; the article's fields show as saved. */
  const formPage = async (req: FastifyRequest, reply: FastifyReply, id: string | null, extra: { errors?: FieldErrors; fileErrors?: FieldErrors; status?: number; notice?: string } = {}) => {
    const a = args(req);
    const loaded = id ? await articles.articleToEdit(deps, { ...a, id }) : null;
    return reply.page(
      <ArticleFormPage
        ctx={await req.pageCtx()}
        {...a}
        article={loaded?.article}
        owner={loaded?.owner}
        videoFile={loaded?.videoFile}
        plainLanguage={extra.notice ? loaded?.plainLanguage : undefined}
        errors={extra.errors ?? extra.fileErrors}
        values={extra.errors ? echo(req.body) : undefined}
        postedLaws={extra.errors ? postedLaws(req.body) : undefined}
        notice={extra.notice}
        defaultReviewBy={defaultReviewBy(articles.todayOf())}
      />,
      extra.status ?? 200,
    );
  };
  app.get(`${WS}/kennisbank/nieuw`, write, async (req, reply) => formPage(req, reply, null));
  app.post(`${WS}/kennisbank/nieuw`, write, async (req, reply) => {
    const a = args(req);
    const form = parseForm(articleSchema, req.body, req.t);
    if (!form.ok) return formPage(req, reply, null, { errors: form.errors, status: 400 });
    try {
      const article = await articles.createArticle(deps, { ...a, input: form.data });
      return reply.redirect(`${wsPath(a.council)}/${article.id}?melding=opgeslagen`, 303);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return formPage(req, reply, null, { errors, status: 400 });
      throw err;
    }
  });
  app.get(`${WS}/kennisbank/:id`, write, async (req, reply) =>
    formPage(req, reply, (req.params as Id).id, { notice: noticeOf(req, { opgeslagen: req.t('knowledge.edit.saved'), video: req.t('knowledge.videoFile.saved') }) }),
  );
  // The video file of a video article (multipart; the size is capped while it streams in).
  app.post(`${WS}/kennisbank/:id/video`, write, async (req, reply) => {
    const a = args(req);
    const id = (req.params as Id).id;
    await articles.articleToEdit(deps, { ...a, id });
    const { uploads } = await readUploads(req, { field: 'videoFile', maxBytes: VIDEO_MAX_BYTES, maxFields: 5, fieldSize: 1000 });
    try {
      await attachVideo(deps, { ...a, id, upload: uploads[0] ?? null });
    } catch (err) {
      const fileErrors = domainErrors(err, req.t);
      if (fileErrors) return formPage(req, reply, id, { fileErrors, status: (err as { status?: number }).status ?? 400 });
      throw err;
    }
    return reply.redirect(`${wsPath(a.council)}/${id}?melding=video#videobestand`, 303);
  });
  app.post(`${WS}/kennisbank/:id`, write, async (req, reply) => {
    const a = args(req);
    const id = (req.params as Id).id;
    // An unknown article is 404 before its form is checked.
    await articles.articleToEdit(deps, { ...a, id });
    const form = parseForm(articleSchema, req.body, req.t);
    if (!form.ok) return formPage(req, reply, id, { errors: form.errors, status: 400 });
    try {
      await articles.updateArticle(deps, { ...a, id, input: form.data });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return formPage(req, reply, id, { errors, status: 400 });
      throw err;
    }
    return reply.redirect(`${wsPath(a.council)}/${id}?melding=opgeslagen`, 303);
  });

  app.get(`${WS}/kennisbank/:id/versies`, view, async (req, reply) => {
    const a = args(req);
    const { article, versions } = await articles.articleVersions(deps, { ...a, id: (req.params as Id).id });
    const q = req.query as Record<string, unknown>;
    const pick = (v: unknown) => versions.find((x) => String(x.version) === v) ?? null;
    return reply.page(<VersionsPage ctx={await req.pageCtx()} {...a} article={article} versions={versions} from={pick(q.van)} to={pick(q.naar)} />);
  });

  // ---- adopting a national article

  app.post(`${WS}/kennisbank/:id/overnemen`, adopt, async (req, reply) => {
    const a = args(req);
    try {
      await adoptArticle(deps, { ...a, articleId: (req.params as Id).id });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return overview(req, reply, { errors, status: 409 });
      throw err;
    }
    return reply.redirect(`${wsPath(a.council)}/overgenomen/${(req.params as Id).id}?melding=overgenomen`, 303);
  });

  const adoptionPage = async (req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; status?: number; notice?: string } = {}) => {
    const a = args(req);
    const data = await adoptionToEdit(deps, { ...a, articleId: (req.params as Id).id });
    return reply.page(
      <AdoptionPage ctx={await req.pageCtx()} {...a} data={data} errors={extra.errors} values={extra.errors ? echo(req.body) : undefined} notice={extra.notice} />,
      extra.status ?? 200,
    );
  };
  app.get(`${WS}/kennisbank/overgenomen/:id`, adopt, async (req, reply) =>
    adoptionPage(req, reply, { notice: noticeOf(req, { overgenomen: req.t('knowledge.ws.adopted'), opgeslagen: req.t('knowledge.adoption.saved') }) }),
  );
  app.post(`${WS}/kennisbank/overgenomen/:id`, adopt, async (req, reply) => {
    const a = args(req);
    const form = parseForm(localParagraphSchema, req.body, req.t);
    if (!form.ok) return adoptionPage(req, reply, { errors: form.errors, status: 400 });
    await saveLocalParagraph(deps, { ...a, articleId: (req.params as Id).id, localParagraph: form.data.localParagraph });
    return reply.redirect(`${wsPath(a.council)}/overgenomen/${(req.params as Id).id}?melding=opgeslagen`, 303);
  });

  // ---- news

  const newsPage = async (req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; status?: number; notice?: string } = {}) => {
    const a = args(req);
    return reply.page(
      <NewsWorkspacePage
        ctx={await req.pageCtx()}
        {...a}
        items={await listNews(deps, a.council)}
        mayWrite={can(a.actor, 'knowledge.write')}
        errors={extra.errors}
        values={extra.errors ? echo(req.body) : undefined}
        notice={extra.notice}
      />,
      extra.status ?? 200,
    );
  };
  app.get(`${WS}/nieuws`, view, async (req, reply) => newsPage(req, reply, { notice: noticeOf(req, { geplaatst: req.t('knowledge.news.publishedNotice') }) }));
  app.post(`${WS}/nieuws`, write, async (req, reply) => {
    const a = args(req);
    const form = parseForm(newsSchema, req.body, req.t);
    if (!form.ok) return newsPage(req, reply, { errors: form.errors, status: 400 });
    await publishNews(deps, { ...a, input: form.data });
    return reply.redirect(`${wsNewsPath(a.council)}?melding=geplaatst`, 303);
  });
}
