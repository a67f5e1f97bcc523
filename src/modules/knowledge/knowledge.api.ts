/**
 * The knowledge base and news through the open API, read only and without a key: what the
 * organisation's public site shows (its public articles and the national articles it adopted,
 * with its local paragraph; its news). Members-only articles never appear. Errors, headers and
 * CORS come from core's API layer (docs/decisions/0014-api-layer.md).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OpenApiPart } from '../../core/module.ts';
import { API_PREFIX, exampleLink, exampleLinks, idParam, linksFor, listAnswer, listSchema, publicRead, readLimit, ref, selfAndHtml, selfLinks } from '../../core/api/index.ts';
import { councilOf } from '../../core/tenancy.ts';
import { knowledgeBase, readArticle } from './knowledge.library.ts';
import { listNews } from './knowledge.news.ts';

const options = { config: { ...readLimit, section: 'knowledge' as const } };
const articleLinks = (req: FastifyRequest, slug: string, id: string) => selfLinks(req, `/raden/${slug}/kennisbank/${id}`, `/${slug}/kennisbank/${id}`);

export async function knowledgeApiRoutes(app: FastifyInstance) {
  const deps = app.deps;
  app.get(`${API_PREFIX}/raden/:raad/kennisbank`, options, async (req, reply) => {
    const council = councilOf(req);
    const raw = (req.query as Record<string, unknown>).zoek;
    const q = typeof raw === 'string' ? raw.trim().slice(0, 200) : '';
    const found = await knowledgeBase(deps, { council, actor: null, q, limit: 10_000 });
    const items = found.items.map(({ snippet: _s, visibility: _v, ...a }) => ({ ...a, _links: articleLinks(req, council.slug, a.id) }));
    return reply.send(listAnswer(req, items, { api: `/raden/${council.slug}/kennisbank`, site: `/${council.slug}/kennisbank` }));
  });

  app.get(`${API_PREFIX}/raden/:raad/kennisbank/:id`, options, async (req, reply) => {
    const council = councilOf(req);
    const page = await readArticle(deps, { council, actor: null, id: (req.params as { id: string }).id });
    const a = page.article;
    const site = (path: string) => linksFor(req).site(`/${council.slug}/kennisbank/${a.id}${path}`).href;
    return reply.send({
      id: a.id,
      title: a.title,
      summary: a.summary,
      body: a.body,
      english: a.titleEn && a.bodyEn ? { title: a.titleEn, summary: a.summaryEn ?? '', body: a.bodyEn } : null,
      topic: a.topic,
      laws: a.laws,
      source: page.source,
      sourceName: page.sourceName,
      localParagraph: page.localParagraph || null,
      format: a.format,
      video:
        a.format === 'video'
          ? {
              url: a.videoFile ? site('/video') : a.videoUrl,
              captions: site('/ondertiteling.vtt'),
              signLanguageUrl: a.signLanguageUrl,
              transcript: a.transcript,
            }
          : null,
      version: a.version,
      updatedAt: a.updatedAt.toISOString(),
      reviewBy: a.reviewBy,
      overdue: page.overdue,
      _links: articleLinks(req, council.slug, a.id),
    });
  });

  app.get(`${API_PREFIX}/raden/:raad/nieuws`, options, async (req, reply) => {
    const council = councilOf(req);
    const news = await listNews(deps, council, 100);
    const item = ({ id, title, summary, body, publishedAt }: (typeof news)[number]) => ({
      id,
      title,
      summary,
      body,
      publishedAt: publishedAt.toISOString(),
      _links: { html: linksFor(req).site(`/${council.slug}/nieuws/${id}`) },
    });
    return reply.send(listAnswer(req, news.map(item), { api: `/raden/${council.slug}/nieuws`, site: `/${council.slug}/nieuws` }));
  });
}

const uuid = { type: 'string', format: 'uuid' };
const text = { type: 'string' };
const date = { type: 'string', format: 'date' };
const dateTime = { type: 'string', format: 'date-time' };
/** The fields an article and a news item share. */
const textFields = { id: uuid, title: text, summary: text, body: { type: 'string', description: 'Markdown' } };
const exampleArticle = {
  id: idParam.example,
  title: 'Waar vraagt u hulp? Het Wmo-loket en het wijkteam',
  summary: 'U vraagt hulp bij het Wmo-loket of bij het wijkteam van uw gemeente.',
  topic: 'toegang',
  source: 'national',
  sourceName: 'Landelijk Kennispunt Inspraak Sociaal Domein',
  reviewBy: '2027-06-01',
  overdue: false,
  format: 'text',
};

const exampleArticleLinks = exampleLinks(`/raden/lindewijk/kennisbank/${idParam.example}`, `/lindewijk/kennisbank/${idParam.example}`);

