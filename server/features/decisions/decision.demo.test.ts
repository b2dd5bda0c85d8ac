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
import { getProcess, listProcesses } from './decision.read';
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

  it('holds a step voted electronically and tallied, a dismissal an electronic tie stopped, and a postponed reappointment', async () => {
    const officer = (await resolveActorByUsername(database.db, 'officer.tq'))!;
    const library = loadPolicyLibrary();
    const { items } = await listProcesses(database.db, library, officer, { limit: 50, offset: 0 });
    const of = async (name: string, action: string) =>
      getProcess(database.db, library, officer, items.find((i) => i.personName === name && i.action === action)!.id);
    const khai = await of('Đỗ Văn Khải', 'reappointment');
    expect(khai.steps.find((s) => s.key === 'key-cadres')).toMatchObject({
      status: 'done',
      voteMode: 'electronic',
      voteStatus: 'closed',
      outcome: 'passed',
    });
    expect(khai.steps.find((s) => s.key === 'key-cadres')!.verdicts.at(-1)!.detail.vi).toContain('3/4 tán thành');
    const luc = await of('Hoàng Văn Lực', 'dismissal');
    expect(luc.status).toBe('stopped');
    expect(luc.steps.find((s) => s.key === 'collective')).toMatchObject({ voteMode: 'electronic', outcome: 'stopped' });
    expect(luc.eligibility.find((v) => v.ruleId === 'grounds.dismissal')).toMatchObject({ status: 'passed' });
    const nga = await of('Vi Thị Ngà', 'reappointment');
    expect(nga.circumstances.map((c) => c.key)).toEqual(['inpatient']);
    // Recorded in hospital from 17/08/2026, ongoing: postponed from 17/11/2026 on, whatever day the demo is read.
    const postponed = nga.eligibility.find((v) => v.ruleId === 'state.reappointment' && v.inputs.key === 'inpatient')!;
    expect(postponed.status).toBe(new Date().toISOString().slice(0, 10) >= '2026-11-17' ? 'failed' : 'warning');
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
