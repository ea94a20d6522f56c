import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../server/store/sqlite/groupCommit';

describe('group commit', () => {
  let dir: string;
  let writer: Database.Database;
  let reader: Database.Database;
  const count = () => (reader.prepare('SELECT count(*) AS n FROM places').get() as { n: number }).n;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'giliran-group-'));
    writer = new Database(join(dir, 'g.db'));
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = FULL');
    writer.exec('CREATE TABLE places (id INTEGER PRIMARY KEY, holder TEXT NOT NULL)');
    reader = new Database(join(dir, 'g.db'));
  });
  afterEach(() => {
    writer.close();
    reader.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (holder: string) => writer.transaction(() => writer.prepare('INSERT INTO places (holder) VALUES (?)').run(holder).lastInsertRowid)();

  it('applies the writes of one turn of the event loop in one transaction, answered only after it committed', async () => {
    const grouped = createGroupCommit(writer);
    const seenByOthers: number[] = [];
    const answers = Array.from({ length: 5 }, (_, i) =>
      grouped(() => {
        // Another connection sees none of the batch while it runs: one transaction, not five.
        seenByOthers.push(count());
        return insert(`warga ${i}`);
      }).then((id) => ({ id, visible: count() })),
    );
    const settled = await Promise.all(answers);
    expect(seenByOthers).toEqual([0, 0, 0, 0, 0]);
    // Each answer comes after the commit: every row is visible to others by then.
    expect(settled.map((a) => a.visible)).toEqual([5, 5, 5, 5, 5]);
    expect(settled.map((a) => Number(a.id))).toEqual([1, 2, 3, 4, 5]);
  });

  it('rolls back a refused request alone: it changes nothing and the others still commit', async () => {
    const grouped = createGroupCommit(writer);
    const results = await Promise.allSettled([
      grouped(() => insert('A')),
      grouped(() => {
        insert('B');
        throw new Error('SLOT_FULL');
      }),
      grouped(() => insert('C')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('SLOT_FULL'));
    expect(reader.prepare('SELECT holder FROM places ORDER BY id').all()).toEqual([{ holder: 'A' }, { holder: 'C' }]);
  });

  it('answers in arrival order with the same results as one by one', async () => {
    const grouped = createGroupCommit(writer);
    const taken: string[] = [];
    const capacity = 2;
    const book = (who: string) =>
      grouped(() => {
        if (count() + taken.length >= capacity) throw new Error(`full for ${who}`);
        taken.push(who);
        return insert(who);
      });
    const results = await Promise.allSettled(['A', 'B', 'C', 'D'].map(book));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect(count()).toBe(2);
  });
});
