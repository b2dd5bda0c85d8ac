import type { Db } from '../../server/db/database';
import * as orgRepo from '../../server/features/organizations/organization.repository';
import { quotasOf } from '../../server/features/staffing/staffing.repository';
import { countedStaff, setQuota } from '../../server/features/staffing/staffing.service';

/**
 * Quotas that only make sense once the records are loaded: the unit under the demo province without a quota yet and
 * with the most civil servants in the records gets a quota of two fewer for this year and the next, so the staffing table and its
 * over-quota verdict have a real case to show (counted from the records, not typed in).
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
  for (const y of [year, year + 1])
    await setQuota(db, null, {
      organizationId: busiest.id,
      year: y,
      category: 'cadre_civil_servant',
      quota: cadres(busiest.id) - 2,
    });
}
