import { integer, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { cascadeRef, councilTable, createdAt, timestamptz } from '../../core/db/columns.ts';
import { meetings } from './meetings.schema.ts';

/**
 * Meeting packets built in the background and kept as a file. `key` is the sha256 of everything
 * the packet shows (meeting, agenda, the reader's documents and their texts), so a reader who
 * may see the same gets the same stored file, and any change makes a new one.
 */
export const meetingPackets = councilTable(
  'meeting_packets',
  {
    meetingId: cascadeRef('meeting_id', () => meetings.id),
    key: text('key').notNull(),
    /** building, done or failed. */
    status: text('status', { enum: ['building', 'done', 'failed'] }).notNull(),
    fileHash: text('file_hash'),
    pages: integer('pages'),
    error: text('error').notNull().default(''),
    claimedAt: timestamptz('claimed_at').notNull().defaultNow(),
    createdAt: createdAt(),
    builtAt: timestamptz('built_at'),
  },
  (t) => [uniqueIndex('meeting_packets_key_unique').on(t.councilId, t.meetingId, t.key)],
);
export type MeetingPacket = typeof meetingPackets.$inferSelect;
