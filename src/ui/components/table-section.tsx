import type { ComponentChildren } from 'preact';
import { Section, Table, type Column } from './basics.tsx';

/**
 * A labelled part of a page that is one table: the section's heading, then the table, captioned
 * by the heading unless `caption` says otherwise; `children` follow the table (a form to add a row).
 * A caption that repeats the heading is there for screen readers only: shown, it reads as a second heading.
 */
export function TableSection<T>(props: {
  id: string;
  title: string;
  level?: 2 | 3 | 4;
  intro?: ComponentChildren;
  caption?: string;
  rows: T[];
  columns: Column<T>[];
  /** Shown instead of the table when there are no rows. */
  empty?: string;
  children?: ComponentChildren;
}) {
  const { id, title, level, intro, caption, children, ...table } = props;
  return (
    <Section id={id} title={title} level={level} intro={intro}>
      <Table caption={caption ?? title} captionHidden={caption === undefined} {...table} />
      {children}
    </Section>
  );
}
