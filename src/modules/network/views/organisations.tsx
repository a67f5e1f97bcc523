import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { ButtonGroup, ButtonLink, DataList, Link, LinkList, Paragraph, Section, Table, type Column } from '../../../ui/components/basics.tsx';
import { ActionForm, CheckboxField, CheckboxGroup, Form, SelectField, TextArea, TextField } from '../../../ui/components/form.tsx';
import { Button } from '../../../ui/components/basics.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import { policyFields } from '../../advice/index.ts';
import { consentPurposes, consentSources, organisationTypes, type NetworkOrganisation } from '../network.schema.ts';
import type { ContactView, OrganisationDetail, OrganisationRow } from '../network.queries.ts';
import { ConsentBadge, NetworkPage, networkPath, yesNo, type FormState, type Props } from './common.tsx';

type TypeRow = { id: string; name: string };

/** The name of an organisation's type: the council's own, or the built-in one. */
export function typeLabel(ctx: PageCtx, o: Pick<NetworkOrganisation, 'type'> & { typeName: string | null }): string {
  return o.typeName ?? ctx.t(`network.type.${o.type}`);
}

const typeOptions = (ctx: PageCtx, types: TypeRow[]) => [
  ...organisationTypes.map((v) => ({ value: v, label: ctx.t(`network.type.${v}`) })),
  ...types.map((t) => ({ value: `eigen:${t.id}`, label: t.name })),
];

export function NetworkListPage({ ctx, council, rows, may, notice }: Props & { rows: OrganisationRow[]; may: { manage: boolean; accessLog: boolean }; notice?: string }) {
  const t = ctx.t;
  const path = networkPath(council);
  return (
    <NetworkPage title={t('network.ws.title')} intro={t('network.ws.intro')} notice={notice} add={may.manage && t('network.ws.add')}>
      <nav aria-label={t('network.ws.links')}>
        <LinkList
          inline
          items={[
            { href: `${path}/raadplegingen`, label: t('network.cons.title') },
            { href: `${path}/ervaringen`, label: t('network.exp.title') },
            { href: `${path}/afvaardigingen`, label: t('network.del.title') },
            may.manage && { href: `${path}/soorten`, label: t('network.types.title') },
            may.manage && { href: `${path}/instellingen`, label: t('network.settings.title') },
            may.accessLog && { href: `${path}/toegangslog`, label: t('network.accessLog.title') },
          ]}
        />
      </nav>
      <Table caption={t('network.ws.organisations')} empty={t('network.ws.none')} rows={rows} columns={organisationColumns(ctx, path)} />
    </NetworkPage>
  );
}

const organisationColumns = (ctx: PageCtx, path: string): Column<OrganisationRow>[] => [
  { header: ctx.t('network.col.name'), cell: (o) => <Link href={`${path}/organisaties/${o.id}`}>{o.name}</Link> },
  { header: ctx.t('network.col.type'), cell: (o) => typeLabel(ctx, o) },
  { header: ctx.t('network.col.contacts'), cell: (o) => String(o.contacts), numeric: true },
  { header: ctx.t('network.col.listed'), cell: (o) => yesNo(ctx, o.listed) },
];

/** The fields of an organisation, for adding and for changing. */
function OrganisationFields({ ctx: given, types, values, errors }: { ctx?: PageCtx; types: TypeRow[]; values: Record<string, string | string[] | boolean>; errors?: FormState['errors'] }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : typeof values[k] === 'string' ? [values[k] as string] : []);
  return (
    <>
      <TextField name="name" label={t('network.org.name')} value={str('name')} errors={errors} />
      <SelectField name="type" label={t('network.org.type')} hint={t('network.org.typeHint')} value={str('type')} options={typeOptions(ctx, types)} errors={errors} />
      <TextField name="address" label={t('network.org.address')} optional value={str('address')} errors={errors} />
      <TextField name="website" type="url" label={t('network.org.website')} hint={t('network.org.websiteHint')} optional value={str('website')} errors={errors} />
      <CheckboxGroup
        name="policyFields"
        label={t('network.org.policyFields')}
        optional
        options={policyFields.map((p) => ({ value: p, label: t(`advice.policyField.${p}`) }))}
        checked={list('policyFields')}
        errors={errors}
      />
      <TextArea name="targetGroups" label={t('network.org.targetGroups')} hint={t('network.org.targetGroupsHint')} optional rows={3} value={str('targetGroups')} errors={errors} />
      <CheckboxField name="listed" label={t('network.org.listed')} checked={values.listed === true || values.listed === 'ja'} errors={errors} />
    </>
  );
}

export function OrganisationFormPage({ ctx, council, types, errors, values, duplicateOf }: Props & FormState & { types: TypeRow[]; duplicateOf?: { id: string; name: string } }) {
  const t = ctx.t;
  const path = networkPath(council);
  return (
    <NetworkPage title={t('network.org.add.title')} href={`${path}/nieuw`} errors={errors}>
      {duplicateOf && (
        <Paragraph>
          <Link href={`${path}/organisaties/${duplicateOf.id}`}>{t('network.error.duplicateNameLink', { name: duplicateOf.name })}</Link>
        </Paragraph>
      )}
      <Form action={`${path}/nieuw`}>
        <OrganisationFields types={types} values={values ?? { type: 'other' }} errors={errors} />
        <Button variant="primary">{t('network.org.save')}</Button>
      </Form>
    </NetworkPage>
  );
}

