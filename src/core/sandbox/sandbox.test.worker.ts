// A task for sandbox.test.ts: tells which process ran it and what it sees of the environment,
// fails on request, runs out of heap at once, and returns bytes (whole buffers and a slice of
// Node's shared pool).
export type TestJob = { op: 'process' | 'fail' | 'bytes' | 'pooled' | 'env' | 'hog' };

export default function run(job: TestJob): number | Uint8Array | string[] {
  if (job.op === 'fail') throw Object.assign(new Error('failed on purpose'), { code: 'on_purpose' });
  if (job.op === 'bytes') return new Uint8Array([1, 2, 3]);
  if (job.op === 'pooled') return Buffer.from('abc');
  if (job.op === 'env') return Object.keys(process.env);
  if (job.op === 'hog') {
    // Arrays of 8 million numbers (64 MB each) in quick succession: a worker thread allocating
    // like this outran Node's 16 MB of grace, and V8 ended the whole process.
    const held: number[][] = [];
    for (;;) held.push(new Array(8_000_000).fill(held.length + 0.5));
  }
  return process.pid;
}
