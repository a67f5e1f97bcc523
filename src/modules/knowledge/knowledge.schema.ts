import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, cascadeKey, cascadeRef, councilRef, councilTable, createdAt, madeBy, setNullRef, timestamps, timestamptz, updatedAt } from '../../core/db/columns.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { outbox } from '../../core/mail/mail.schema.ts';

export const articleVisibilities = ['public', 'members'] as const;
export const articleFormats = ['text', 'video'] as const;

/** The texts of an article, an article version and a news item (Markdown in `body`). */
const texts = () => ({ title: text('title').notNull(), summary: text('summary').notNull(), body: text('body').notNull() });

/**
 * An article of an organisation's knowledge base. Articles of a national organisation (kind
 * `landelijk`) are the national knowledge base that councils adopt; a council's own articles are
 * its handbook (members only) or public pages. Markdown in `body`; the English text is optional.
 */
export const knowledgeArticles = councilTable(
  'knowledge_articles',
  {
    ...texts(),
    titleEn: text('title_en'),
    summaryEn: text('summary_en'),
    bodyEn: text('body_en'),
    topic: text('topic').notNull(),
    laws: jsonb('laws').$type<string[]>().notNull().default([]),
    visibility: text('visibility', { enum: articleVisibilities }).notNull().default('public'),
    format: text('format', { enum: articleFormats }).notNull().default('text'),
    /**
     * A video article: an uploaded file (in the file store, by hash, with its type as sniffed) or a
     * link to one elsewhere; its captions (WebVTT, required), sign-language version and transcript (required).
     */
    videoFile: text('video_file'),
    videoType: text('video_type'),
    videoUrl: text('video_url'),
    captionsVtt: text('captions_vtt'),
    signLanguageUrl: text('sign_language_url'),
    transcript: text('transcript'),
    ownerUserId: setNullRef('owner_user_id', () => users.id),
    reviewBy: date('review_by').notNull(),
    /** The review date a reminder went out for, so each reminder goes once. */
    reviewReminderFor: date('review_reminder_for'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('knowledge_articles_council_idx').on(t.councilId, t.updatedAt),
    // The Dutch search (knowledge.library.ts) matches this very expression.
    index('knowledge_articles_search_idx').using('gin', sql`to_tsvector('dutch', ${t.title} || ' ' || ${t.summary} || ' ' || ${t.body})`),
  ],
);

/** Each saved text of an article, to compare versions and to show adopters what changed. */
export const knowledgeArticleVersions = councilTable(
  'knowledge_article_versions',
  {
    articleId: cascadeRef('article_id', () => knowledgeArticles.id),
    version: integer('version').notNull(),
    ...texts(),
    ...madeBy('authorUserId'),
  },
  (t) => [uniqueIndex('knowledge_article_versions_uniq').on(t.articleId, t.version)],
);

/** A council shows a national article on its own site, with a local paragraph of its own (the national text is never copied). */
export const knowledgeAdoptions = councilTable(
  'knowledge_adoptions',
  {
    articleId: cascadeRef('article_id', () => knowledgeArticles.id),
    localParagraph: text('local_paragraph').notNull().default(''),
    /** The national version the council last saw; a newer one is shown to it with the difference. */
    seenVersion: integer('seen_version').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('knowledge_adoptions_uniq').on(t.councilId, t.articleId)],
);

/** A news item of an organisation, public at /{slug}/nieuws and in its Atom feed. */
export const knowledgeNews = councilTable(
  'knowledge_news',
  {
    ...texts(),
    authorUserId: setNullRef('author_user_id', () => users.id),
    publishedAt: timestamptz('published_at').notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [index('knowledge_news_council_idx').on(t.councilId, t.publishedAt)],
);

/**
 * "Stuur dit artikel door": what the rate limits count. Addresses are kept only as a keyed hash
 * for a day (never the address), then removed.
 */
export const knowledgeForwards = councilTable(
  'knowledge_forwards',
  {
    /** HMAC of the receiving address, or of the sender's network address. */
    keyHash: text('key_hash').notNull(),
    /** The article or news item that was sent on. */
    itemId: uuid('item_id').notNull(),
    at: at(),
  },
  (t) => [index('knowledge_forwards_key_idx').on(t.keyHash, t.at), index('knowledge_forwards_item_idx').on(t.itemId, t.at)],
);

/** Forwarded mails in the outbox: removed from it once sent, so the addresses are not kept. */
export const knowledgeForwardMails = pgTable('knowledge_forward_mails', {
  outboxId: cascadeKey('outbox_id', () => outbox.id),
  councilId: councilRef(),
  createdAt: createdAt(),
});
