import { Button, Link, Section } from '../../../ui/components/basics.tsx';
import { Form, SelectField, TextField } from '../../../ui/components/form.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import type { DelegationRow } from '../network.delegations.ts';
import { NetworkPage, networkPath, type FormState, type Props } from './common.tsx';

export function DelegationsPage({
  ctx,
  council,
  actor,
  rows,
  members,
  bodies,
  mayManage,
  errors,
  values,
  notice,
}: Props & FormState & { rows: DelegationRow[]; members: { id: string; name: string }[]; bodies: { id: string; name: string }[]; mayManage: boolean; notice?: string }) {
  const t = ctx.t;
  const href = `${networkPath(council)}/afvaardigingen`;
  return (
    <NetworkPage ctx={ctx} council={council} actor={actor} title={t('network.del.title')} href={href} intro={t('network.del.intro')} errors={errors} notice={notice}>
      <Section id="lijst" title={t('network.del.title')} items={rows} empty={t('network.del.none')}>
        <ul class="utrecht-unordered-list">
          {rows.map((d) => (
            <li class="utrecht-unordered-list__item">
              {t('network.del.line', { member: d.member, body: d.body, from: formatDate(d.startsOn, ctx.locale) })}
              {d.endsOn ? ` - ${formatDate(d.endsOn, ctx.locale)}` : ''}
              {d.bodySlug && (
                <>
                  {' '}
                  <Link href={`/${d.bodySlug}`}>{d.body}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      </Section>
      {mayManage && (
        <Section id="toevoegen" title={t('network.del.add')}>
          <Form ctx={ctx} action={href}>
            <SelectField ctx={ctx} name="membershipId" label={t('network.del.member')} value={values?.membershipId} options={members.map((m) => ({ value: m.id, label: m.name }))} errors={errors} />
            <SelectField
              ctx={ctx}
              name="bodyCouncilId"
              label={t('network.del.body')}
              value={values?.bodyCouncilId ?? ''}
              options={[{ value: '', label: t('network.del.noBody') }, ...bodies.map((b) => ({ value: b.id, label: b.name }))]}
              errors={errors}
            />
            <TextField ctx={ctx} name="bodyName" label={t('network.del.bodyName')} optional value={values?.bodyName} errors={errors} />
            <TextField ctx={ctx} name="startsOn" type="date" label={t('network.del.startsOn')} value={values?.startsOn} errors={errors} width="short" />
            <TextField ctx={ctx} name="endsOn" type="date" label={t('network.del.endsOn')} optional value={values?.endsOn} errors={errors} width="short" />
            <Button variant="primary">{t('network.del.add')}</Button>
          </Form>
        </Section>
      )}
    </NetworkPage>
  );
}
