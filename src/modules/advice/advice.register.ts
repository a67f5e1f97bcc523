/**
 * Queries of the public advice register, its feed and the council's overview. Read-only:
 * no use case changes anything here. Every query is scoped to one council.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, lt, or, sql, SQL, type AnyColumn, type Placeholder, type SQLWrapper } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../core/db/index.ts';
import { isUuid } from '../../core/http/forms.ts';
import { assertCan, NotFoundError, type Actor } from '../../core/policy.ts';
import type { PageCache } from '../../core/http/page-cache.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { adviceDocuments, adviceRecommendations, advices, answers, policyFields, type Advice } from './advice.schema.ts';

/** States of advice that was actually given: only these can appear in the register. */
export const givenStates = ['sent', 'answered'] as const;
export type GivenState = (typeof givenStates)[number];
type PolicyField = (typeof policyFields)[number];
export type Answer = (typeof answers)[number];

export const PAGE_SIZE = 20;
const MAX_PAGE = 10_000;

/** Register filters; the HTML form and the API share these names (plain GET parameters). */
export type RegisterFilter = {
  q: string;
  year: number | null;
  policyField: PolicyField | null;
  status: GivenState | null;
  answer: Answer | null;
  page: number;
};

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional()).catch(undefined);

/**
 * Query parameters -> filter. Unknown or malformed values are ignored rather than refused: a
 * reader with an old or edited link still gets the register.
 */
const filterSchema = z.object({
  zoekterm: z.preprocess((v) => (typeof v === 'string' ? v.trim().slice(0, 200) : ''), z.string()).catch(''),
  jaar: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1900).max(2999).optional()).catch(undefined),
  beleidsveld: optionalChoice(policyFields),
  status: optionalChoice(givenStates),
  antwoord: optionalChoice(answers),
  pagina: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(MAX_PAGE).optional()).catch(undefined),
});

export function parseRegisterFilter(query: unknown): RegisterFilter {
  const raw = query && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  // A repeated parameter counts once (the first).
  const first = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const f = filterSchema.parse(first);
  return { q: f.zoekterm, year: f.jaar ?? null, policyField: f.beleidsveld ?? null, status: f.status ?? null, answer: f.antwoord ?? null, page: f.pagina ?? 1 };
}

/** The filter as query parameters (without the page), for links and the feed. */
export function filterParams(f: RegisterFilter, page?: number): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('zoekterm', f.q);
  if (f.year) p.set('jaar', String(f.year));
  if (f.policyField) p.set('beleidsveld', f.policyField);
  if (f.status) p.set('status', f.status);
  if (f.answer) p.set('antwoord', f.answer);
  if (page && page > 1) p.set('pagina', String(page));
  return p;
}

/** The expressions the GIN indexes in advice.schema.ts are built on. */
const adviceText = sql`to_tsvector('dutch', ${advices.subject} || ' ' || ${advices.question})`;
const recommendationText = sql`to_tsvector('dutch', ${adviceRecommendations.text})`;
/** Fully qualified: inside a correlated subquery a bare "id" would name the inner table's column. */
const adviceIdColumn = sql.raw('"advices"."id"');
const sentYear = sql<number>`extract(year from ${advices.sentAt} at time zone 'Europe/Amsterdam')::int`;

/** Public: given advice whose publication status allows it today (Amsterdam). */
function publicWhere(councilId: string | Placeholder, today: string | Placeholder): SQL {
  return and(
    eq(advices.councilId, councilId as string),
    inArray(advices.status, [...givenStates]),
    or(eq(advices.publication, 'public'), and(eq(advices.publication, 'public_after'), sql`${advices.publishAfter} <= ${today}::date`)),
  )!;
}

