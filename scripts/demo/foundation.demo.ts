import type { Role } from '../../contracts/common';
import type { OrganizationKind, OrganizationLevel } from '../../contracts/organizations';
import type { Db } from '../../server/db/database';
import { createOrganization, createRootOrganization } from '../../server/features/organizations/organization.service';
import { createUser } from '../../server/features/users/user.service';

/** The demo password of every demo user; demo data exists only with CANBO_DEMO=1, never in production. */
export const DEMO_PASSWORD = 'canbo-demo-2026';

interface DemoOrg {
  code: string;
  name: string;
  shortName?: string;
  kind: OrganizationKind;
  level: OrganizationLevel;
  /** the day the unit came into existence; children inherit it */
  validFrom?: string;
  children?: DemoOrg[];
}

// A small political-system tree: the centre, and two provinces so that scope separation shows.
const TREE: DemoOrg = {
  code: 'TW',
  name: 'Ban Chấp hành Trung ương Đảng',
  shortName: 'BCH TW',
  kind: 'party_committee',
  level: 'central',
  validFrom: '1930-02-03',
  children: [
    { code: 'TW.BTC', name: 'Ban Tổ chức Trung ương', shortName: 'BTCTW', kind: 'party_organ', level: 'central' },
    {
      code: 'TQ',
      name: 'Đảng bộ tỉnh Tuyên Quang',
      shortName: 'Tỉnh ủy Tuyên Quang',
      kind: 'party_committee',
      level: 'provincial',
      // the province formed by NQ 202/2025 from Tuyên Quang and Hà Giang (scripts/demo/org.demo.ts records the merger)
      validFrom: '2025-07-01',
      children: [
        { code: 'TQ.BTC', name: 'Ban Tổ chức Tỉnh ủy Tuyên Quang', kind: 'party_organ', level: 'provincial' },
        { code: 'TQ.UBKT', name: 'Ủy ban Kiểm tra Tỉnh ủy Tuyên Quang', kind: 'party_organ', level: 'provincial' },
        { code: 'TQ.HDND', name: 'Hội đồng nhân dân tỉnh Tuyên Quang', kind: 'state_agency', level: 'provincial' },
        {
          code: 'TQ.UBND',
          name: 'Ủy ban nhân dân tỉnh Tuyên Quang',
          kind: 'state_agency',
          level: 'provincial',
          children: [
            { code: 'TQ.SNV', name: 'Sở Nội vụ tỉnh Tuyên Quang', kind: 'state_agency', level: 'provincial' },
            { code: 'TQ.STC', name: 'Sở Tài chính tỉnh Tuyên Quang', kind: 'state_agency', level: 'provincial' },
            { code: 'TQ.SGD', name: 'Sở Giáo dục và Đào tạo tỉnh Tuyên Quang', kind: 'state_agency', level: 'provincial' },
          ],
        },
        {
          code: 'TQ.MTTQ',
          name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tuyên Quang',
          kind: 'fatherland_front',
          level: 'provincial',
        },
        { code: 'TQ.MINHXUAN', name: 'Đảng bộ phường Minh Xuân', kind: 'party_committee', level: 'commune' },
        { code: 'TQ.HAGIANG1', name: 'Đảng bộ phường Hà Giang 1', kind: 'party_committee', level: 'commune' },
        { code: 'TQ.DONGVAN', name: 'Đảng bộ xã Đồng Văn', kind: 'party_committee', level: 'commune' },
      ],
    },
    {
      code: 'LC',
      name: 'Đảng bộ tỉnh Lào Cai',
      shortName: 'Tỉnh ủy Lào Cai',
      kind: 'party_committee',
      level: 'provincial',
      validFrom: '2025-07-01',
      children: [
        { code: 'LC.BTC', name: 'Ban Tổ chức Tỉnh ủy Lào Cai', kind: 'party_organ', level: 'provincial' },
        { code: 'LC.UBND', name: 'Ủy ban nhân dân tỉnh Lào Cai', kind: 'state_agency', level: 'provincial' },
        { code: 'LC.SAPA', name: 'Đảng bộ phường Sa Pa', kind: 'party_committee', level: 'commune' },
      ],
    },
  ],
};

export const DEMO_USERS: { username: string; fullName: string; role: Role; org: string }[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', org: 'TW' },
  { username: 'officer.tq', fullName: 'Nguyễn Thị Hương', role: 'officer', org: 'TQ' },
  { username: 'officer.lc', fullName: 'Lò Văn Páo', role: 'officer', org: 'LC' },
  { username: 'leader.tq', fullName: 'Trần Văn Đức', role: 'leader', org: 'TQ' },
  { username: 'tally.tq', fullName: 'Hoàng Thị Lan', role: 'tally', org: 'TQ' },
  { username: 'inspector.tq', fullName: 'Phạm Quốc Khánh', role: 'inspector', org: 'TQ' },
  { username: 'cadre.tq', fullName: 'Đặng Minh Tuấn', role: 'cadre', org: 'TQ.SNV' },
];

export async function loadFoundationDemo(db: Db): Promise<void> {
  const ids = new Map<string, string>();
  const root = await createRootOrganization(db, TREE);
  ids.set(TREE.code, root.id);
  const walk = async (node: DemoOrg, parentId: string, inherited: string): Promise<void> => {
    for (const { children, ...child } of node.children ?? []) {
      const validFrom = child.validFrom ?? inherited;
      const created = await createOrganization(db, null, { ...child, parentId, validFrom });
      ids.set(child.code, created.id);
      await walk({ ...child, children }, created.id, validFrom);
    }
  };
  await walk(TREE, root.id, TREE.validFrom!);
  for (const u of DEMO_USERS) {
    await createUser(db, null, {
      username: u.username,
      fullName: u.fullName,
      password: DEMO_PASSWORD,
      grants: [{ role: u.role, organizationId: ids.get(u.org)! }],
    });
  }
}
