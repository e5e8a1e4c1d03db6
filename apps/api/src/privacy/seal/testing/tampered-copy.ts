import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** A copy of `src`'s events.db in a new folder `dir`, with `update` (SQL) run on it: a log whose chain no longer verifies. */
export function tamperedCopy(src: string, dir: string, update: string): string {
  mkdirSync(dir);
  const db = new Database(path.join(src, 'events.db'), { readonly: true });
  db.exec(`VACUUM INTO '${path.join(dir, 'events.db')}'`);
  db.close();
  const edit = new Database(path.join(dir, 'events.db'));
  edit.prepare(update).run();
  edit.close();
  return dir;
}
