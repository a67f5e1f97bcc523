import { usePageCouncil, usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { ButtonGroup, ButtonLink, StatusBadge } from '../../../ui/components/basics.tsx';
import { SelectField } from '../../../ui/components/form.tsx';
import { WorkspacePage, type WorkspacePageParts } from '../../../ui/layouts/workspace-page.tsx';
import type { ConsentStatus } from '../network.rules.ts';

export type Props = { ctx: PageCtx; council: Council; actor: Actor };
export type FormState = { errors?: FieldErrors; values?: FormValues };

export const networkPath = (council: Pick<Council, 'slug'>) => `/${council.slug}/werkruimte/netwerk`;

/**
 * A page of the network section: breadcrumb to the network, then `parent` pages, then this page.
 * A list page gives `add`, the label of its button to a new item (`<page>/nieuw`), when the actor may add.
 */
export function NetworkPage({ add, children, ...props }: Omit<WorkspacePageParts, 'section'> & { add?: string | false }) {
  const { t } = usePageCtx(props.ctx);
  const list = networkPath(usePageCouncil(props.council));
  const up = props.parent === undefined ? [] : Array.isArray(props.parent) ? props.parent : [props.parent];
  const parent = props.href ? [{ href: list, label: t('network.ws.title') }, ...up] : undefined;
  return (
    <WorkspacePage {...props} section={list} parent={parent}>
      {add && (
        <ButtonGroup>
          <ButtonLink href={`${props.href ?? list}/nieuw`}>{add}</ButtonLink>
        </ButtonGroup>
      )}
      {children}
    </WorkspacePage>
  );
}

const looks = { valid: 'success', expiring: 'warning', expired: 'danger', withdrawn: 'inactive', none: 'neutral' } as const;

export function ConsentBadge({ ctx: given, status }: { ctx?: PageCtx; status: ConsentStatus }) {
  const ctx = usePageCtx(given);
  return <StatusBadge status={looks[status]}>{ctx.t(`network.status.${status}`)}</StatusBadge>;
}

/** "Ja"/"Nee" for a yes-or-no column. */
export const yesNo = (ctx: PageCtx, v: boolean) => ctx.t(v ? 'network.yes' : 'network.no');

/** One secondary action under a section ("Raadpleging wijzigen"); nothing when the actor may not. */
export function SectionAction({ show, href, label }: { show: boolean; href: string; label: string }) {
  return show ? (
    <ButtonGroup>
      <ButtonLink href={href} variant="secondary">
        {label}
      </ButtonLink>
    </ButtonGroup>
  ) : null;
}

/** A choice that may be left open: the first option (empty value) says so. */
export function OptionalChoice(props: FormState & { ctx: PageCtx; name: string; label: string; none: string; options: { value: string; label: string }[] }) {
  const { name, values, errors } = props;
  return <SelectField name={name} label={props.label} optional value={values?.[name] ?? ''} options={[{ value: '', label: props.none }, ...props.options]} errors={errors} />;
}
