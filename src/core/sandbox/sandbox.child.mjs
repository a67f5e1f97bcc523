// The process a sandboxed task runs in (core/sandbox/sandbox.ts). Plain JavaScript: it registers
// the TypeScript loader only when the task is the TypeScript source (a task built into dist/
// needs none), imports the task's module once and runs its default export on every input the
// parent sends, one at a time. Whatever a task does, it can only end this process: the parent
// sees a reply, or the exit (with V8's message on stderr when the heap ran out).
const modulePath = process.argv[2];
if (!modulePath || !process.send) throw new Error('sandbox.child.mjs: started without a task or an IPC channel');
// Listening starts at once: a message that arrives while the task still loads waits for it.
const task = (async () => {
  if (modulePath.endsWith('.ts')) (await import('tsx/esm/api')).register();
  return (await import(modulePath)).default;
})();
// A task that fails to load is reported to each input, not as an unhandled rejection.
task.catch(() => {});
process.on('message', async (input) => {
  let reply;
  try {
    reply = { ok: true, value: await (await task)(input) };
  } catch (err) {
    reply = { ok: false, error: String(err?.message ?? err).slice(0, 500), code: typeof err?.code === 'string' ? err.code : undefined };
  }
  process.send(reply);
});
// The server went away (stopped, or crashed): nobody waits for this process any more.
process.on('disconnect', () => process.exit(0));
