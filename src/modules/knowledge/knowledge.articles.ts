/**
 * Articles: writing them (with versions, the review date and the plain-language check), and what
 * changes for the councils that adopted one when its text changes.
 */
import { asc, desc, eq } from 'drizzle-orm';
import { diffLines } from 'diff';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { findInCouncil } from '../../core/db/find.ts';
import { queueNotices } from '../../core/notices/notices.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { files } from '../../core/files/files.schema.ts';
import { utcToLocal } from '../../core/dates/amsterdam.ts';
import { knowledgeAdoptions, knowledgeArticles, knowledgeArticleVersions } from './knowledge.schema.ts';
import type { ArticleInput } from './knowledge.forms.ts';
import { defaultReviewBy, isOverdue } from './knowledge.rules.ts';
import { checkPlainLanguage, type PlainLanguageReport } from '../../ui/plain-language.ts';
import { markdownText } from '../../ui/markdown.ts';
import { isWebVtt } from './knowledge.video.ts';
import { boardsOf } from '../../core/member-lists.ts';

export type Article = typeof knowledgeArticles.$inferSelect;
export type ArticleVersion = typeof knowledgeArticleVersions.$inferSelect;

/** Today in Amsterdam, as YYYY-MM-DD. */
export const todayOf = (now = new Date()) => utcToLocal(now).date;

/** The rules a save must meet; a broken one changes nothing. */
function checkInput(input: ArticleInput, today: string): string {
  const reviewBy = input.reviewBy ?? defaultReviewBy(today);
  if (reviewBy < today) throw new DomainError('reviewInPast', 'knowledge.error.reviewInPast', 'reviewBy');
  // WCAG 2.2 AA for a video: captions, and a written text of what is said and shown. The file itself
  // is added after the save (knowledge.video.ts), or the video is a link.
  if (input.format === 'video') {
    if (!input.captionsVtt) throw new DomainError('captionsMissing', 'knowledge.error.captionsMissing', 'captionsVtt');
    if (!isWebVtt(input.captionsVtt)) throw new DomainError('captionsInvalid', 'knowledge.error.captionsInvalid', 'captionsVtt');
    if (!input.transcript) throw new DomainError('transcriptMissing', 'knowledge.error.transcriptMissing', 'transcript');
  }
  return reviewBy;
}

/** Empty optional texts are stored as null. */
const orNull = <K extends string>(values: Record<K, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v || null])) as Record<K, string | null>;

function columnsOf(input: ArticleInput, reviewBy: string) {
  const { titleEn, summaryEn, bodyEn, videoUrl, captionsVtt, signLanguageUrl, transcript, reviewBy: _typed, ...rest } = input;
  // A text article keeps no video parts, even when the form still held them.
  const video = input.format === 'video' ? { videoUrl, captionsVtt, signLanguageUrl, transcript } : { videoUrl: '', captionsVtt: '', signLanguageUrl: '', transcript: '' };
  return { ...rest, ...orNull({ titleEn, summaryEn, bodyEn }), ...orNull(video), reviewBy };
}

/** The plain-language check of what was saved: advice for the writer, never a reason to refuse. */
function plainLanguageOf(article: Pick<Article, 'summary' | 'body'>): PlainLanguageReport {
  return checkPlainLanguage(`${article.summary}\n${markdownText(article.body)}`);
}

/** A new article, version 1; the actor owns it. */
export async function createArticle(deps: Deps, args: { actor: Actor | null; council: Council; input: ArticleInput; now?: Date }): Promise<Article> {
  assertCan(args.actor, 'knowledge.write');
  const actor = args.actor;
  const reviewBy = checkInput(args.input, todayOf(args.now));
  return deps.db.transaction(async (tx) => {
    const [article] = await tx
      .insert(knowledgeArticles)
      .values({ councilId: args.council.id, ...columnsOf(args.input, reviewBy), ownerUserId: actor.userId })
      .returning();
    await tx
      .insert(knowledgeArticleVersions)
      .values({ councilId: args.council.id, articleId: article!.id, version: 1, title: article!.title, summary: article!.summary, body: article!.body, authorUserId: actor.userId });
    await audit(tx, { councilId: args.council.id, actorUserId: actor.userId, action: 'knowledgeArticle.created', entity: 'knowledgeArticle', entityId: article!.id });
    return article!;
  });
}

/**
 * Saves an article. A changed title, summary or text is a new version; the councils that adopted
 * the article get a notice with the difference.
 */
