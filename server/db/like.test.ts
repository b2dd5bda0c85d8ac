import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/databases';
import { testDialects } from '../../test/dialects';
import { containsText, likeEscaped } from './like';

const SAMPLES = ['a_b', 'axb', 'a%b', 'a\\b', 'nguyen van a_b'];

describe.each(testDialects())('containsText on %s', (dialect) => {
  it('matches "%", "_" and "\\" literally, and still finds plain fragments', async () => {
    const t = await createTestDatabase(dialect);
    try {
      const rows = sql.join(
        SAMPLES.map((s) => sql`select ${s} as x`),
        sql` union all `,
      );
      const matching = async (text: string) =>
        (await sql<{ x: string }>`select x from (${rows}) t where ${containsText('x', text)} order by x`.execute(t.db)).rows.map(
          (r) => r.x,
        );
      expect(await matching('a_b')).toEqual(['a_b', 'nguyen van a_b']);
      expect(await matching('a%b')).toEqual(['a%b']);
      expect(await matching('a\\b')).toEqual(['a\\b']);
      expect(await matching('xb')).toEqual(['axb']);
      const wordStarts = async (text: string) =>
        (
          await sql<{
            x: string;
          }>`select x from (${rows}) t where ${likeEscaped(sql`(' ' || x)`, (e) => `% ${e}%`, text)} order by x`.execute(t.db)
        ).rows.map((r) => r.x);
      expect(await wordStarts('van')).toEqual(['nguyen van a_b']);
      expect(await wordStarts('a_')).toEqual(['a_b', 'nguyen van a_b']);
      expect(await wordStarts('an')).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