function ContactConsents({ ctx: given, c }: { ctx?: PageCtx; c: ContactView }) {
  const ctx = usePageCtx(given);
  return (
    <ul class="utrecht-unordered-list">
      {consentPurposes.map((p) => (
        <li class="utrecht-unordered-list__item">
          {ctx.t(`network.purpose.${p}`)}: <ConsentBadge status={c.consent[p]} />
          {c.consents
            .filter((x) => x.purpose === p && x.withdrawnAt === null)
            .slice(-1)
            .map((x) => ` (${ctx.t('network.consent.expiresOn').toLowerCase()} ${formatDate(x.expiresOn, ctx.locale)})`)}
        </li>
      ))}
    </ul>
  );
}

function ContactCard({ ctx: given, c, may, path }: { ctx?: PageCtx; c: ContactView; may: OrganisationDetail['may']; path: string }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const title = c.erased ? t('network.contact.erasedName') : (c.details?.name ?? t('network.contact.privateLabel'));
  return (
    <Section id={`contact-${c.id}`} level={3} title={title}>
      <DataList
        items={[
          { key: t('network.contact.role'), value: c.role || '-' },
          ...(c.privatePerson ? [{ key: t('network.contact.privateLabel'), value: t('network.yes') }] : []),
          ...(c.details
            ? [
                { key: t('network.contact.email'), value: c.details.email ?? '-' },
                { key: t('network.contact.phone'), value: c.details.phone ?? '-' },
              ]
            : []),
          { key: t('network.contact.consent'), value: c.erased ? t('network.contact.erased') : <ContactConsents c={c} /> },
        ]}
      />
      {!c.erased && (
        <ButtonGroup>
          {may.manage && (
            <ButtonLink href={`${path}/contactpersonen/${c.id}/toestemming`} variant="secondary">
              {t('network.consent.add')}
            </ButtonLink>
          )}
        </ButtonGroup>
      )}
      {!c.erased && may.erase && <ActionForm action={`${path}/contactpersonen/${c.id}/wissen`} button={t('network.contact.erase')} hint={t('network.contact.eraseHint')} danger object={title} />}
    </Section>
  );
}

const contactFields: { name: 'name' | 'role' | 'email' | 'phone'; type?: 'email' | 'tel' }[] = [{ name: 'name' }, { name: 'role' }, { name: 'email', type: 'email' }, { name: 'phone', type: 'tel' }];

export function OrganisationPage({ ctx, council, detail, errors, values, notice, form }: Props & FormState & { detail: OrganisationDetail; notice?: string; form?: 'contact' }) {
  const t = ctx.t;
  const path = networkPath(council);
  const o = detail.organisation;
  const href = `${path}/organisaties/${o.id}`;
  return (
    <NetworkPage title={o.name} href={href} errors={errors} notice={notice}>
      <Section id="gegevens" title={t('network.org.details')}>
        <DataList
          items={[
            { key: t('network.org.type'), value: typeLabel(ctx, { type: o.type, typeName: detail.typeName }) },
            { key: t('network.org.address'), value: o.address || '-' },
            { key: t('network.org.website'), value: o.website ? <Link href={o.website}>{o.website}</Link> : '-' },
            { key: t('network.org.policyFields'), value: o.policyFields.map((p) => t(`advice.policyField.${p}`)).join(', ') || '-' },
            { key: t('network.org.targetGroups'), value: o.targetGroups || '-' },
            { key: t('network.col.listed'), value: yesNo(ctx, o.listed) },
          ]}
        />
        {detail.may.manage && (
          <ButtonGroup>
            <ButtonLink href={`${href}/wijzigen`} variant="secondary">
              {t('network.org.edit.title')}
            </ButtonLink>
          </ButtonGroup>
        )}
      </Section>
      <Section id="contactpersonen" title={t('network.org.contacts')} items={detail.contacts} empty={t('network.org.noContacts')}>
        {detail.contacts.map((c) => (
          <ContactCard c={c} may={detail.may} path={path} />
        ))}
      </Section>
      {detail.may.manage && (
        <Section id="contact-toevoegen" title={t('network.contact.add')}>
          <Form action={`${href}/contactpersonen`}>
            {contactFields.map((f) => (
              <TextField
                name={f.name}
                type={f.type}
                label={t(`network.contact.${f.name}`)}
                hint={f.name === 'role' ? t('network.contact.roleHint') : undefined}
                optional={f.name !== 'name'}
                autocomplete="off"
                value={form === 'contact' ? values?.[f.name] : ''}
                errors={form === 'contact' ? errors : undefined}
              />
            ))}
            <CheckboxField name="privatePerson" label={t('network.contact.private')} checked={form === 'contact' && values?.privatePerson === 'ja'} />
            <Button variant="primary">{t('network.contact.add')}</Button>
          </Form>
        </Section>
      )}
    </NetworkPage>
  );
}

