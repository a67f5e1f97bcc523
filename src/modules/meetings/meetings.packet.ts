/**
 * The meeting packet (vergaderstukken): one PDF to print, with a cover page (council, meeting,
 * agenda, list of documents with their page numbers) followed by every linked document the
 * reader may see (layout: meetings.packet.build.ts). A file that cannot be read becomes a page
 * that says so: the packet never fails because of one bad document.
 *
 * Uploaded PDFs are hostile until proven otherwise (deeply nested objects, 150,000 pages), so the
 * packet is built in the background, in sandboxed child processes with a memory and a time limit
 * (core/sandbox): first each PDF on its own (a bad one becomes a notice), then the packet. The
 * result is stored as a file under a key of everything it shows, and served from there; a
 * request waits a few seconds for a build and otherwise gets a page that says it is being made.
 * Several instances share the stored packets and never build the same one twice at once.
 */
import crypto from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { Locale, Translate } from '../../core/i18n/index.ts';
import type { Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { runSandboxed, type SandboxOutcome } from '../../core/sandbox/sandbox.ts';
import { extractedText, visibleDocuments } from '../documents/index.ts';
import { getMeeting } from './meetings.queries.ts';
import { dayOf } from './meetings.calendar.ts';
import type { Meeting } from './meetings.schema.ts';
import { meetingPackets, type MeetingPacket } from './meetings.packet.schema.ts';
import type { PacketInput, PacketPartInput } from './meetings.packet.build.ts';
import type { PacketJob } from './meetings.packet.worker.ts';

export const PACKET_LIMITS = {
  /** Above this many bytes of documents in one packet, further documents are named, not included. */
  maxBytes: 200 * 1024 * 1024,
  document: { timeoutMs: 20_000, maxMemoryMb: 256 },
  packet: { timeoutMs: 60_000, maxMemoryMb: 512 },
  /** How long a request waits for a packet being built before it answers "being made". */
  waitMs: 15_000,
  /** A build claimed longer ago than this belonged to an instance that stopped: it is started again. */
  staleMs: 3 * 60_000,
  /** A packet that could not be made is tried again after this long. */
  retryFailedMs: 10 * 60_000,
};

const task = new URL('./meetings.packet.worker.ts', import.meta.url);

/** A document as planned at request time; PDFs are read and checked only when the packet is built. */
type PlannedPart = { title: string; fileName: string; item: number } & ({ kind: 'pdf'; fileHash: string } | Exclude<PacketPartInput, { kind: 'pdf' }>);
type Plan = { input: Omit<PacketInput, 'parts'>; parts: PlannedPart[]; fileName: string; key: string };

function placeOf(m: Meeting, t: Translate): string {
  const parts = [m.location];
  if (m.mode !== 'in_person' && m.onlineUrl) parts.push(`${t('calendar.event.online')}: ${m.onlineUrl}`);
  return parts.filter(Boolean).join(' - ');
}

/** What the packet of this meeting shows this actor, without reading any PDF. 404 for another council's meeting. */
async function plan(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; t: Translate; locale: Locale }): Promise<Plan> {
  const { council, t } = args;
  const detail = await getMeeting(deps, { actor: args.actor, council, id: args.meetingId });
  const { meeting, agenda } = detail;
  // Each visible document once, in agenda order, under the first item that links it.
  const ids = [...new Set(agenda.flatMap((i) => i.documents.map((d) => d.id)))];
  const visible = ids.length ? await visibleDocuments(deps, { council, actor: args.actor, ids }) : [];
  const byId = new Map(visible.map((d) => [d.id, d]));
  let budget = PACKET_LIMITS.maxBytes;
  const parts: PlannedPart[] = [];
  for (const id of ids) {
    const doc = byId.get(id);
    if (!doc) continue;
    const base = { title: doc.title, fileName: doc.fileName, item: agenda.findIndex((i) => i.documents.some((d) => d.id === id)) };
    if (doc.mimeType === 'application/pdf') {
      if (doc.sizeBytes > budget) parts.push({ ...base, kind: 'notice', notice: 'calendar.packet.tooLarge' });
      else {
        budget -= doc.sizeBytes;
        parts.push({ ...base, kind: 'pdf', fileHash: doc.fileHash });
      }
      continue;
    }
    const paragraphs = (await extractedText(deps, council.id, doc.id))
      .flatMap((p) => p.text.split(/\n\s*\n/))
      .map((p) => p.trim())
      .filter(Boolean);
    parts.push(paragraphs.length ? { ...base, kind: 'text', paragraphs } : { ...base, kind: 'notice', notice: 'calendar.packet.noText' });
  }
  const input: Plan['input'] = {
    locale: args.locale,
    title: `${t('calendar.packet.title')} ${meeting.title} ${detail.local.date}`.slice(0, 200),
    council: council.name,
    meeting: {
      title: meeting.title,
      date: dayOf(meeting.startsAt, 'nl'),
      start: detail.local.start,
      end: detail.local.end,
      place: placeOf(meeting, t),
      cancelled: meeting.status === 'cancelled',
    },
    agenda: agenda.map((i) => ({ title: i.title, startTime: i.startTime, presenter: i.presenter, isPublic: i.isPublic, explanation: i.explanation })),
  };
  const key = crypto.createHash('sha256').update(JSON.stringify({ input, parts })).digest('hex');
  return { input, parts, key, fileName: `vergaderstukken-${council.slug}-${detail.local.date}.pdf` };
}

