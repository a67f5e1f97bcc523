// The meeting packet's work on uploaded PDFs, run in a sandboxed worker thread (core/sandbox) by
// meetings.packet.ts: checking one document, or laying out the whole packet.
import { buildPacket, cleanCopy, type PacketInput } from './meetings.packet.build.ts';

export type PacketJob = { op: 'document'; bytes: Uint8Array } | { op: 'packet'; input: PacketInput };

export default function run(job: PacketJob) {
  return job.op === 'document' ? cleanCopy(job.bytes) : buildPacket(job.input);
}
