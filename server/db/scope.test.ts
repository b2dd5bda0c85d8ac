import { describe, expect, it } from 'vitest';
import { newId, nowIso } from '../lib/ids';
import { createTestDatabase } from '../../test/databases';
import { testDialects } from '../../test/dialects';
import { inSubtrees, subtreeRange } from './scope';

describe('subtreeRange', () => {
  it('raises the last "/" of a path to "0", the next byte', () => {
    expect(subtreeRange('/A/B/')).toEqual({ from: '/A/B/', to: '/A/B0' });
    expect(subtreeRange('/')).toEqual({ from: '/', to: '0' });
  });
  it('raises the last character of any other prefix', () => {
    expect(subtreeRange('/A/B')).toEqual({ from: '/A/B', to: '/A/C' });
  });
});

describe.each(testDialects())('inSubtrees on %s', (dialect) => {
  it('selects exactly the subtree: the root, its descendants, not a sibling whose id extends the root id', async () => {
    const t = await createTestDatabase(dialect);
    try {
      const root = newId();
      const a = newId();
      const child = newId();
      // A sibling whose id starts with a's id: a LIKE without the trailing "/" would take it.
      const lookalike = `${a.slice(0, 25)}${a.endsWith('Z') ? 'Y' : 'Z'}`;
      const rows = [
        { id: root, path: `/${root}/`, parent: null, depth: 0 },
        { id: a, path: `/${root}/${a}/`, parent: root, depth: 1 },
        { id: child, path: `/${root}/${a}/${child}/`, parent: a, depth: 2 },
        { id: lookalike, path: `/${root}/${lookalike}/`, parent: root, depth: 1 },
      ];
      for (const r of rows)
        await t.db
          .insertInto('organizations')
          .values({
            id: r.id,
            code: `T${r.id.slice(-8)}`,
            name: r.id,
            name_folded: r.id.toLowerCase(),
            short_name: null,
            kind: 'party_committee',
            level: 'provincial',
            parent_id: r.parent,
            path: r.path,
            depth: r.depth,
            valid_from: '2020-01-01',
            valid_to: null,
            created_at: nowIso(),
            admin_unit_code: null,
          })
          .execute();
      const under = async (roots: string[]) =>
        (
          await t.db
            .selectFrom('organizations')
            .select('id')
            .where((eb) => eb.and([inSubtrees(eb, 'path', roots), eb('path', 'like', `/${root}/%`)]))
            .orderBy('path')
            .execute()
        ).map((r) => r.id);
      expect(await under([`/${root}/${a}/`])).toEqual([a, child]);
      // Compared as sorted lists: when a's id ends in Z the lookalike ends in Y and its path sorts before a's child
      // (the order flipped in about one run in 32).
      expect((await under([`/${root}/${a}/${child}/`, `/${root}/${lookalike}/`])).sort()).toEqual([child, lookalike].sort());
      expect((await under([`/${root}/`])).length).toBe(4);
      expect(await under([])).toEqual([]);
    } finally {
      await t.destroy();
    }
  });
});
