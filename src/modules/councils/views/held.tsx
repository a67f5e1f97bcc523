import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import { heldPostsPath, PUBLIC_POSTS_PER_HOUR, type HeldPost } from '../../../core/public-budget.ts';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import { DataList, Heading, Paragraph } from '../../../ui/components/basics.tsx';
import { ActionForm } from '../../../ui/components/form.tsx';

/** Contact messages beyond the hourly budget, for the board to send on or remove (issue 17). */
export function HeldPostsPage(props: { ctx: PageCtx; council: Council; actor: Actor; posts: HeldPost[]; notice?: string }) {
  const { ctx, council } = props;
  const t = ctx.t;
  const base = heldPostsPath(council.slug);
  return (
    <WorkspacePage title={t('publicBudget.title')} section={base} notice={props.notice} intro={t('publicBudget.intro', { max: PUBLIC_POSTS_PER_HOUR })}>
      {props.posts.length === 0 && <Paragraph>{t('publicBudget.empty')}</Paragraph>}
      {props.posts.map((p) => (
        <article class="rw-held-post" aria-labelledby={`bericht-${p.id}`}>
          <Heading level={2} id={`bericht-${p.id}`}>
            {p.mail.subject}
          </Heading>
          <DataList
            items={[
              { key: t('publicBudget.from'), value: p.mail.replyTo ?? '' },
              { key: t('publicBudget.received'), value: formatDateTime(p.at, ctx.locale) },
            ]}
          />
          <pre class="rw-mail-body">{p.mail.body}</pre>
          <ActionForm action={`${base}/${p.id}/doorsturen`} button={t('publicBudget.release')} object={p.mail.subject} variant="primary" inline />
          <ActionForm action={`${base}/${p.id}/verwijderen`} button={t('publicBudget.discard')} object={p.mail.subject} danger inline />
        </article>
      ))}
    </WorkspacePage>
  );
}
