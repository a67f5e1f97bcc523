/** Step 2: the working group writes its proposal; the board makes a concept of it. */
import { Paragraph, Link, DataList } from '../../../../ui/components/basics.tsx';
import { ActionForm } from '../../../../ui/components/form.tsx';
import type { StepProps } from './shared.tsx';
import { AssignForm } from './request.tsx';

export function DraftingStep(props: StepProps) {
  const { ctx, detail, path } = props;
  const t = ctx.t;
  const { advice, may } = detail;
  return (
    <>
      <DataList items={[{ key: t('advice.detail.workingGroup'), value: detail.workingGroup?.name ?? t('advice.detail.none') }]} />
      {may.readDrafts && (
        <Paragraph>
          <Link href={`${path}/versies`}>{t('advice.detail.versions', { n: detail.draftVersions })}</Link>
          {may.editDraft && <> {t('advice.drafts.youWrite')}</>}
        </Paragraph>
      )}
      {may.toConcept && <ActionForm action={`${path}/concept`} hint={t('advice.concept.hint')} button={t('advice.concept.button')} variant="primary" />}
      {may.assign && advice.status === 'drafting' && <AssignForm {...props} />}
    </>
  );
}
