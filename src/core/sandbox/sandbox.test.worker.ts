// A task for sandbox.test.ts: tells which thread ran it, fails on request, and returns bytes
// (whole buffers and a slice of Node's shared pool).
import { threadId } from 'node:worker_threads';

export type TestJob = { op: 'thread' | 'fail' | 'bytes' | 'pooled' };

export default function run(job: TestJob): number | Uint8Array {
  if (job.op === 'fail') throw Object.assign(new Error('failed on purpose'), { code: 'on_purpose' });
  if (job.op === 'bytes') return new Uint8Array([1, 2, 3]);
  if (job.op === 'pooled') return Buffer.from('abc');
  return threadId;
}
