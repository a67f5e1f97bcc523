import { formatDate, formatDateTime } from '../../core/i18n/index.ts';
import { usePageCtx } from '../context.ts';

/**
 * A date in the page's language, e.g. in a table cell; with `time` (a moment, not a day) also the
 * time of day. `none` stands where there is no date ("-" unless given).
 */
export function DateText({ value, time, none = '-' }: { value: Date | string | null | undefined; time?: boolean; none?: string }) {
  const { locale } = usePageCtx();
  return <>{!value ? none : time && value instanceof Date ? formatDateTime(value, locale) : formatDate(value, locale)}</>;
}
