import type { FastifyInstance } from 'fastify';
import { listCouncils } from './councils.service.ts';
import { Page } from '../../ui/layouts/page.tsx';
import { Heading, Paragraph } from '../../ui/components/basics.tsx';

export async function councilsRoutes(app: FastifyInstance) {
  app.get('/', { config: { publicCache: true } }, async (req, reply) => {
    const ctx = await req.pageCtx();
    const list = await listCouncils(app.deps.db);
    return reply.page(
      <Page ctx={ctx} title={ctx.t('home.title')}>
        <Heading level={1}>{ctx.t('home.title')}</Heading>
        <Paragraph>{ctx.t('home.intro')}</Paragraph>
        <ul>{list.map((c) => <li><a href={`/${c.slug}`}>{c.name}</a></li>)}</ul>
      </Page>,
    );
  });
}