/** The knowledge part of the OpenAPI document. */
export const knowledgeOpenApi: OpenApiPart = {
  tags: [{ name: 'kennisbank', description: 'De openbare kennisbank en het nieuws van een organisatie' }],
  paths: {
    '/raden/{raad}/kennisbank': publicRead({
      operationId: 'listKennisbank',
      summary: 'Openbare artikelen van een organisatie',
      description:
        'Eigen openbare artikelen en overgenomen landelijke artikelen, op titel; met `zoek` de artikelen met die woorden (Nederlandse stamvormen, synoniemen zoals pgb en Wmo, tikfouten in veelgebruikte woorden), beste eerst.',
      tag: 'kennisbank',
      parameters: [{ name: 'zoek', in: 'query', required: false, description: 'Woorden om op te zoeken.', schema: { type: 'string', maxLength: 200 }, example: 'pgb' }],
      ok: {
        description: 'De artikelen',
        schema: 'KennisbankLijst',
        example: { total: 1, items: [{ ...exampleArticle, _links: exampleArticleLinks }], _links: exampleLinks('/raden/lindewijk/kennisbank', '/lindewijk/kennisbank') },
      },
    }),
    '/raden/{raad}/kennisbank/{id}': publicRead({
      operationId: 'getKennisbankArtikel',
      summary: 'Eén openbaar artikel, met het eigen stukje van de organisatie',
      description: 'De tekst is Markdown. Bij een overgenomen landelijk artikel staat het eigen stukje van de organisatie in `localParagraph`.',
      tag: 'kennisbank',
      parameters: [idParam],
      ok: {
        description: 'Het artikel',
        schema: 'KennisbankArtikel',
        example: {
          ...exampleArticle,
          body: 'Iedere gemeente heeft een plek waar u hulp vraagt.',
          english: null,
          laws: ['wmo'],
          localParagraph: 'In Lindewijk vraagt u hulp bij het Sociaal Team Lindewijk.',
          video: null,
          version: 2,
          updatedAt: '2026-12-01T09:00:00.000Z',
          _links: exampleArticleLinks,
        },
      },
    }),
    '/raden/{raad}/nieuws': publicRead({
      operationId: 'listNieuws',
      summary: 'Nieuws van een organisatie, nieuwste eerst',
      tag: 'kennisbank',
      ok: {
        description: 'De berichten',
        schema: 'NieuwsLijst',
        example: {
          total: 1,
          items: [
            {
              id: idParam.example,
              title: 'Wij zoeken nieuwe leden',
              summary: 'Doe mee met de adviesraad.',
              body: 'Uw eigen ervaring is genoeg.',
              publishedAt: '2026-12-01T09:00:00.000Z',
              _links: { html: exampleLink(`/lindewijk/nieuws/${idParam.example}`, true) },
            },
          ],
          _links: exampleLinks('/raden/lindewijk/nieuws', '/lindewijk/nieuws'),
        },
      },
    }),
  },
  schemas: {
    KennisbankItem: {
      type: 'object',
      properties: {
        id: uuid,
        title: text,
        summary: text,
        topic: text,
        source: { type: 'string', enum: ['own', 'national'], description: 'Een eigen artikel, of een overgenomen landelijk artikel' },
        sourceName: { type: 'string', description: 'De organisatie die de tekst schreef' },
        reviewBy: date,
        overdue: { type: 'boolean', description: 'De controledatum is voorbij: mogelijk verouderd' },
        format: { type: 'string', enum: ['text', 'video'] },
        _links: selfAndHtml,
      },
      required: ['id', 'title', 'summary', 'topic', 'source', 'sourceName', 'reviewBy', 'overdue', 'format', '_links'],
    },
    KennisbankLijst: listSchema('KennisbankItem'),
    KennisbankArtikel: {
      type: 'object',
      properties: {
        ...textFields,
        english: { type: ['object', 'null'], properties: { title: text, summary: text, body: text }, required: ['title', 'summary', 'body'] },
        topic: text,
        laws: { type: 'array', items: text },
        source: { type: 'string', enum: ['own', 'national'] },
        sourceName: text,
        localParagraph: { type: ['string', 'null'], description: 'Markdown; het eigen stukje bij een overgenomen artikel' },
        format: { type: 'string', enum: ['text', 'video'] },
        video: {
          type: ['object', 'null'],
          properties: {
            url: { type: ['string', 'null'], description: 'Het videobestand op deze site, of een link naar een andere site; null zolang er geen video is' },
            captions: { type: 'string', format: 'uri', description: 'Ondertiteling (WebVTT)' },
            signLanguageUrl: { type: ['string', 'null'] },
            transcript: { type: ['string', 'null'] },
          },
          required: ['url', 'captions', 'signLanguageUrl', 'transcript'],
        },
        version: { type: 'integer', minimum: 1 },
        updatedAt: dateTime,
        reviewBy: date,
        overdue: { type: 'boolean' },
        _links: selfAndHtml,
      },
      required: ['id', 'title', 'summary', 'body', 'english', 'topic', 'laws', 'source', 'sourceName', 'localParagraph', 'format', 'video', 'version', 'updatedAt', 'reviewBy', 'overdue', '_links'],
    },
    NieuwsBericht: {
      type: 'object',
      properties: {
        ...textFields,
        publishedAt: dateTime,
        _links: { type: 'object', properties: { html: ref('Link') }, required: ['html'] },
      },
      required: ['id', 'title', 'summary', 'body', 'publishedAt', '_links'],
    },
    NieuwsLijst: listSchema('NieuwsBericht'),
  },
};
