/**
 * The counting rules of the annual report, in one place and without a database: the other
 * modules' year read functions give their rows (advice, signals, meetings, members), these
 * functions turn them into the report's figures. Each rule is written next to the figure it
 * makes, and the same words are shown with the figure ("how it was counted"). Unit tests check
 * them on a fixed data set counted by hand (workplan.counting.test.ts).
 */
import { utcToLocal } from '../../core/dates/amsterdam.ts';
import type { YearAdvice } from '../advice/index.ts';
import type { SignalYearGroup } from '../signals/index.ts';
import type { YearMeeting } from '../meetings/index.ts';
import type { MembersOfYear } from '../members/index.ts';
import type { YearConsultation, YearDelegation } from '../network/index.ts';
import type { CooperationYear } from '../cooperation/index.ts';
import type { TopicState } from './workplan.workflow.ts';

/** Signal counts from 1 to 4 are shown as "fewer than 5": a small group must not be recognisable. */
const SMALL_COUNT = 5;
/**
 * A count as published: the number; null for 1 to 4 (shown as "fewer than 5"); 'hidden' for a
 * count of 5 or more hidden so that a small one cannot be worked out by subtraction (suppressGroup).
 */
export type Masked = number | null | 'hidden';
export function mask(n: number): Masked {
  return n > 0 && n < SMALL_COUNT ? null : n;
}

type Suppressed = { cells: Masked[]; totalHidden: boolean };

/** Every count hidden: small ones as "fewer than 5", the others as hidden; zeros stay. */
const allHidden = (counts: readonly number[]): Masked[] => counts.map((n) => (n === 0 ? 0 : mask(n) === null ? null : 'hidden'));

/**
 * Whether a reader can work out a protected count exactly from what is shown: the hidden counts add
 * up to the total minus the shown ones; a small one is 1 to 4, any other hidden one 5 or more.
 * `guarded`: the hidden counts that must not be worked out (the small ones, and those of `also`).
 */
function disclosive(counts: readonly number[], cells: readonly Masked[], guarded: readonly boolean[]): boolean {
  const hidden = counts.flatMap((n, i) =>
    cells[i] === null || cells[i] === 'hidden' ? [{ n, guarded: guarded[i], lo: cells[i] === null ? 1 : SMALL_COUNT, hi: cells[i] === null ? SMALL_COUNT - 1 : Number.POSITIVE_INFINITY }] : [],
  );
  const sum = hidden.reduce((s, c) => s + c.n, 0);
  return hidden.some((c, i) => {
    if (!c.guarded) return false;
    const others = hidden.filter((_, j) => j !== i);
    const least = others.reduce((s, o) => s + o.lo, 0);
    const most = others.reduce((s, o) => s + o.hi, 0);
    return Math.max(c.lo, sum - most) >= Math.min(c.hi, sum - least);
  });
}

/**
 * Complementary suppression of one group of counts (a row or column) whose total is published:
 * counts of 1 to 4 are hidden, and when the total minus the shown counts would give a hidden one
 * away, more counts are hidden too: the smallest above 5 first (a 5 next to a 1 would still give
 * the 1 away), then 5s. `also` hides counts that another group would give away; they are guarded
 * the same way. When nothing else can be hidden, the total must be hidden as well (`totalHidden`)
 * and every count with it.
 */
export function suppressGroup(counts: readonly number[], opts: { totalShown: boolean; also?: readonly boolean[] }): Suppressed {
  const guarded = counts.map((n, i) => mask(n) === null || (n > 0 && Boolean(opts.also?.[i])));
  const cells: Masked[] = counts.map((n, i) => (mask(n) === null ? null : guarded[i] ? 'hidden' : n));
  if (!opts.totalShown) return { cells, totalHidden: false };
  while (disclosive(counts, cells, guarded)) {
    const open = counts.map((n, i) => ({ n, i })).filter((c) => c.n > 0 && typeof cells[c.i] === 'number');
    const next = open.sort((a, b) => Number(b.n > SMALL_COUNT) - Number(a.n > SMALL_COUNT) || a.n - b.n)[0];
    if (!next) return { cells: allHidden(counts), totalHidden: true };
    cells[next.i] = 'hidden';
  }
  return { cells, totalHidden: false };
}

/**
 * Two groups that split the same total (per theme and per month): each is suppressed on its own;
 * when one of them needs the total hidden, both hide every count, or the other would add up to it.
 */
