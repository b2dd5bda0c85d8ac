import type { PersonRecord } from '../../../contracts/persons';
import type { Trx } from '../../db/database';
import { newId } from '../../lib/ids';
import { columnsOf, parseRecord } from './person.mapper';
import * as repo from './person.repository';
import * as versionsRepo from './person.versions.repository';
import { diffRecords } from './person.rules';
import type { NewPersonRow, PersonVersionTable, VersionSource } from './person.table';

export interface BulkItem {
  record: PersonRecord;
  /** the id a new person gets (e.g. the person already named in a seat); a fresh ULID otherwise */
  id?: string;
  /** the person already holding this CCCD: a new version, never a duplicate */
  existing?: { id: string; version: number; data_json: string } | null;
}

/**
 * Writes validated records inside the caller's transaction: new persons in batches, existing ones as new
 * versions (unchanged ones untouched). Returns the ids in input order and what was created/updated.
 */
export async function writeRecords(
  trx: Trx,
  items: readonly BulkItem[],
  meta: { by: string | null; source: VersionSource; at: string; reason: string | null; newIds?: () => string },
): Promise<{ ids: string[]; created: number; updated: number; unchanged: number }> {
  const mkId = meta.newIds ?? newId;
  const rows: NewPersonRow[] = [];
  const versions: PersonVersionTable[] = [];
  const ids: string[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const { record, existing, id: givenId } of items) {
    if (existing) {
      ids.push(existing.id);
      if (diffRecords(parseRecord(existing.data_json), record).length === 0) {
        unchanged++;
        continue;
      }
      const version = existing.version + 1;
      await versionsRepo.closeVersion(trx, existing.id, existing.version, meta.at);
      versions.push({
        person_id: existing.id,
        version,
        data_json: JSON.stringify(record),
        valid_from: meta.at,
        valid_to: null,
        changed_by: meta.by,
        source: meta.source,
        reason: meta.reason,
      });
      await repo.updatePersonRow(trx, existing.id, { ...columnsOf(record), version, updated_at: meta.at, updated_by: meta.by });
      updated++;
      continue;
    }
    const id = givenId ?? mkId();
    ids.push(id);
    const cols = columnsOf(record);
    rows.push({ id, ...cols, version: 1, created_at: meta.at, updated_at: meta.at, updated_by: meta.by });
    versions.push({
      person_id: id,
      version: 1,
      data_json: cols.data_json,
      valid_from: meta.at,
      valid_to: null,
      changed_by: meta.by,
      source: meta.source,
      reason: meta.reason,
    });
  }
  await repo.insertPersons(trx, rows);
  await versionsRepo.insertVersions(trx, versions);
  return { ids, created: rows.length, updated, unchanged };
}