/** Each PDF checked on its own in the sandbox: a clean copy, or the notice that replaces it. */
async function checkedPart(deps: Deps, p: PlannedPart): Promise<PacketPartInput> {
  if (p.kind !== 'pdf') return p;
  const { fileHash: _, ...base } = p;
  const bytes = await deps.files.get(p.fileHash).catch(() => null);
  if (!bytes) return { ...base, kind: 'notice', notice: 'calendar.packet.notAdded' };
  const job: PacketJob = { op: 'document', bytes: new Uint8Array(bytes) };
  const r = await runSandboxed<{ bytes: Uint8Array; tagged: boolean }>(task, job, PACKET_LIMITS.document, { keep: true });
  if (r.ok) return { ...base, kind: 'pdf', bytes: r.value.bytes, tagged: r.value.tagged };
  const tooLarge = r.reason !== 'error' || r.code === 'too_large';
  return { ...base, kind: 'notice', notice: tooLarge ? 'calendar.packet.tooLarge' : 'calendar.packet.notAdded' };
}

/** Builds the packet of a claimed row and stores the outcome; never throws. */
async function build(deps: Deps, row: MeetingPacket, p: Plan): Promise<void> {
  let outcome: SandboxOutcome<{ bytes: Uint8Array; pages: number }>;
  try {
    const parts: PacketPartInput[] = [];
    for (const part of p.parts) parts.push(await checkedPart(deps, part));
    const job: PacketJob = { op: 'packet', input: { ...p.input, parts } };
    outcome = await runSandboxed(task, job, PACKET_LIMITS.packet, { keep: true });
  } catch (err) {
    outcome = { ok: false, reason: 'error', error: String((err as Error).message).slice(0, 500) };
  }
  const set = outcome.ok
    ? { status: 'done' as const, fileHash: await deps.files.put(Buffer.from(outcome.value.bytes)), pages: outcome.value.pages, builtAt: new Date() }
    : { status: 'failed' as const, error: outcome.error, builtAt: new Date() };
  await deps.db.transaction(async (tx) => {
    await tx.update(meetingPackets).set(set).where(eq(meetingPackets.id, row.id));
    // Older packets of this meeting for the same reader's view are superseded; they go when this one is ready.
    if (outcome.ok)
      await tx
        .delete(meetingPackets)
        .where(and(eq(meetingPackets.meetingId, row.meetingId), ne(meetingPackets.id, row.id), eq(meetingPackets.status, 'done'), eq(meetingPackets.councilId, row.councilId)));
  });
}

const building = new Map<string, Promise<void>>();

/** Starts the build in the background (this process); `building` lets a waiting request follow it. */
function start(deps: Deps, row: MeetingPacket, p: Plan): void {
  const run = build(deps, row, p)
    .catch(() => undefined)
    .finally(() => building.delete(row.id));
  building.set(row.id, run);
}

/** The row for this plan, claiming (and starting) the build when nobody is building it. */
async function claim(deps: Deps, council: Council, meetingId: string, p: Plan): Promise<MeetingPacket> {
  const where = and(eq(meetingPackets.councilId, council.id), eq(meetingPackets.meetingId, meetingId), eq(meetingPackets.key, p.key));
  const [inserted] = await deps.db.insert(meetingPackets).values({ councilId: council.id, meetingId, key: p.key, status: 'building' }).onConflictDoNothing().returning();
  if (inserted) {
    start(deps, inserted, p);
    return inserted;
  }
  const [row] = await deps.db.select().from(meetingPackets).where(where).limit(1);
  if (!row) throw new Error('packet row vanished');
  const age = Date.now() - row.claimedAt.getTime();
  // A build whose instance stopped, or a failure long enough ago to try again (it may have been a busy moment).
  const stale = !building.has(row.id) && ((row.status === 'building' && age > PACKET_LIMITS.staleMs) || (row.status === 'failed' && age > PACKET_LIMITS.retryFailedMs));
  if (!stale) return row;
  const [reclaimed] = await deps.db
    .update(meetingPackets)
    .set({ claimedAt: new Date(), status: 'building', error: '' })
    .where(and(eq(meetingPackets.id, row.id), eq(meetingPackets.claimedAt, row.claimedAt)))
    .returning();
  if (reclaimed) start(deps, reclaimed, p);
  return reclaimed ?? row;
}

export type PacketAnswer = { status: 'done'; bytes: Buffer; fileName: string; pages: number } | { status: 'building' | 'failed'; meetingId: string };

/**
 * The packet of one meeting for this actor: only documents the actor may see (a closed document
 * never reaches a member who may not read it). Unknown meeting or another council's: 404.
 */
export async function meetingPacket(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; t: Translate; locale?: Locale; waitMs?: number }): Promise<PacketAnswer> {
  const p = await plan(deps, { ...args, locale: args.locale ?? 'nl' });
  let row = await claim(deps, args.council, args.meetingId, p);
  const until = Date.now() + (args.waitMs ?? PACKET_LIMITS.waitMs);
  while (row.status === 'building' && Date.now() < until) {
    const mine = building.get(row.id);
    if (mine) await Promise.race([mine, new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())))]);
    else await new Promise((r) => setTimeout(r, 250));
    [row] = (await deps.db.select().from(meetingPackets).where(eq(meetingPackets.id, row.id)).limit(1)) as [MeetingPacket];
    if (!row) return { status: 'building', meetingId: args.meetingId };
  }
  if (row.status === 'done' && row.fileHash) {
    const bytes = await deps.files.get(row.fileHash);
    if (bytes) return { status: 'done', bytes, fileName: p.fileName, pages: row.pages ?? 0 };
    await deps.db.delete(meetingPackets).where(eq(meetingPackets.id, row.id)); // the file is gone: made again next time
    return { status: 'building', meetingId: args.meetingId };
  }
  return { status: row.status === 'failed' ? 'failed' : 'building', meetingId: args.meetingId };
}