export async function updateArticle(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: ArticleInput; now?: Date }): Promise<{ article: Article; newVersion: boolean }> {
  assertCan(args.actor, 'knowledge.write');
  const actor = args.actor;
  const reviewBy = checkInput(args.input, todayOf(args.now));
  const result = await deps.db.transaction(async (tx) => {
    const before = await findInCouncil(tx, knowledgeArticles, args.council.id, args.id, { lock: true });
    if (!before) notFound('article');
    const values = columnsOf(args.input, reviewBy);
    const newVersion = before.title !== values.title || before.summary !== values.summary || before.body !== values.body;
    const version = newVersion ? before.version + 1 : before.version;
    const [article] = await tx
      .update(knowledgeArticles)
      .set({ ...values, version, updatedAt: new Date() })
      .where(eq(knowledgeArticles.id, before.id))
      .returning();
    if (newVersion) {
      await tx
        .insert(knowledgeArticleVersions)
        .values({ councilId: args.council.id, articleId: before.id, version, title: values.title, summary: values.summary, body: values.body, authorUserId: actor.userId });
      await tellAdopters(tx, before, article!);
    }
    await audit(tx, { councilId: args.council.id, actorUserId: actor.userId, action: 'knowledgeArticle.saved', entity: 'knowledgeArticle', entityId: before.id, data: { version } });
    return { article: article!, newVersion };
  });
  deps.mailer.kick();
  return result;
}

/** The difference between two texts, line by line, as short plain text for a notice ("+ new line", "- old line"). */
function differenceText(from: string, to: string, max = 600): string {
  const lines = diffLines(from.replace(/\r\n/g, '\n'), to.replace(/\r\n/g, '\n'))
    .filter((p) => p.added || p.removed)
    .flatMap((p) =>
      p.value
        .replace(/\n$/, '')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => `${p.added ? '+' : '-'} ${l}`),
    );
  const text = lines.join('\n');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Notices to the board of every council that adopted the article: what changed, and where to see it. */
async function tellAdopters(tx: DbOrTx, before: Article, after: Article): Promise<void> {
  const receivers = await boardsOf(tx, tx.select({ id: knowledgeAdoptions.councilId }).from(knowledgeAdoptions).where(eq(knowledgeAdoptions.articleId, before.id)));
  const diff = differenceText(`${before.title}\n${before.summary}\n${before.body}`, `${after.title}\n${after.summary}\n${after.body}`);
  // One notice per board member of each adopting council, pointing at that council's own page.
  const notice = { kind: 'knowledge.articleChanged', text: 'knowledge.notice.changed', params: { title: after.title, version: after.version, diff } } as const;
  await queueNotices(
    tx,
    receivers.map(({ slug, ...to }) => ({ ...notice, ...to, path: `/${slug}/werkruimte/kennisbank/overgenomen/${after.id}` })),
  );
}

/** The organisation's own articles for its workspace, with the review state. */
export async function ownArticles(deps: Deps, args: { actor: Actor | null; council: Council; now?: Date }) {
  assertCan(args.actor, 'knowledge.view');
  const today = todayOf(args.now);
  const rows = await deps.db
    .select({
      id: knowledgeArticles.id,
      title: knowledgeArticles.title,
      topic: knowledgeArticles.topic,
      visibility: knowledgeArticles.visibility,
      reviewBy: knowledgeArticles.reviewBy,
      version: knowledgeArticles.version,
    })
    .from(knowledgeArticles)
    .where(eq(knowledgeArticles.councilId, args.council.id))
    .orderBy(asc(knowledgeArticles.title));
  return { articles: rows.map((r) => ({ ...r, overdue: isOverdue(r.reviewBy, today) })), may: { write: can(args.actor, 'knowledge.write') } };
}

/** One article of the organisation to edit, with its owner's name, its video file and the plain-language check. */
export async function articleToEdit(deps: Deps, args: { actor: Actor | null; council: Council; id: string }) {
  assertCan(args.actor, 'knowledge.write');
  const article = await findInCouncil(deps.db, knowledgeArticles, args.council.id, args.id);
  if (!article) notFound('article');
  const [owner] = article.ownerUserId ? await deps.db.select({ name: users.name }).from(users).where(eq(users.id, article.ownerUserId)) : [];
  const [videoFile] = article.videoFile ? await deps.db.select({ type: files.contentType, size: files.size }).from(files).where(eq(files.hash, article.videoFile)) : [];
  return { article, owner: owner?.name ?? null, videoFile: videoFile ?? null, plainLanguage: plainLanguageOf(article) };
}

/** Every version of an article, newest first, and two of them to compare. */
export async function articleVersions(deps: Deps, args: { actor: Actor | null; council: Council; id: string }) {
  assertCan(args.actor, 'knowledge.view');
  const article = await findInCouncil(deps.db, knowledgeArticles, args.council.id, args.id);
  if (!article) notFound('article');
  const versions = await deps.db.select().from(knowledgeArticleVersions).where(eq(knowledgeArticleVersions.articleId, article.id)).orderBy(desc(knowledgeArticleVersions.version));
  return { article, versions };
}