function filterWhere(councilId: string, f: RegisterFilter): SQL[] {
  const where: SQL[] = [];
  if (f.year) where.push(sql`${sentYear} = ${f.year}`);
  if (f.policyField) where.push(eq(advices.policyField, f.policyField));
  if (f.status) where.push(eq(advices.status, f.status));
  if (f.answer) {
    where.push(sql`exists (select 1 from ${adviceRecommendations} where ${adviceRecommendations.adviceId} = ${advices.id} and ${adviceRecommendations.answer} = ${f.answer})`);
  }
  if (f.q) {
    // Two index scans (the GIN indexes on both expressions) give the ids that match, not a tsvector
    // per row per query. Two `in`s, not one over a union: PostgreSQL then probes both id sets
    // (hashed) while it walks the register's index newest first, and stops when the page is full;
    // over a union it joined and sorted every match to keep 20 (a word in 70 % of 2,000 advices:
    // 5.7 -> 3.6 ms, a rare word 2.6 -> 1.7 ms; decision 0031, session 8).
    const query = sql`plainto_tsquery('dutch', ${f.q})`;
    where.push(
      sql`(${advices.id} in (select ${advices.id} from ${advices} where ${advices.councilId} = ${councilId} and ${adviceText} @@ ${query})
        or ${advices.id} in (select ${adviceRecommendations.adviceId} from ${adviceRecommendations} where ${adviceRecommendations.councilId} = ${councilId} and ${recommendationText} @@ ${query}))`,
    );
  }
  return where;
}

export type RegisterItem = {
  id: string;
  reference: string;
  subject: string;
  policyField: PolicyField;
  status: GivenState;
  sentAt: Date | null;
  answerDueOn: string | null;
  answeredAt: Date | null;
  recommendations: Record<Answer, number>;
};

export type RegisterPage = { items: RegisterItem[]; total: number; page: number; pages: number; pageSize: number };

/** Newest first; advice without a sending date last. The order of the register, its API and the feed. */
const newestFirst = (a: { sentAt: AnyColumn | SQLWrapper; reference: AnyColumn | SQLWrapper }) => [sql`${a.sentAt} desc nulls last`, desc(a.reference)];

/**
 * One page of the register: the page's rows (through the index on council and sending date, so
 * only this page is read; the answers are counted for these rows only, a lateral join) and the
 * total. The total needs every matching advice, so with a cache it is kept per council, day and
 * filter until the next change anywhere (as the years are); the rows are read every time.
 */
