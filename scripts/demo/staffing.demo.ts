import type { Db } from '../../server/db/database';
import * as orgRepo from '../../server/features/organizations/organization.repository';
import { quotasOf } from '../../server/features/staffing/staffing.repository';
import { listPositionsAsOf } from '../../server/features/positions/position.repository';
import { updatePosition } from '../../server/features/positions/position.service';
import { countedStaff, setQuota } from '../../server/features/staffing/staffing.service';

/**
 * Quotas that only make sense once the records are loaded: the unit under the demo province without a quota yet and
 * with the most civil servants in the records gets a quota for this year changed on 1 July to two fewer than its people
 * (and that for the next year), so the staffing table, its history and its over-quota verdict have a real case to
 * show (counted from the records, not typed in); and a seat whose number of places changed.
 */
export async function loadStaffingDemo(db: Db): Promise<void> {
  const province = await orgRepo.findOrganizationByCode(db, 'TQ');
  if (!province) return;
  const year = new Date().getFullYear();
  const open = (await orgRepo.openSubtree(db, province.path)).filter((u) => u.id !== province.id);
  // units that already have a quota this year (the departments of org.demo.ts) keep it
  const given = new Set(
    (
      await quotasOf(
        db,
        open.map((u) => u.id),
        year,
      )
    ).map((q) => q.organization_id),
  );
  // a unit without sub-units, so that its quota is compared with its own people only
  const parents = new Set(open.map((u) => u.parent_id));
  const units = open.filter((u) => !given.has(u.id) && !parents.has(u.id));
  const counts = await countedStaff(db, units, { path: province.path });
  const cadres = (id: string) => counts.get(id)?.get('cadre_civil_servant') ?? 0;
  const [busiest] = [...units].sort((a, b) => cadres(b.id) - cadres(a.id) || a.code.localeCompare(b.code));
  if (!busiest || cadres(busiest.id) < 3) return;
  // This year: enough posts from 1 January, cut by a decision from 1 July (so the table as of 30/06 is within the
  // quota and as of today above it); next year the cut figure from 1 January.
  await setQuota(db, null, {
    organizationId: busiest.id,
    year,
    category: 'cadre_civil_servant',
    quota: cadres(busiest.id) + 1,
    decisionRef: `12/QĐ-UBND ngày 05/01/${year}`,
  });
  await setQuota(db, null, {
    organizationId: busiest.id,
    year,
    category: 'cadre_civil_servant',
    quota: cadres(busiest.id) - 2,
    validFrom: `${year}-07-01`,
    decisionRef: `118/QĐ-UBND ngày 20/06/${year}`,
  });
  await setQuota(db, null, {
    organizationId: busiest.id,
    year: year + 1,
    category: 'cadre_civil_servant',
    quota: cadres(busiest.id) - 2,
  });
  await seatHistoryDemo(db, year);
}

/**
 * A seat whose places changed: the Department of Home Affairs' deputy directors, three from the merger, four from
 * 1 January this year by a decision, so the chart as of 2025 and the seat's history show both figures.
 */
async function seatHistoryDemo(db: Db, year: number): Promise<void> {
  const snv = await orgRepo.findOrganizationByCode(db, 'TQ.SNV');
  if (!snv) return;
  const seat = (await listPositionsAsOf(db, { roots: [snv.path], organizationId: snv.id, asOf: `${year}-01-01` })).find((p) =>
    p.title_id.endsWith(':PHO_GIAM_DOC_SO'),
  );
  if (!seat || seat.valid_from >= `${year}-01-01`) return;
  await updatePosition(db, null, seat.id, {
    seatCount: Number(seat.seat_count) + 1,
    from: `${year}-01-01`,
    decisionRef: `03/QĐ-UBND ngày 02/01/${year}`,
  });
}
