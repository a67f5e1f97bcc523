/**
 * Answers kept across a language switch without JavaScript (issue 9, part 6). On a page with a
 * form, the header's language switch is a submit button of that form (`form="rw-taal"`), so the
 * browser posts what was typed to POST /taal. We seal it, keep it 15 minutes under a random id in
 * a cookie, and send the visitor back; that page's fields read it back once (ui/components/form.tsx).
 * Passwords, one-time codes and the form's own hidden fields are never kept. Drafts are not in the
 * reseal list: after a key rotation an old draft simply does not open and is dropped.
 */
import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { open, seal } from '../crypto.ts';
import { randomToken, sha256 } from '../secret.ts';
import { formDrafts } from './form-drafts.schema.ts';

export const DRAFT_COOKIE = 'rw_concept';
export const DRAFT_TTL_MS = 15 * 60_000;
/** More than any form of ours holds; a larger post keeps nothing rather than part. */
const MAX_CHARS = 100_000;
const PURPOSE = 'form-draft';
/** Field names never kept: CSRF and other underscore fields, passwords, codes and tokens. */
const NEVER_KEPT = /^_|wachtwoord|password|^code$|totp|token/i;

/** Each field's values, in the order the browser sent them. */
export type FormDraft = Record<string, string[]>;

/** What of a posted body may be kept: text values only, without the fields above. */
export function draftOf(body: unknown): FormDraft | null {
  if (!body || typeof body !== 'object') return null;
  const draft: FormDraft = {};
  let size = 0;
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    if (NEVER_KEPT.test(name)) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    if (values.length === 0) continue;
    size += name.length + values.reduce((n, v) => n + v.length, 0);
    draft[name] = values;
  }
  if (size > MAX_CHARS || Object.keys(draft).length === 0) return null;
  return draft;
}

/** Keeps a draft for `path`; returns the id for the cookie. Expired drafts are cleared on the way. */
export async function keepDraft(db: DbOrTx, secretKey: string, path: string, draft: FormDraft, now = new Date()): Promise<string> {
  const id = randomToken(24);
  await db.delete(formDrafts).where(lt(formDrafts.expiresAt, now));
  await db.insert(formDrafts).values({ idHash: sha256(id), path, sealed: seal(secretKey, PURPOSE, JSON.stringify(draft)), expiresAt: new Date(now.getTime() + DRAFT_TTL_MS) });
  return id;
}

/** The draft kept for this page under this id, once: it is removed as it is read. */
export async function takeDraft(db: DbOrTx, secretKey: string, id: string, path: string, now = new Date()): Promise<FormDraft | null> {
  if (id.length > 100) return null;
  const [row] = await db
    .delete(formDrafts)
    .where(and(eq(formDrafts.idHash, sha256(id)), eq(formDrafts.path, path), gt(formDrafts.expiresAt, now)))
    .returning({ sealed: formDrafts.sealed });
  const plain = row ? open(secretKey, PURPOSE, row.sealed) : null;
  if (!plain) return null;
  try {
    return JSON.parse(plain) as FormDraft;
  } catch {
    return null;
  }
}