export async function listRegister(db: DbOrTx, council: Council, f: RegisterFilter, opts: { pageSize?: number; today?: string; cache?: PageCache } = {}): Promise<RegisterPage> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const today = opts.today ?? todayInAmsterdam();
  const filters = filterWhere(council.id, f);
  const where = and(publicWhere(council.id, today), ...filters)!;
  const rowsOf = (page: number) => registerRows(db, council.id, filters.length ? where : { today }, pageSize, page);
  const countAll = async () => (await db.select({ n: count() }).from(advices).where(where))[0]!.n;
  const counted = opts.cache ? () => opts.cache!.memo(`register-total:${council.id}:${today}:${filterParams(f).toString()}`, countAll) : countAll;
  let page = f.page;
  let [rows, total] = await Promise.all([rowsOf(page), counted()]);
  if (rows.length === 0 && page > 1) {
    // Past the last page (an old or edited link): show the last page.
    page = Math.max(1, Math.ceil(total / pageSize));
    if (total > 0) rows = await rowsOf(page);
  }
  return {
    items: rows.map(({ adopted, partly, notAdopted, unanswered, ...r }) => ({
      ...r,
      status: r.status as GivenState,
      recommendations: { adopted, partly, not_adopted: notAdopted, unanswered },
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
  };
}

/** The page's rows, with the answers counted for those rows only. */
function rowsQuery(db: DbOrTx, councilId: string | Placeholder, where: SQL, limit: number | Placeholder, offset: number | Placeholder) {
  const pageRows = db
    .select({
      id: advices.id,
      reference: advices.reference,
      subject: advices.subject,
      policyField: advices.policyField,
      status: advices.status,
      sentAt: advices.sentAt,
      answerDueOn: advices.answerDueOn,
      answeredAt: advices.answeredAt,
    })
    .from(advices)
    .where(where)
    .orderBy(...newestFirst(advices))
    .limit(limit as number)
    .offset(offset as number)
    .as('page');
  const answered = (answer: Answer) => sql<number>`count(*) filter (where ${adviceRecommendations.answer} = ${answer})`.mapWith(Number);
  const counts = db
    .select({
      adopted: answered('adopted').as('adopted'),
      partly: answered('partly').as('partly'),
      notAdopted: answered('not_adopted').as('not_adopted'),
      unanswered: answered('unanswered').as('unanswered'),
    })
    .from(adviceRecommendations)
    .where(and(eq(adviceRecommendations.councilId, councilId as string), eq(adviceRecommendations.adviceId, pageRows.id)))
    .as('counts');
  // The subquery's order does not survive the join: order the page again (one page of rows).
  return db
    .select({
      id: pageRows.id,
      reference: pageRows.reference,
      subject: pageRows.subject,
      policyField: pageRows.policyField,
      status: pageRows.status,
      sentAt: pageRows.sentAt,
      answerDueOn: pageRows.answerDueOn,
      answeredAt: pageRows.answeredAt,
      adopted: counts.adopted,
      partly: counts.partly,
      notAdopted: counts.notAdopted,
      unanswered: counts.unanswered,
    })
    .from(pageRows)
    .leftJoinLateral(counts, sql`true`)
    .orderBy(...newestFirst(pageRows));
}

/**
 * The unfiltered register (what most readers open) as a prepared query: drizzle builds its SQL
 * once per database instead of on every request, and PostgreSQL plans it once per connection.
 */
const unfiltered = new WeakMap<object, ReturnType<typeof prepareUnfiltered>>();
function prepareUnfiltered(db: DbOrTx) {
  const council = sql.placeholder('council');
  return rowsQuery(db, council, publicWhere(council, sql.placeholder('today')), sql.placeholder('limit'), sql.placeholder('offset')).prepare('register_unfiltered_page');
}

async function registerRows(db: DbOrTx, councilId: string, where: SQL | { today: string }, pageSize: number, page: number) {
  const offset = (page - 1) * pageSize;
  if (!(where instanceof SQL)) {
    const prepared = unfiltered.get(db) ?? prepareUnfiltered(db);
    unfiltered.set(db, prepared);
    return prepared.execute({ council: councilId, today: where.today, limit: pageSize, offset });
  }
  return rowsQuery(db, councilId, where, pageSize, offset);
}

/** Years with public advice, newest first, for the year filter; kept per council and day until the next change. */
export async function registerYears(db: DbOrTx, council: Council, opts: { cache?: PageCache; today?: string } = {}): Promise<number[]> {
  const today = opts.today ?? todayInAmsterdam();
  // The day is part of the key because an advice published "from a date" appears at midnight.
  const compute = () => queryYears(db, council.id, today);
  return opts.cache ? opts.cache.memo(`register-years:${council.id}:${today}`, compute) : compute();
}

async function queryYears(db: DbOrTx, councilId: string, today: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sentYear })
    .from(advices)
    .where(and(publicWhere(councilId, today), isNotNull(advices.sentAt)))
    .orderBy(desc(sentYear));
  return rows.map((r) => Number(r.year));
}

type PublicDocument = { id: string; kind: 'request' | 'answer_letter'; filename: string; contentType: string; size: number };
export type PublicAdvice = Pick<
  Advice,
  'id' | 'reference' | 'kind' | 'subject' | 'question' | 'policyField' | 'addressee' | 'introduction' | 'explanation' | 'neededBy' | 'sentAt' | 'answerDueOn' | 'answeredAt' | 'updatedAt'
> & {
  status: GivenState;
  recommendations: { id: string; number: number; text: string; answer: Answer; answerReason: string; answeredAt: Date | null; followUp: string }[];
  documents: PublicDocument[];
};

