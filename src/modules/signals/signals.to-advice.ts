/**
 * From signals to advice in one go (issue 9): a theme becomes an unsolicited advice that
 * carries the theme's name, its most common policy field and its signals.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/http/forms.ts';
import { translator } from '../../core/i18n/index.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { initiateAdvice, type policyFields } from '../advice/index.ts';
import { signalThemes, signals } from './signals.schema.ts';
import { linkAdvice } from './signals.triage.ts';

type PolicyField = (typeof policyFields)[number];

/** The policy field most of the theme's signals have; 'overig' when none has one. */
function mostCommonField(fields: (PolicyField | null)[]): PolicyField {
  const counts = new Map<PolicyField, number>();
  for (const f of fields) if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
  let best: PolicyField = 'overig';
  let n = 0;
  for (const [f, c] of counts) if (c > n) [best, n] = [f, c];
  return best;
}

/**
 * Starts an unsolicited advice about a theme, at any count, and links the theme's signals to
 * it (duplicates and anonymised signals excepted). Each link is the signal's own state change,
 * with its audit entry and history row.
 */
export async function startAdviceFromTheme(deps: Deps, args: { actor: Actor | null; council: Council; themeId: string }): Promise<{ adviceId: string; linked: number }> {
  const { actor, council } = args;
  assertCan(actor, 'signals.triage');
  assertCan(actor, 'advice.initiate');
  if (!isUuid(args.themeId)) notFound('theme');
  const [theme] = await deps.db
    .select()
    .from(signalThemes)
    .where(and(eq(signalThemes.id, args.themeId), eq(signalThemes.councilId, council.id)));
  if (!theme) notFound('theme');
  const rows = await deps.db
    .select({ id: signals.id, policyField: signals.policyField })
    .from(signals)
    .where(and(eq(signals.councilId, council.id), eq(signals.themeId, theme.id), ne(signals.status, 'duplicate'), isNull(signals.anonymisedAt)));
  // The council writes its advice in Dutch.
  const nl = translator('nl');
  const advice = await initiateAdvice(deps, {
    actor,
    council,
    input: {
      subject: nl('signals.toAdvice.subject', { theme: theme.name }).slice(0, 200),
      question: nl('signals.toAdvice.question', { theme: theme.name, n: rows.length }),
      policyField: mostCommonField(rows.map((r) => r.policyField)),
      addressee: 'college',
      addresseeEmail: '',
    },
  });
  for (const r of rows) await linkAdvice(deps, { actor, council, id: r.id, adviceId: advice.id });
  return { adviceId: advice.id, linked: rows.length };
}
