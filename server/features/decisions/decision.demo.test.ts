import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../../scripts/demo';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { listProcesses } from './decision.read';

describe.each(testDialects())('the decisions demo on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadDemoIfEmpty(database.db);
  }, 600_000);
  afterAll(async () => database?.destroy());

  it('holds processes in every state, some of them flagged', async () => {
    const inspector = (await resolveActorByUsername(database.db, 'inspector.tq'))!;
    const { items } = await listProcesses(database.db, loadPolicyLibrary(), inspector, { limit: 50, offset: 0 });
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['open', 'stopped', 'decided']));
    const codes = new Set(items.flatMap((i) => i.flags.map((f) => f.code)));
    for (const code of ['kinship-recusal', 'outside-plan', 'stalled', 'deadline-process', 'too-fast'])
      expect(codes).toContain(code);
  });
});