/** One public advice; anything else (not public, another council's, malformed id) is a 404. */
export async function getPublicAdvice(db: DbOrTx, council: Council, id: string, today = todayInAmsterdam()): Promise<PublicAdvice> {
  if (!isUuid(id)) throw new NotFoundError('advice');
  const [a] = await db
    .select()
    .from(advices)
    .where(and(eq(advices.id, id), publicWhere(council.id, today)))
    .limit(1);
  if (!a) throw new NotFoundError('advice');
  const [recommendations, documents] = await Promise.all([
    db
      .select({
        id: adviceRecommendations.id,
        number: adviceRecommendations.number,
        text: adviceRecommendations.text,
        answer: adviceRecommendations.answer,
        answerReason: adviceRecommendations.answerReason,
        answeredAt: adviceRecommendations.answeredAt,
        followUp: adviceRecommendations.followUp,
      })
      .from(adviceRecommendations)
      .where(and(eq(adviceRecommendations.councilId, council.id), eq(adviceRecommendations.adviceId, a.id)))
      .orderBy(asc(adviceRecommendations.number)),
    db
      .select({
        id: adviceDocuments.id,
        kind: adviceDocuments.kind,
        filename: adviceDocuments.filename,
        contentType: adviceDocuments.contentType,
        size: adviceDocuments.size,
      })
      .from(adviceDocuments)
      .where(and(eq(adviceDocuments.councilId, council.id), eq(adviceDocuments.adviceId, a.id), inArray(adviceDocuments.kind, ['request', 'answer_letter'])))
      .orderBy(asc(adviceDocuments.createdAt)),
  ]);
  return {
    id: a.id,
    reference: a.reference,
    kind: a.kind,
    subject: a.subject,
    question: a.question,
    policyField: a.policyField,
    addressee: a.addressee,
    introduction: a.introduction,
    explanation: a.explanation,
    neededBy: a.neededBy,
    sentAt: a.sentAt,
    answerDueOn: a.answerDueOn,
    answeredAt: a.answeredAt,
    updatedAt: a.updatedAt,
    status: a.status as GivenState,
    recommendations,
    documents: documents as PublicDocument[],
  };
}

/** A public document of a public advice, with its file hash; otherwise a 404. */
export async function getPublicDocument(db: DbOrTx, council: Council, adviceId: string, documentId: string) {
  const advice = await getPublicAdvice(db, council, adviceId);
  if (!isUuid(documentId)) throw new NotFoundError('document');
  const [d] = await db
    .select()
    .from(adviceDocuments)
    .where(and(eq(adviceDocuments.id, documentId), eq(adviceDocuments.councilId, council.id), eq(adviceDocuments.adviceId, advice.id), inArray(adviceDocuments.kind, ['request', 'answer_letter'])))
    .limit(1);
  if (!d) throw new NotFoundError('document');
  return d;
}

/** The newest public advice, for the Atom feed. */
export async function latestPublic(db: DbOrTx, council: Council, limit = 50, today = todayInAmsterdam()) {
  return db
    .select({
      id: advices.id,
      reference: advices.reference,
      subject: advices.subject,
      question: advices.question,
      policyField: advices.policyField,
      status: advices.status,
      sentAt: advices.sentAt,
      answeredAt: advices.answeredAt,
      updatedAt: advices.updatedAt,
    })
    .from(advices)
    .where(publicWhere(council.id, today))
    .orderBy(...newestFirst(advices))
    .limit(limit);
}

// ------------------------------------------------------------------ overview for the council

export type OverviewRow = {
  year: number;
  policyField: PolicyField;
  advices: number;
  adopted: number;
  partly: number;
  notAdopted: number;
  unanswered: number;
  /** Average days from sending to the college's answer, over answered advice; null if none. */
  averageDays: number | null;
};
type OverdueItem = { id: string; reference: string; subject: string; sentAt: Date | null; answerDueOn: string; unanswered: number };
export type Overview = { rows: OverviewRow[]; totals: OverviewRow[]; overdue: OverdueItem[] };

