/** A meeting's agenda as members read it; the board gets buttons to order, change and remove items. */
import type { ComponentChildren } from 'preact';
import { usePageCtx, type PageCtx } from '../../../../ui/context.ts';
import { Heading, Paragraph, Link, ButtonLink, ButtonGroup, StatusBadge, Section } from '../../../../ui/components/basics.tsx';
import { ActionForm } from '../../../../ui/components/form.tsx';
import type { AgendaItemView } from '../../meetings.agenda.ts';
import type { MeetingPart } from './part.ts';
import { RichText } from '../../../../ui/components/rich-text.tsx';

export function AgendaSection({ ctx, detail, path, councilSlug }: MeetingPart) {
  const { agenda, may } = detail;
  const t = ctx.t;
  return (
    <Section
      id="agenda"
      title={t('meetings.agenda.title')}
      items={agenda}
      empty={t('meetings.agenda.empty')}
      after={may.editAgenda && <ButtonLink href={`${path}/agenda/nieuw`}>{t('meetings.item.addTitle')}</ButtonLink>}
    >
      <ol class="rw-agenda">
        {agenda.map((item, i) => (
          <AgendaItemBlock ctx={ctx} item={item} index={i} count={agenda.length} path={path} manage={may.editAgenda} councilSlug={councilSlug} />
        ))}
      </ol>
    </Section>
  );
}

/** "Label: a, b, c" with each a link. */
function Links({ label, links }: { label: string; links: { href: string; text: string }[] }) {
  if (links.length === 0) return null;
  return (
    <Paragraph>
      {label}:{' '}
      {links.map((l, i) => (
        <>
          {i > 0 && ', '}
          <Link href={l.href}>{l.text}</Link>
        </>
      ))}
    </Paragraph>
  );
}

type BlockProps = { ctx: PageCtx; item: AgendaItemView; index: number; count: number; path: string; manage: boolean; councilSlug: string };

function AgendaItemBlock({ ctx, item, index, count, path, manage, councilSlug }: BlockProps) {
  const t = ctx.t;
  const ws = `/${councilSlug}/werkruimte`;
  return (
    <li class="rw-agenda-item">
      <Heading level={3}>
        {item.startTime ? `${item.startTime} ` : ''}
        {item.title}
      </Heading>
      <Paragraph>
        <StatusBadge status={item.isPublic ? 'neutral' : 'warning'}>{t(item.isPublic ? 'meetings.item.public' : 'meetings.item.closed')}</StatusBadge>
        {item.presenter && ` ${t('meetings.item.presentedBy', { name: item.presenter })}`}
      </Paragraph>
      {item.explanation && <RichText markdown={item.explanation} baseLevel={4} />}
      <Links label={t('meetings.item.advices')} links={item.advices.map((a) => ({ href: `${ws}/adviezen/${a.id}`, text: `${a.reference} ${a.subject}` }))} />
      <Links label={t('meetings.item.documents')} links={item.documents.map((d) => ({ href: `${ws}/documenten/${d.id}`, text: d.title }))} />
      <Links label={t('meetings.item.signals')} links={item.signals.map((s) => ({ href: `${ws}/signalen/${s.id}`, text: s.title }))} />
      {item.guests.length > 0 && (
        <Paragraph>
          {t('meetings.guests.title')}: {item.guests.map((g) => `${g.name} (${g.organisation || t(`meetings.guestKind.${g.kind}`)})`).join(', ')}
        </Paragraph>
      )}
      {manage && <ItemButtons item={item} first={index === 0} last={index === count - 1} path={path} />}
    </li>
  );
}

function ItemButtons({ ctx: given, item, first, last, path }: { ctx?: PageCtx; item: AgendaItemView; first: boolean; last: boolean; path: string }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const at = `${path}/agenda/${item.id}`;
  const move = (direction: 'up' | 'down', label: ComponentChildren) => (
    <ActionForm action={`${at}/volgorde`} inline variant="subtle" name="direction" value={direction} button={label} object={item.title} />
  );
  return (
    <ButtonGroup>
      <ButtonLink href={at} variant="secondary">
        {t('meetings.item.change')}
        <span class="rw-visually-hidden"> {item.title}</span>
      </ButtonLink>
      {!first && move('up', t('meetings.item.up'))}
      {!last && move('down', t('meetings.item.down'))}
      <ButtonLink href={`${at}/verwijderen`} variant="secondary">
        {t('meetings.item.remove')}
        <span class="rw-visually-hidden"> {item.title}</span>
      </ButtonLink>
    </ButtonGroup>
  );
}