function suppressSplits(total: number, groups: readonly (readonly number[])[], also: readonly (readonly boolean[] | undefined)[] = []): { total: Masked; groups: Masked[][] } {
  const shown = mask(total);
  const done = groups.map((g, k) => suppressGroup(g, { totalShown: shown !== null, also: also[k] }));
  if (done.some((d) => d.totalHidden)) return { total: 'hidden', groups: groups.map(allHidden) };
  return { total: shown, groups: done.map((d) => d.cells) };
}

export type AnswerKind = YearAdvice['recommendations'][number]['answer'];
export const answerKinds: readonly AnswerKind[] = ['adopted', 'partly', 'not_adopted', 'unanswered'];

/** The rows the other modules' year read functions give (their public surface). */
export type AdviceInput = YearAdvice;
export type SignalGroupInput = SignalYearGroup;
export type MeetingInput = YearMeeting;
type MembersInput = MembersOfYear;
export type ConsultationInput = YearConsultation;
export type DelegationInput = YearDelegation;
export type CooperationInput = CooperationYear;
export type TopicInput = { id: string; title: string; policyField: string; status: TopicState; dropReason: string };

export type Answers = Record<AnswerKind, number>;
export type RecordRef = { id: string; label: string; isPublic?: boolean };

export type AdviceFigures = {
  total: number;
  requested: number;
  unsolicited: number;
  perField: { field: string; requested: number; unsolicited: number; answers: Answers }[];
  answers: Answers;
  recommendations: number;
  answered: number;
  averageDays: number | null;
  longestDays: number | null;
  longest: RecordRef | null;
  answeredLate: number;
  openPastDue: number;
  adoptedRecommendations: number;
  withFollowUp: number;
  records: RecordRef[];
};

export type SignalFigures = {
  total: Masked;
  ledToAdvice: Masked;
  perTheme: { name: string | null; count: Masked; toAdvice: Masked }[];
  perMonth: { month: number; count: Masked }[];
};

export type MeetingFigures = {
  held: number;
  cancelled: number;
  planned: number;
  averageAttending: number | null;
  officials: number;
  experts: number;
  organisations: number;
  records: RecordRef[];
};

export type NetworkFigures = {
  total: number;
  perKind: { kind: string; count: number }[];
  /** Organisations invited, added up over the consultations. */
  organisations: number;
  experiences: number;
  records: RecordRef[];
  // Added in session 5: versions generated before have none of these.
  attended?: number;
  headCount?: number;
  delegations?: { body: string; startsOn: string; endsOn: string | null; reports: number }[];
  /** Report-backs of delegates recorded in the year. */
  reportBacks?: number;
};

export type CooperationFigures = {
  agreements: number;
  dossiersShared: number;
  dossiersReceived: number;
  jointMeetings: number;
  jointAdvices: number;
  /** The agreements (links go to the agreement, where its meetings and folders are). */
  records: RecordRef[];
  adviceRecords: RecordRef[];
};

export type TopicFigures = { total: number; perStatus: Record<TopicState, number>; list: TopicInput[] };

/** The figures of one year as stored in a report version (JSON). */
export type ReportFigures = {
  year: number;
  /** The day the figures count up to: the last day of the year, or the day they were generated. */
  countedUpTo: string;
  advices: AdviceFigures;
  signals: SignalFigures | null;
  meetings: MeetingFigures | null;
  /** Null when the organisation has no network section. */
  network: NetworkFigures | null;
  /** Null when the organisation has no cooperation section; absent in versions generated before session 5. */
  cooperation?: CooperationFigures | null;
  members: MembersInput;
  topics: TopicFigures;
  /** Sections whose module is not installed yet (network and consultations, cooperation). */
  missing: string[];
};

const emptyAnswers = (): Answers => ({ adopted: 0, partly: 0, not_adopted: 0, unanswered: 0 });
const DAY = 86_400_000;

/** Whole calendar days from one instant to another (Amsterdam dates are close enough: the answer is counted in days). */
function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY);
}

/**
 * Advices: every advice sent in the year, requested or unsolicited, per policy field. Its
 * recommendations count by the college's answer (adopted, partly, not, unanswered). Time to answer:
 * days from sending to the college's answer, for answered advices (average rounded to whole days,
 * and the longest). Late: answered after the due date. Open past due: no answer and the due date
 * has passed on `countedUpTo`. Follow-up: adopted or partly adopted recommendations with a follow-up
 * written down.
 */