/** All given advice (public or not): counts per year and policy field, and what is overdue. */
export async function councilOverview(db: DbOrTx, args: { actor: Actor; council: Council; today?: string }): Promise<Overview> {
  assertCan(args.actor, 'advice.overview');
  const { council } = args;
  const today = args.today ?? todayInAmsterdam();
  const given = and(eq(advices.councilId, council.id), inArray(advices.status, [...givenStates]), isNotNull(advices.sentAt));
  const recCount = (answer: Answer) => sql<number>`(select count(*) from ${adviceRecommendations} r where r.advice_id = ${adviceIdColumn} and r.answer = ${answer})::int`;
  const perAdvice = db
    .select({
      year: sentYear.as('year'),
      policyField: advices.policyField,
      adopted: recCount('adopted').as('adopted'),
      partly: recCount('partly').as('partly'),
      notAdopted: recCount('not_adopted').as('not_adopted'),
      unanswered: recCount('unanswered').as('unanswered'),
      days: sql<number | null>`case when ${advices.answeredAt} is not null then extract(epoch from (${advices.answeredAt} - ${advices.sentAt})) / 86400.0 end`.as('days'),
    })
    .from(advices)
    .where(given)
    .as('per_advice');
  const grouped = await db
    .select({
      year: perAdvice.year,
      policyField: perAdvice.policyField,
      advices: sql<number>`count(*)::int`,
      adopted: sql<number>`sum(${perAdvice.adopted})::int`,
      partly: sql<number>`sum(${perAdvice.partly})::int`,
      notAdopted: sql<number>`sum(${perAdvice.notAdopted})::int`,
      unanswered: sql<number>`sum(${perAdvice.unanswered})::int`,
      averageDays: sql<number | null>`avg(${perAdvice.days})::float8`,
      answeredCount: sql<number>`count(${perAdvice.days})::int`,
    })
    .from(perAdvice)
    .groupBy(perAdvice.year, perAdvice.policyField)
    .orderBy(desc(perAdvice.year), asc(perAdvice.policyField));
  const rows: (OverviewRow & { answeredCount: number })[] = grouped.map((g) => ({
    year: Number(g.year),
    policyField: g.policyField,
    advices: Number(g.advices),
    adopted: Number(g.adopted),
    partly: Number(g.partly),
    notAdopted: Number(g.notAdopted),
    unanswered: Number(g.unanswered),
    averageDays: g.averageDays === null ? null : Math.round(Number(g.averageDays)),
    answeredCount: Number(g.answeredCount),
  }));
  // Per year: sums, and the average weighted by the number of answered advices.
  const totals = new Map<number, OverviewRow & { daySum: number; answered: number }>();
  for (const r of rows) {
    const tot = totals.get(r.year) ?? {
      year: r.year,
      policyField: 'overig',
      advices: 0,
      adopted: 0,
      partly: 0,
      notAdopted: 0,
      unanswered: 0,
      averageDays: null,
      daySum: 0,
      answered: 0,
    };
    tot.advices += r.advices;
    tot.adopted += r.adopted;
    tot.partly += r.partly;
    tot.notAdopted += r.notAdopted;
    tot.unanswered += r.unanswered;
    const avg = grouped.find((g) => Number(g.year) === r.year && g.policyField === r.policyField)?.averageDays;
    if (avg !== null && avg !== undefined) {
      tot.daySum += Number(avg) * r.answeredCount;
      tot.answered += r.answeredCount;
    }
    totals.set(r.year, tot);
  }
  const overdueRows = await db
    .select({
      id: advices.id,
      reference: advices.reference,
      subject: advices.subject,
      sentAt: advices.sentAt,
      answerDueOn: advices.answerDueOn,
      unanswered: sql<number>`(select count(*) from ${adviceRecommendations} r where r.advice_id = ${adviceIdColumn} and r.answer = 'unanswered')::int`,
    })
    .from(advices)
    .where(and(eq(advices.councilId, council.id), eq(advices.status, 'sent'), isNotNull(advices.answerDueOn), lt(advices.answerDueOn, today)))
    .orderBy(asc(advices.answerDueOn), asc(advices.reference));
  return {
    rows: rows.map(({ answeredCount: _, ...r }) => r),
    totals: [...totals.values()].map(({ daySum, answered, ...r }) => ({ ...r, averageDays: answered ? Math.round(daySum / answered) : null })),
    overdue: overdueRows.map((r) => ({ ...r, answerDueOn: r.answerDueOn!, unanswered: Number(r.unanswered) })),
  };
}
