import type { ComponentChildren } from 'preact';
import { usePageCtx, type PageCtx } from '../context.ts';

export function Button(props: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'subtle'; danger?: boolean; name?: string; value?: string; type?: 'submit' | 'button' }) {
  const variant = props.variant ?? 'primary';
  const cls = `utrecht-button utrecht-button--${variant === 'primary' ? 'primary-action' : variant === 'secondary' ? 'secondary-action' : 'subtle'}${props.danger ? ' utrecht-button--danger' : ''} nl-button nl-button--${variant}`;
  return (
    <button class={cls} type={props.type ?? 'submit'} name={props.name} value={props.value}>
      {props.children}
    </button>
  );
}

export function ButtonLink(props: { href: string; children: ComponentChildren; variant?: 'primary' | 'secondary' }) {
  const variant = props.variant ?? 'primary';
  return (
    <a class={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${variant === 'primary' ? 'primary-action' : 'secondary-action'} rw-button-link`} href={props.href}>
      {props.children}
    </a>
  );
}

export function ButtonGroup({ children }: { children: ComponentChildren }) {
  return <div class="utrecht-button-group rw-button-group">{children}</div>;
}

export function Link(props: { href: string; children: ComponentChildren; current?: boolean; lang?: string; hreflang?: string }) {
  return (
    <a class="utrecht-link nl-link" href={props.href} aria-current={props.current ? 'page' : undefined} lang={props.lang} hreflang={props.hreflang}>
      {props.children}
    </a>
  );
}

export function Heading({ level, children, id }: { level: 1 | 2 | 3 | 4; children: ComponentChildren; id?: string }) {
  const Tag = `h${level}` as 'h1';
  return (
    <Tag class={`utrecht-heading-${level} nl-heading nl-heading--level-${level}`} id={id}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead }: { children: ComponentChildren; lead?: boolean }) {
  return <p class={`utrecht-paragraph nl-paragraph${lead ? ' utrecht-paragraph--lead nl-paragraph--lead' : ''}`}>{children}</p>;
}

/** Plain text with blank lines as paragraphs; escaped by the renderer. */
/**
 * Text written by people in the council (about texts, advice, descriptions). It is Dutch even on
 * the English pages, so it says so for screen readers (WCAG 3.1.2, language of parts).
 */
export function TextBlock({ text, lang = 'nl' }: { text: string; lang?: string }) {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div class="utrecht-html" lang={lang}>
      {parts.map((p) => (
        <p>{p}</p>
      ))}
    </div>
  );
}

/**
 * A message box. An "ok" message with role="status" reports what a save just did: it takes focus
 * (its heading, or the box without one) through a small script, as the error summary does.
 */
export function Alert(props: { type: 'info' | 'ok' | 'warning' | 'error'; title?: string; children?: ComponentChildren; role?: 'status' | 'alert' }) {
  const notice = props.type === 'ok' && props.role === 'status';
  return (
    <div
      class={`utrecht-alert utrecht-alert--${props.type}${notice ? ' rw-notice' : ''}`}
      role={props.role}
      data-module={notice ? 'notice' : undefined}
      tabindex={notice && !props.title ? -1 : undefined}
    >
      <div class="utrecht-alert__content">
        {props.title && (
          <h2 class={`utrecht-heading-3 rw-alert-title${notice ? ' rw-notice__title' : ''}`} tabindex={notice ? -1 : undefined}>
            {props.title}
          </h2>
        )}
        <div class="utrecht-alert__message">{props.children}</div>
      </div>
    </div>
  );
}

export type Column<T> = { header: string; cell: (row: T) => ComponentChildren; numeric?: boolean };

/**
 * A table with a caption and scoped header cells. On a narrow screen (CSS) a table of three or
 * more columns shows each row as a block: the row header on top, then every cell beside its
 * column header, which each cell carries in `data-label`; the header row is then hidden from
 * sight (not from screen readers). A table of two columns fits a phone as it is.
 */
export function Table<T>(props: { caption: string; columns: Column<T>[]; rows: T[]; empty?: string; rowHeader?: boolean; captionHidden?: boolean }) {
  if (props.rows.length === 0 && props.empty) return <p class="utrecht-paragraph">{props.empty}</p>;
  return (
    <div class="utrecht-table-container rw-table-container">
      <table class={`utrecht-table utrecht-table--html-table rw-table${props.columns.length > 2 ? ' rw-table--stack' : ''}`}>
        <caption class={`utrecht-table__caption${props.captionHidden ? ' rw-visually-hidden' : ''}`}>{props.caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {props.columns.map((c) => (
              <th class={`utrecht-table__header-cell${c.numeric ? ' utrecht-table__header-cell--numeric' : ''}`} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.rows.map((row) => (
            <tr class="utrecht-table__row">
              {props.columns.map((c, i) =>
                i === 0 && props.rowHeader !== false ? (
                  <th class="utrecht-table__header-cell rw-table__row-header" scope="row">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td class={`utrecht-table__cell${c.numeric ? ' utrecht-table__cell--numeric' : ''}`} data-label={c.header.trim() || undefined}>
                    <div class="rw-table__value">{c.cell(row)}</div>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StatusBadge(props: { children: ComponentChildren; status?: 'neutral' | 'success' | 'warning' | 'danger' | 'inactive' }) {
  return <span class={`utrecht-status-badge utrecht-status-badge--${props.status ?? 'neutral'}`}>{props.children}</span>;
}

/** Key-value list, e.g. "check your answers"; an optional change link per row. */
export function DataList(props: { items: { key: string; value: ComponentChildren; changeHref?: string; changeLabel?: string }[] }) {
  return (
    <dl class="utrecht-data-list utrecht-data-list--rows">
      {props.items.map((item) => (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{item.key}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{item.value}</dd>
          {item.changeHref && (
            <dd class="utrecht-data-list__actions">
              <a class="utrecht-link nl-link" href={item.changeHref}>
                {item.changeLabel}
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/**
 * Where this page sits. The separator belongs to the item after it (CSS, hidden from screen
 * readers), so a trail that wraps starts each line with one "›" and never draws it twice.
 */
export function Breadcrumbs({ ctx: given, items }: { ctx?: PageCtx; items: { href: string; label: string }[] }) {
  const ctx = usePageCtx(given);
  if (items.length === 0) return null;
  return (
    <nav class="utrecht-breadcrumb-nav rw-breadcrumbs" aria-label={ctx.t('nav.breadcrumbs')}>
      <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
        {items.map((item, i) => (
          <li class="utrecht-breadcrumb-nav__item">
            <a
              class={`utrecht-breadcrumb-nav__link${i === 0 ? ' utrecht-breadcrumb-nav__link--first' : ''}${i === items.length - 1 ? ' utrecht-breadcrumb-nav__link--current' : ''}`}
              href={item.href}
              aria-current={i === items.length - 1 ? 'page' : undefined}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Page links as plain anchors; `page` is 1-based. */
export function Pagination({ ctx: given, page, pages, href }: { ctx?: PageCtx; page: number; pages: number; href: (page: number) => string }) {
  const ctx = usePageCtx(given);
  if (pages <= 1) return null;
  const numbers = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => n === 1 || n === pages || Math.abs(n - page) <= 2);
  return (
    <nav class="utrecht-pagination" aria-label={ctx.t('pagination.label')}>
      <span class="utrecht-pagination__before">
        {page > 1 && (
          <a class="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev" href={href(page - 1)} rel="prev">
            {ctx.t('pagination.previous')}
          </a>
        )}
      </span>
      <span role="list" class="utrecht-pagination__pages">
        {numbers.map((n) => (
          <span role="listitem">
            <a
              class={`utrecht-pagination__page-link${n === page ? ' utrecht-pagination__page-link--current' : ''}`}
              href={href(n)}
              aria-current={n === page ? 'page' : undefined}
              aria-label={ctx.t('pagination.page', { n })}
            >
              {n}
            </a>
          </span>
        ))}
      </span>
      <span class="utrecht-pagination__after">
        {page < pages && (
          <a class="utrecht-pagination__relative-link utrecht-pagination__relative-link--next" href={href(page + 1)} rel="next">
            {ctx.t('pagination.next')}
          </a>
        )}
      </span>
    </nav>
  );
}

/**
 * Navigation as a list of links; the current one is marked for assistive technology too.
 * On a narrow screen the list folds into a "Menu" disclosure (`<details>`, so it works without
 * JavaScript); on a wide screen the CSS shows the list and hides the toggle.
 */
export type NavLink = { href: string; label: string; more?: boolean };

function NavLinkItem({ item, current }: { item: NavLink; current: string }) {
  const isCurrent = item.href === current;
  return (
    <li class="utrecht-nav-list__item">
      <a class={`utrecht-nav-list__link${isCurrent ? ' utrecht-nav-list__link--current' : ''}`} href={item.href} aria-current={isCurrent ? 'page' : undefined}>
        {item.label}
      </a>
    </li>
  );
}

/**
 * The menu: the daily items in the bar, the rest under "Meer" (a nested `<details>`, no script
 * needed), so the bar stays one row at 1280 px. On a phone it all folds into "Menu".
 */
export function NavBar({ label, toggle, more, items, current }: { label: string; toggle: string; more: string; items: NavLink[]; current: string }) {
  const moreItems = items.filter((i) => i.more);
  // One item alone under "Meer" is a click for nothing: it stays in the bar.
  const bar = moreItems.length > 1 ? items.filter((i) => !i.more) : items;
  const inMore = moreItems.length > 1 ? moreItems : [];
  return (
    <nav class="utrecht-nav-bar rw-nav" aria-label={label}>
      <div class="utrecht-nav-bar__content rw-nav__content">
        <details class="rw-nav__menu" data-module="nav-menu">
          <summary class="rw-nav__toggle">{toggle}</summary>
          <ul class="utrecht-nav-list" role="list">
            {bar.map((item) => (
              <NavLinkItem item={item} current={current} />
            ))}
            {inMore.length > 0 && (
              <li class="utrecht-nav-list__item rw-nav__more-item">
                <details class="rw-nav__more">
                  <summary class={`rw-nav__more-toggle${inMore.some((i) => i.href === current) ? ' rw-nav__more-toggle--current' : ''}`}>{more}</summary>
                  <ul class="utrecht-nav-list rw-nav__more-list" role="list">
                    {inMore.map((item) => (
                      <NavLinkItem item={item} current={current} />
                    ))}
                  </ul>
                </details>
              </li>
            )}
          </ul>
        </details>
      </div>
    </nav>
  );
}

/**
 * A labelled part of a page: `<section aria-labelledby>` with its heading. Given `items` that are
 * empty and an `empty` text, it shows that text instead of its children (a list with nothing in it).
 */
export function Section(props: {
  id: string;
  title: ComponentChildren;
  level?: 2 | 3 | 4;
  intro?: ComponentChildren;
  items?: readonly unknown[];
  empty?: string;
  children?: ComponentChildren;
  /** Shown after the children or the empty text alike, e.g. an "Add" button. */
  after?: ComponentChildren;
}) {
  const isEmpty = props.items !== undefined && props.items.length === 0 && props.empty !== undefined;
  return (
    <section aria-labelledby={props.id}>
      <Heading level={props.level ?? 2} id={props.id}>
        {props.title}
      </Heading>
      {props.intro && <Paragraph>{props.intro}</Paragraph>}
      {isEmpty ? <Paragraph>{props.empty}</Paragraph> : props.children}
      {props.after}
    </section>
  );
}

export type LinkItem = { href: string; label: ComponentChildren; after?: ComponentChildren; lang?: string; hreflang?: string };

/**
 * A list of links, each with optional words after it. Falsy items are left out, so an item can
 * depend on a right (`may.export && { href, label }`). `inline` lays the links out in a row.
 */
export function LinkList(props: { items: (LinkItem | false | null | undefined)[]; inline?: boolean; empty?: string }) {
  const items = props.items.filter((i): i is LinkItem => Boolean(i));
  if (items.length === 0) return props.empty ? <Paragraph>{props.empty}</Paragraph> : null;
  return (
    <ul class={`utrecht-unordered-list${props.inline ? ' rw-inline-list' : ''}`}>
      {items.map((item) => (
        <li class="utrecht-unordered-list__item">
          <Link href={item.href} lang={item.lang} hreflang={item.hreflang}>
            {item.label}
          </Link>
          {item.after}
        </li>
      ))}
    </ul>
  );
}