export function countAdvices(rows: readonly AdviceInput[], countedUpTo: string): AdviceFigures {
  const fields = new Map<string, AdviceFigures['perField'][number]>();
  const answers = emptyAnswers();
  let recommendations = 0;
  let adoptedRecommendations = 0;
  let withFollowUp = 0;
  const days: { days: number; row: AdviceInput }[] = [];
  let answeredLate = 0;
  let openPastDue = 0;
  for (const a of rows) {
    const f = fields.get(a.policyField) ?? { field: a.policyField, requested: 0, unsolicited: 0, answers: emptyAnswers() };
    f[a.kind]++;
    fields.set(a.policyField, f);
    for (const r of a.recommendations) {
      recommendations++;
      answers[r.answer]++;
      f.answers[r.answer]++;
      if (r.answer === 'adopted' || r.answer === 'partly') {
        adoptedRecommendations++;
        if (r.hasFollowUp) withFollowUp++;
      }
    }
    if (a.answeredAt) {
      days.push({ days: daysBetween(a.sentAt, a.answeredAt), row: a });
      if (a.answerDueOn && utcToLocal(a.answeredAt).date > a.answerDueOn) answeredLate++;
    } else if (a.answerDueOn && a.answerDueOn < countedUpTo) openPastDue++;
  }
  const longest = days.reduce<{ days: number; row: AdviceInput } | null>((m, d) => (!m || d.days > m.days ? d : m), null);
  const ref = (a: AdviceInput): RecordRef => ({ id: a.id, label: `${a.reference} ${a.subject}`, isPublic: a.isPublic });
  return {
    total: rows.length,
    requested: rows.filter((a) => a.kind === 'requested').length,
    unsolicited: rows.filter((a) => a.kind === 'unsolicited').length,
    perField: [...fields.values()].sort((x, y) => x.field.localeCompare(y.field)),
    answers,
    recommendations,
    answered: days.length,
    averageDays: days.length ? Math.round(days.reduce((s, d) => s + d.days, 0) / days.length) : null,
    longestDays: longest?.days ?? null,
    longest: longest ? ref(longest.row) : null,
    answeredLate,
    openPastDue,
    adoptedRecommendations,
    withFollowUp,
    records: rows.map(ref),
  };
}

/**
 * Signals: every signal received in the year, duplicates left out; per theme (those without a theme
 * together) and per month. "Led to an advice": linked to an advice, or closed as included in one.
 * Counts from 1 to 4 are shown as "fewer than 5" (mask); per theme and per month, more counts are
 * hidden where the total would give a small one away (suppressGroup).
 */