export function OrganisationEditPage({ ctx, council, detail, errors, values }: Props & FormState & { detail: Pick<OrganisationDetail, 'organisation' | 'types'> }) {
  const t = ctx.t;
  const o = detail.organisation;
  const href = `${networkPath(council)}/organisaties/${o.id}`;
  const current = values ?? { ...o, type: o.customTypeId ? `eigen:${o.customTypeId}` : o.type };
  return (
    <NetworkPage title={t('network.org.edit.title')} href={`${href}/wijzigen`} parent={{ href, label: o.name }} errors={errors}>
      <Form action={href}>
        <OrganisationFields types={detail.types} values={current as Record<string, string | string[] | boolean>} errors={errors} />
        <Button variant="primary">{t('network.org.save')}</Button>
      </Form>
    </NetworkPage>
  );
}

export function ConsentFormPage({
  ctx,
  council,
  contact,
  organisation,
  months,
  errors,
  values,
}: Props & FormState & { contact: { id: string; name: string }; organisation: { id: string; name: string }; months: number }) {
  const t = ctx.t;
  const path = networkPath(council);
  const href = `${path}/contactpersonen/${contact.id}/toestemming`;
  const v = values ?? { textVersion: '', source: 'form', purpose: 'invitations' };
  return (
    <NetworkPage title={t('network.consent.for', { name: contact.name })} href={href} parent={{ href: `${path}/organisaties/${organisation.id}`, label: organisation.name }} errors={errors}>
      <Form action={href}>
        <SelectField name="purpose" label={t('network.consent.purpose')} value={v.purpose} options={consentPurposes.map((p) => ({ value: p, label: t(`network.purpose.${p}`) }))} errors={errors} />
        <TextField name="givenOn" type="date" label={t('network.consent.givenOn')} value={v.givenOn} errors={errors} width="short" />
        <TextField name="expiresOn" type="date" label={t('network.consent.expiresOn')} hint={t('network.consent.expiresHint', { months })} optional value={v.expiresOn} errors={errors} width="short" />
        <SelectField name="source" label={t('network.consent.source')} value={v.source} options={consentSources.map((s) => ({ value: s, label: t(`network.source.${s}`) }))} errors={errors} />
        <TextField name="textVersion" label={t('network.consent.textVersion')} hint={t('network.consent.textVersionHint')} value={v.textVersion} errors={errors} width="short" />
        <Button variant="primary">{t('network.consent.save')}</Button>
      </Form>
    </NetworkPage>
  );
}

export function TypesPage({ ctx, council, types, errors, values, notice }: Props & FormState & { types: TypeRow[]; notice?: string }) {
  const t = ctx.t;
  const href = `${networkPath(council)}/soorten`;
  return (
    <NetworkPage title={t('network.types.title')} href={href} intro={t('network.types.intro')} errors={errors} notice={notice}>
      <Section id="eigen-soorten" title={t('network.types.own')} items={types} empty={t('network.types.none')}>
        <ul class="utrecht-unordered-list">
          {types.map((x) => (
            <li class="utrecht-unordered-list__item">{x.name}</li>
          ))}
        </ul>
      </Section>
      <Form action={href}>
        <TextField name="name" label={t('network.types.name')} value={values?.name} errors={errors} />
        <Button variant="primary">{t('network.types.add')}</Button>
      </Form>
    </NetworkPage>
  );
}

export function SettingsPage({ ctx, council, months, errors, values, notice }: Props & FormState & { months: number; notice?: string }) {
  const t = ctx.t;
  const href = `${networkPath(council)}/instellingen`;
  return (
    <NetworkPage title={t('network.settings.title')} href={href} errors={errors} notice={notice}>
      <Form action={href}>
        <TextField
          name="consentMonths"
          label={t('network.settings.consentMonths')}
          hint={t('network.settings.consentMonthsHint')}
          inputmode="numeric"
          width="short"
          value={values?.consentMonths ?? String(months)}
          errors={errors}
        />
        <Button variant="primary">{t('network.org.save')}</Button>
      </Form>
    </NetworkPage>
  );
}

type Access = { at: Date; who: string | null; kind: 'view_contact' | 'view_experience_contact' | 'erase' };

export function AccessLogPage({ ctx, council, rows }: Props & { rows: Access[] }) {
  const t = ctx.t;
  const columns: Column<Access>[] = [
    { header: t('network.accessLog.when'), cell: (r) => formatDate(r.at, ctx.locale) },
    { header: t('network.accessLog.who'), cell: (r) => r.who ?? '-' },
    { header: t('network.accessLog.what'), cell: (r) => t(`network.accessLog.kind.${r.kind}`) },
  ];
  return (
    <NetworkPage title={t('network.accessLog.title')} href={`${networkPath(council)}/toegangslog`}>
      <Table caption={t('network.accessLog.title')} empty={t('network.accessLog.none')} rows={rows} columns={columns} />
    </NetworkPage>
  );
}
