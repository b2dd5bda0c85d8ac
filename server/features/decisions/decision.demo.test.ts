import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDecisionsDemo } from '../../../scripts/demo/decisions.demo';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadOrganizationDemo } from '../../../scripts/demo/org.demo';
import { loadProgrammeDemo } from '../../../scripts/demo/programme.demo';
import { loadVotesDemo } from '../../../scripts/demo/votes.demo';
import { resolveActorByUsername } from '../../../scripts/demo/demo-actors';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { syncTitleCatalog } from '../titles/title.service';
import { listProcesses } from './decision.read';
import { createProcess } from './decision.service';
import { withdrawDocument } from '../documents/document.edit.service';

describe.each(testDialects())('the decisions demo on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    // The demo's own people; the organization demo gives it the seats of Tuyên Quang's departments.
    await loadFoundationDemo(database.db);
    await syncTitleCatalog(database.db);
    await loadOrganizationDemo(database.db);
    await loadVotesDemo(database.db);
    // The register the decided appointment relies on (the province's cadre-planning regulation).
    await loadProgrammeDemo(database.db);
    await loadDecisionsDemo(database.db);
  }, 600_000);
  afterAll(async () => database?.destroy());

  it('holds processes in every state, some of them flagged', async () => {
    const inspector = (await resolveActorByUsername(database.db, 'inspector.tq'))!;
    const { items } = await listProcesses(database.db, loadPolicyLibrary(), inspector, { limit: 50, offset: 0 });
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['open', 'stopped', 'decided', 'cancelled']));
    const codes = new Set(items.flatMap((i) => i.flags.map((f) => f.code)));
    for (const code of ['kinship-recusal', 'outside-plan', 'stalled', 'deadline-process', 'too-fast', 'cancelled'])
      expect(codes).toContain(code);
  });

  it('links the decided appointment to the register entry it relies on, by id, so that entry cannot be withdrawn', async () => {
    const officer = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    const doc = await database.db
      .selectFrom('documents')
      .select(['id', 'number'])
      .where('number', '=', '15-QĐ/TU')
      .executeTakeFirstOrThrow();
    const links = await database.db
      .selectFrom('document_references')
      .select(['owner_kind', 'process_id'])
      .where('document_id', '=', doc.id)
      .execute();
    expect(links).toHaveLength(1);
    expect(links[0]!.owner_kind).toBe('decision_step');
    await expect(
      withdrawDocument(database.db, loadPolicyLibrary(), officer, doc.id, { reason: 'Thử rút văn bản' }),
    ).rejects.toThrow(/1 quy trình quyết định nhân sự đang căn cứ vào văn bản này/);
  });

  it("holds the director's son beside a chief-accountant seat of the same department, whom art. 20 keeps out", async () => {
    const officer = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    const stc = await database.db.selectFrom('organizations').select('id').where('code', '=', 'TQ.STC').executeTakeFirstOrThrow();
    const seat = await database.db
      .selectFrom('positions')
      .select('id')
      .where('organization_id', '=', stc.id)
      .where('title_id', '=', '368-QD-TW:KE_TOAN_TRUONG')
      .executeTakeFirstOrThrow();
    const son = await database.db
      .selectFrom('persons')
      .select('id')
      .where('full_name', '=', 'Đinh Quốc Bảo')
      .executeTakeFirstOrThrow();
    await expect(
      createProcess(database.db, loadPolicyLibrary(), officer, {
        organizationId: stc.id,
        action: 'appointment',
        track: 'state',
        personId: son.id,
        positionId: seat.id,
        startedOn: '2026-11-02',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: [expect.objectContaining({ path: 'power.relatives-restriction' })] });
  });

  it("holds the education department's cashier beside her brother, whom art. 20 keeps out of its deputy director seat", async () => {
    const officer = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    const sgd = await database.db.selectFrom('organizations').select('id').where('code', '=', 'TQ.SGD').executeTakeFirstOrThrow();
    const seat = await database.db
      .selectFrom('positions')
      .select('id')
      .where('organization_id', '=', sgd.id)
      .where('title_id', 'like', '%:PHO_GIAM_DOC_SO')
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    const brother = await database.db
      .selectFrom('persons')
      .select('id')
      .where('full_name', '=', 'Lương Văn Hải')
      .executeTakeFirstOrThrow();
    const refused = createProcess(database.db, loadPolicyLibrary(), officer, {
      organizationId: sgd.id,
      action: 'appointment',
      track: 'state',
      personId: brother.id,
      positionId: seat.id,
      startedOn: '2026-11-02',
    });
    await expect(refused).rejects.toMatchObject({
      code: 'CONFLICT',
      details: [
        expect.objectContaining({ path: 'power.relatives-restriction', message: expect.stringContaining('Lương Thị Thu') }),
      ],
    });
  });
});
