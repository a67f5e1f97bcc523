/** The public pages: the cooperations of an organisation, and one cooperation. */
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { PublicPage } from '../../../ui/layouts/workspace-page.tsx';
import { DataList, Heading, LinkList, Section, TextBlock } from '../../../ui/components/basics.tsx';
import type { AgreementSummary, PartyView } from '../cooperation.queries.ts';
import type { PublicDocument } from '../cooperation.public.ts';
import type { JointMeeting } from '../../meetings/index.ts';
import { JointMeetingList } from './meetings.tsx';
import { termOf } from './parts.tsx';

const section = (council: Council) => `/${council.slug}/samenwerking`;

export function PublicAgreementsPage({ ctx, council, rows }: { ctx: PageCtx; council: Council; rows: AgreementSummary[] }) {
  const { t } = ctx;
  return (
    <PublicPage title={t('cooperation.public.title')} section={section(council)} intro={t('cooperation.public.intro')}>
      <LinkList items={rows.map((r) => ({ href: `${section(council)}/${r.name}`, label: r.title, after: ` (${r.parties.map((p) => p.name).join(', ')})` }))} empty={t('cooperation.public.empty')} />
    </PublicPage>
  );
}

function Contact({ ctx: given, party }: { ctx?: PageCtx; party: PartyView }) {
  const ctx = usePageCtx(given);
  const { t } = ctx;
  const items = [
    party.postalAddress ? { key: t('cooperation.public.address'), value: party.postalAddress } : null,
    party.contactPhone
      ? {
          key: t('cooperation.public.phone'),
          value: (
            <a class="utrecht-link nl-link" href={`tel:${party.contactPhone.replace(/[^+0-9]/g, '')}`}>
              {party.contactPhone}
            </a>
          ),
        }
      : null,
    party.contactEmail
      ? {
          key: t('cooperation.public.email'),
          value: (
            <a class="utrecht-link nl-link" href={`mailto:${party.contactEmail}`}>
              {party.contactEmail}
            </a>
          ),
        }
      : null,
  ].filter((i) => i !== null);
  return items.length ? <DataList items={items} /> : null;
}

export function PublicAgreementPage({
  ctx,
  council,
  agreement,
  documents,
  meetings,
}: {
  ctx: PageCtx;
  council: Council;
  agreement: AgreementSummary;
  documents: PublicDocument[];
  meetings: JointMeeting[];
}) {
  const { t } = ctx;
  return (
    <PublicPage title={agreement.title} section={section(council)} href={`${section(council)}/${agreement.name}`} parent={{ href: section(council), label: t('cooperation.public.title') }}>
      <DataList
        items={[
          { key: t('cooperation.detail.purpose'), value: <TextBlock text={agreement.purpose} /> },
          { key: t('cooperation.detail.term'), value: termOf(ctx, agreement) },
          { key: t('cooperation.detail.woo'), value: t('cooperation.detail.wooValue') },
        ]}
      />
      <Section id="partijen" title={t('cooperation.public.parties')}>
        {agreement.parties.map((p, i) => (
          <section aria-labelledby={`partij-${i}`}>
            <Heading level={3} id={`partij-${i}`}>
              {p.slug ? (
                <a class="utrecht-link nl-link" href={`/${p.slug}`}>
                  {p.name}
                </a>
              ) : (
                p.name
              )}
            </Heading>
            {p.contribution && <TextBlock text={p.contribution} />}
            <Contact party={p} />
          </section>
        ))}
      </Section>
      <Section id="vergaderingen" title={t('cooperation.meetings.title')} items={meetings} empty={t('cooperation.meetings.empty')}>
        <JointMeetingList ctx={ctx} meetings={meetings} href={(m) => `/${m.plannedBySlug}/vergaderingen/${m.id}`} />
      </Section>
      <Section id="documenten" title={t('cooperation.public.documents')} items={documents} empty={t('cooperation.public.noDocuments')}>
        <LinkList items={documents.map((d) => ({ href: d.href, label: d.title, after: ` (${t('cooperation.dossiers.sharedBy', { council: d.sharedBy })})` }))} />
      </Section>
    </PublicPage>
  );
}
