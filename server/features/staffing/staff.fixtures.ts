import type { Db } from '../../db/database';
import { nowIso } from '../../lib/ids';
import { buildRecord } from '../persons/person.fixtures';
import { writeRecords } from '../persons/person.bulk';

/** Adds `n` people to the records whose current unit is `organizationId`, with the rank code and title given. */
export async function addStaff(
  db: Db,
  organizationId: string,
  n: number,
  opts: { rankCode?: string | null; titleCode?: string | null; namePrefix?: string } = {},
): Promise<string[]> {
  const items = Array.from({ length: n }, (_, i) => ({
    record: buildRecord({
      fullName: `${opts.namePrefix ?? 'Nguyễn Văn'} ${String.fromCharCode(65 + (i % 26))}${i}`,
      cccd: null,
      organizationId,
      civilServiceRankCode: opts.rankCode === undefined ? '01.003' : opts.rankCode,
      currentTitleCode: opts.titleCode ?? null,
      currentTitle: opts.titleCode ? 'Chức vụ' : null,
    }),
  }));
  return db
    .transaction()
    .execute(async (trx) => (await writeRecords(trx, items, { by: null, source: 'create', at: nowIso(), reason: null })).ids);
}
