/** The documents kept with an advice, and the form that adds one. */
import { usePageCtx, type PageCtx } from '../../../../ui/context.ts';
import { Heading, Paragraph, Button, LinkList } from '../../../../ui/components/basics.tsx';
import { FileField, Form, RadioGroup } from '../../../../ui/components/form.tsx';
import type { DocumentRow } from '../../advice.queries.ts';
import { DOCUMENT_TYPES } from './list.tsx';
import type { StepProps } from './shared.tsx';

export function DocumentList({ ctx: given, path, documents }: { ctx?: PageCtx; path: string; documents: DocumentRow[] }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <LinkList
      empty={t('advice.detail.noDocuments')}
      items={documents.map((d) => ({
        href: `${path}/documenten/${d.id}`,
        label: d.filename,
        after: ` (${t(`advice.detail.documentKind.${d.kind}`)}, ${Math.max(1, Math.round(d.size / 1024))} kB)`,
      }))}
    />
  );
}

export function DocumentsPage({ ctx, detail, path, errors }: StepProps) {
  const t = ctx.t;
  const kinds = detail.may.addDocuments;
  return (
    <>
      <DocumentList path={path} documents={detail.documents} />
      {kinds.length > 0 && (
        <Form action={`${path}/documenten?_csrf=${encodeURIComponent(ctx.csrfToken)}`} multipart>
          <Heading level={3}>{t('advice.detail.upload')}</Heading>
          <FileField errors={errors} name="documents" label={t('advice.field.documents')} hint={t('advice.field.documentsHint')} multiple accept={DOCUMENT_TYPES} />
          <RadioGroup
            errors={errors}
            name="kind"
            label={t('advice.detail.uploadKind')}
            value={kinds[0]}
            options={kinds.map((k) => ({ value: k, label: t(k === 'answer_letter' ? 'advice.answerLetter.kind' : 'advice.answerLetter.other') }))}
          />
          <Button variant="secondary">{t('advice.detail.uploadButton')}</Button>
        </Form>
      )}
      {kinds.length === 0 && detail.documents.length > 0 && <Paragraph>{t('advice.detail.documentsHint')}</Paragraph>}
    </>
  );
}
