/**
 * Video files of video articles: recognised by their bytes (never the name or the browser's
 * claim), kept in the file store, and sent with range requests so the browser's own player can
 * seek (Safari asks for ranges before it plays at all).
 */
import { eq } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { findInCouncil } from '../../core/db/find.ts';
import { files } from '../../core/files/files.schema.ts';
import type { Upload } from '../../core/http/forms.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { knowledgeArticles } from './knowledge.schema.ts';

/** The largest video file (25 MB): a few minutes of explanation at web quality; longer films belong on a video service. */
export const VIDEO_MAX_BYTES = 25 * 1024 * 1024;
export const VIDEO_MAX_MB = VIDEO_MAX_BYTES / 1024 / 1024;

type VideoType = 'video/webm' | 'video/mp4';

/** MP4 brands every current browser plays; QuickTime (`qt  `), audio-only and image brands are not taken. */
const MP4_BRANDS = /^(iso[2-9m]|isom|mp41|mp42|avc1|M4V |dash|mmp4)$/;

/**
 * The video type of these bytes, or null: WebM is an EBML header whose DocType is "webm"; MP4 an
 * ISO base media file whose first box is `ftyp` with a known brand.
 */
export function sniffVideo(bytes: Buffer): VideoType | null {
  if (bytes.length >= 16 && bytes.readUInt32BE(0) === 0x1a45dfa3) {
    // The DocType element (0x4282) sits in the header's first few dozen bytes.
    const header = bytes.subarray(4, 64);
    const at = header.indexOf(Buffer.from([0x42, 0x82]));
    if (at >= 0 && header.includes(Buffer.from('webm', 'latin1'), at)) return 'video/webm';
    return null;
  }
  if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp' && MP4_BRANDS.test(bytes.toString('latin1', 8, 12))) return 'video/mp4';
  return null;
}

/** A WebVTT file starts with "WEBVTT" and has at least one cue (a line with -->). */
export function isWebVtt(text: string): boolean {
  return /^\uFEFF?WEBVTT(?:[ \t][^\n]*)?\r?\n/.test(text) && /\d{2}:\d{2}(?::\d{2})?\.\d{3}\s+-->\s+\d{2}:\d{2}(?::\d{2})?\.\d{3}/.test(text);
}

/**
 * The part of a file a `Range` header asks for (RFC 9110 14.1.2): one range of bytes, as
 * `start-end`, `start-` or `-suffix`. `null` sends the whole file (no header, several ranges, or
 * another unit); 'unsatisfiable' answers 416.
 */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** Stores an uploaded video on a video article of the organisation; a file of another type, or too large, changes nothing. */
export async function attachVideo(deps: Deps, args: { actor: Actor | null; council: Council; id: string; upload: Upload | null }): Promise<void> {
  assertCan(args.actor, 'knowledge.write');
  const actor = args.actor;
  const article = await findInCouncil(deps.db, knowledgeArticles, args.council.id, args.id);
  if (!article) notFound('article');
  const { upload } = args;
  if (!upload) throw new DomainError('videoMissing', 'knowledge.error.videoMissing', 'videoFile');
  if (upload.truncated) throw new DomainError('videoTooLarge', 'knowledge.error.videoTooLarge', { field: 'videoFile', params: { mb: VIDEO_MAX_MB }, status: 413 });
  const type = sniffVideo(upload.bytes);
  if (!type) throw new DomainError('videoType', 'knowledge.error.videoType', 'videoFile');
  if (article.format !== 'video') throw new DomainError('notVideo', 'knowledge.error.notVideo', 'videoFile');
  const hash = await deps.files.put(upload.bytes);
  await deps.db.transaction(async (tx) => {
    await tx.insert(files).values({ hash, contentType: type, size: upload.bytes.length }).onConflictDoNothing();
    await tx.update(knowledgeArticles).set({ videoFile: hash, videoType: type, updatedAt: new Date() }).where(eq(knowledgeArticles.id, article.id));
    await audit(tx, {
      councilId: args.council.id,
      actorUserId: actor.userId,
      action: 'knowledgeArticle.videoAttached',
      entity: 'knowledgeArticle',
      entityId: article.id,
      data: { bytes: upload.bytes.length, type },
    });
  });
}
