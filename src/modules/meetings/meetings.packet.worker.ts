// The meeting packet's work on uploaded PDFs, run in a sandboxed child process (core/sandbox) by
// meetings.packet.ts: checking one document, or laying out the whole packet. The process is kept
// warm for the next job (core/sandbox `keep`): nothing of a job stays in it (the fonts, pdfkit and the
// messages are loaded once, from the app's own files; every PDF object is made per job).
import { buildPacket, cleanCopy, type PacketInput } from './meetings.packet.build.ts';

export type PacketJob = { op: 'document'; bytes: Uint8Array } | { op: 'packet'; input: PacketInput };

export default function run(job: PacketJob) {
  return job.op === 'document' ? cleanCopy(job.bytes) : buildPacket(job.input);
}