export function countSignals(groups: readonly SignalGroupInput[]): SignalFigures {
  const themes = new Map<string, { name: string | null; count: number; toAdvice: number }>();
  const months = Array.from({ length: 12 }, () => 0);
  let total = 0;
  let toAdvice = 0;
  for (const g of groups) {
    const key = g.themeId ?? '';
    const theme = themes.get(key) ?? { name: g.themeId ? g.themeName : null, count: 0, toAdvice: 0 };
    theme.count += g.count;
    theme.toAdvice += g.toAdvice;
    themes.set(key, theme);
    months[g.month - 1] = (months[g.month - 1] ?? 0) + g.count;
    total += g.count;
    toAdvice += g.toAdvice;
  }
  const sorted = [...themes.values()].sort((a, b) => b.count - a.count || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
  const counts = suppressSplits(total, [sorted.map((t) => t.count), months]);
  // A theme whose count is hidden hides its "led to an advice" too: that count is never more than the theme's.
  const led = suppressSplits(toAdvice, [sorted.map((t) => t.toAdvice)], [counts.groups[0]!.map((c) => typeof c !== 'number')]);
  return {
    total: counts.total,
    ledToAdvice: led.total,
    perTheme: sorted.map((t, i) => ({ name: t.name, count: counts.groups[0]![i]!, toAdvice: led.groups[0]![i]! })),
    perMonth: counts.groups[1]!.map((count, i) => ({ month: i + 1, count })),
  };
}

/**
 * Meetings: held (status "held", or planned and already started on `countedUpTo`), cancelled,
 * still planned. Attendance: members who said they would come, on average per held meeting.
 * Guests: officials (briefings), experts and representatives of organisations on the agendas of
 * held meetings.
 */
const isHeld = (m: Pick<MeetingInput, 'status' | 'startsAt'>, countedUpTo: string) => m.status === 'held' || (m.status === 'planned' && utcToLocal(m.startsAt).date <= countedUpTo);

export function countMeetings(rows: readonly MeetingInput[], countedUpTo: string): MeetingFigures {
  const held = rows.filter((m) => isHeld(m, countedUpTo));
  const sum = (k: 'attending' | 'officials' | 'experts' | 'organisations') => held.reduce((s, m) => s + m[k], 0);
  return {
    held: held.length,
    cancelled: rows.filter((m) => m.status === 'cancelled').length,
    planned: rows.length - held.length - rows.filter((m) => m.status === 'cancelled').length,
    averageAttending: held.length ? Math.round((sum('attending') / held.length) * 10) / 10 : null,
    officials: sum('officials'),
    experts: sum('experts'),
    organisations: sum('organisations'),
    records: held.map((m) => ({ id: m.id, label: m.title })),
  };
}

/**
 * Consultations and expert meetings held in the year (their date), per kind; organisations reached:
 * the organisations invited to them, summed, and of them those that came; the head counts written
 * down; experiences collected through them. Delegations: those running on at least one day of the
 * year, and their report-backs recorded in the year.
 */
export function countNetwork(rows: readonly ConsultationInput[], delegations: readonly DelegationInput[], year: number): NetworkFigures {
  const held = rows.filter((c) => c.heldOn.startsWith(`${year}-`));
  const kinds = new Map<string, number>();
  for (const c of held) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  const sum = (k: 'invited' | 'attended' | 'experiences') => held.reduce((s, c) => s + c[k], 0);
  return {
    total: held.length,
    perKind: [...kinds.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => ({ kind, count })),
    organisations: sum('invited'),
    attended: sum('attended'),
    headCount: held.reduce((s, c) => s + (c.headCount ?? 0), 0),
    experiences: sum('experiences'),
    delegations: delegations.map((d) => ({ body: d.body, startsOn: d.startsOn, endsOn: d.endsOn, reports: d.reports })),
    reportBacks: delegations.reduce((s, d) => s + d.reports, 0),
    records: held.map((c) => ({ id: c.id, label: c.topic })),
  };
}

/**
 * Cooperation: agreements in force on at least one day of the year; folders shared in them by this
 * council and by partners (shared before the year ended and still shared); joint meetings of the
 * year that a partner accepted, held by the meetings rule (countMeetings); advices sent in the year
 * that drew on a cooperation.
 */
export function countCooperation(c: CooperationInput, advices: readonly Pick<AdviceInput, 'id' | 'reference' | 'subject' | 'isPublic'>[], countedUpTo: string): CooperationFigures {
  const drew = new Set(c.adviceIds);
  const joint = advices.filter((a) => drew.has(a.id));
  return {
    agreements: c.agreements.length,
    dossiersShared: c.dossiers.filter((d) => d.own).length,
    dossiersReceived: c.dossiers.filter((d) => !d.own).length,
    jointMeetings: c.jointMeetings.filter((m) => isHeld(m, countedUpTo)).length,
    jointAdvices: joint.length,
    records: c.agreements.map((a) => ({ id: a.id, label: a.title })),
    adviceRecords: joint.map((a) => ({ id: a.id, label: `${a.reference} ${a.subject}`, isPublic: a.isPublic })),
  };
}

/** Topics of the year's work plan and where each ended (its status at the time of counting). */
export function countTopics(rows: readonly TopicInput[]): TopicFigures {
  const perStatus: Record<TopicState, number> = { planned: 0, in_progress: 0, done: 0, dropped: 0 };
  for (const t of rows) perStatus[t.status]++;
  return { total: rows.length, perStatus, list: [...rows] };
}

/** The day figures count up to: 31 December of the year, or `today` when the year has not ended. */
export function countedUpToOf(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

/** Whether a year has anything to report. */
export function hasData(f: ReportFigures): boolean {
  return (
    f.advices.total > 0 || (f.network?.total ?? 0) > 0 || (f.cooperation?.agreements ?? 0) > 0 || (f.signals !== null && f.signals.total !== 0) || (f.meetings?.held ?? 0) > 0 || f.topics.total > 0
  );
}

/**
 * Adoption across councils for the national overview: per policy field, the answers summed over
 * the councils that gave consent, and how many councils contributed. A field with fewer than 5
 * councils is shown without figures (a single council must not be recognisable).
 */
export function adoptionAcrossCouncils(reports: readonly { councilId: string; figures: Pick<ReportFigures, 'advices'> }[]): { field: string; councils: number; answers: Answers | null }[] {
  const byField = new Map<string, { councils: Set<string>; answers: Answers }>();
  for (const r of reports) {
    for (const f of r.figures.advices.perField) {
      const e = byField.get(f.field) ?? { councils: new Set<string>(), answers: emptyAnswers() };
      e.councils.add(r.councilId);
      for (const k of answerKinds) e.answers[k] += f.answers[k];
      byField.set(f.field, e);
    }
  }
  return [...byField.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([field, e]) => ({ field, councils: e.councils.size, answers: e.councils.size >= SMALL_COUNT ? e.answers : null }));
}
