import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { StatusBadge } from '../../../ui/components/basics.tsx';
import { WorkspacePage, type WorkspacePageProps } from '../../../ui/layouts/workspace-page.tsx';
import type { ConsentStatus } from '../network.rules.ts';

export type Props = { ctx: PageCtx; council: Council; actor: Actor };
export type FormState = { errors?: FieldErrors; values?: FormValues };

export const networkPath = (council: Pick<Council, 'slug'>) => `/${council.slug}/werkruimte/netwerk`;

/** A page of the network section: breadcrumb to the network, then `parent` pages, then this page. */
export function NetworkPage(props: Omit<WorkspacePageProps, 'section'>) {
  const list = networkPath(props.council);
  const up = props.parent === undefined ? [] : Array.isArray(props.parent) ? props.parent : [props.parent];
  const parent = props.href ? [{ href: list, label: props.ctx.t('network.ws.title') }, ...up] : undefined;
  return <WorkspacePage {...props} section={list} parent={parent} />;
}

const looks = { valid: 'success', expiring: 'warning', expired: 'danger', withdrawn: 'inactive', none: 'neutral' } as const;

export function ConsentBadge({ ctx, status }: { ctx: PageCtx; status: ConsentStatus }) {
  return <StatusBadge status={looks[status]}>{ctx.t(`network.status.${status}`)}</StatusBadge>;
}

/** "Ja"/"Nee" for a yes-or-no column. */
export const yesNo = (ctx: PageCtx, v: boolean) => ctx.t(v ? 'network.yes' : 'network.no');
