// The writer thread of a SqliteEventStore opened with `writer: 'thread'`: it owns the only writing
// connection and group-commits what the owning thread sends. The owning thread's event loop never
// waits for an fsync; a reply is posted only after COMMIT has returned, so an acknowledged append
// is exactly as durable as with the inline writer.
import { parentPort, workerData } from 'node:worker_threads';
import { CommitSignal } from './commit-signal.js';
import { GroupCommit } from './group-commit.js';
import { openDatabase, prepareStatements } from './sqlite-schema.js';
import { encodeError, type FromWriter, type ToWriter, type WriterInit, type WriterReply } from './sqlite-writer.protocol.js';

const port = parentPort;
if (!port) throw new Error('sqlite-writer.worker must run in a worker thread');
const send = (m: FromWriter) => port.postMessage(m);

try {
  const { file, commitSignal } = workerData as WriterInit;
  const db = openDatabase(file);
  // Followers (projection workers) hear of the commit from here, before the owning thread does.
  const signal = new CommitSignal(commitSignal);
  const group = new GroupCommit(db, prepareStatements(db), () => signal.bump());
  let outbox: WriterReply[] = [];
  // Replies settle as microtasks right after a flush; one message carries the whole batch.
  const post = () => {
    const replies = outbox;
    outbox = [];
    send({ type: 'results', replies, commits: group.stats.commits, appends: group.stats.appends, committed: replies.some((r) => 'result' in r) });
  };
  const reply = (r: WriterReply) => {
    if (outbox.push(r) === 1) queueMicrotask(post);
  };
  port.on('message', (m: ToWriter) => {
    if (m.type === 'append') {
      for (const { id, ...req } of m.requests) {
        group.enqueue(req).then((result) => reply({ id, result }), (e: unknown) => reply({ id, error: encodeError(e) }));
      }
      return;
    }
    group.flush();
    // After the flush's replies (queued microtasks) have been posted.
    setImmediate(() => {
      db.close();
      send({ type: 'closed' });
      port.close();
    });
  });
  send({ type: 'ready', synchronous: db.pragma('synchronous', { simple: true }) as number, journalMode: db.pragma('journal_mode', { simple: true }) as string });
} catch (e) {
  send({ type: 'failed', message: e instanceof Error ? e.message : String(e), error: encodeError(e) });
}
