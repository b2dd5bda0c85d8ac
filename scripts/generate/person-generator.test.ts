import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PersonRecord, personRecordSchema } from '../../contracts/persons';
import { recordPolicy } from '../../server/features/persons/person.policy';
import { validatePersonRecord } from '../../server/features/persons/person.rules';
import { type TestDatabase, createTestDatabase, testDialects } from '../../test/databases';
import { generatePersons } from './generate-persons';
import { CccdAllocator, type GeneratorOrg, generatePerson, rng, seatFor } from './person-generator';

const TODAY = '2026-11-28';
const ORGS: GeneratorOrg[] = [
  { id: 'ORG-SNV', name: 'Sở Nội vụ tỉnh Tuyên Quang', head: 'Giám đốc Sở', deputy: 'Phó Giám đốc Sở' },
  { id: 'ORG-BTC', name: 'Ban Tổ chức Tỉnh ủy Tuyên Quang', head: 'Trưởng ban', deputy: 'Phó Trưởng ban' },
];

/** `count` cadres of one 40-person unit after another, exactly as the national generator seats them. */
function cadres(seed: number, count: number): PersonRecord[] {
  const ctx = {
    r: rng(seed),
    today: TODAY,
    orgs: ORGS,
    provinceCode: '08',
    cccdProvinces: ['008', '001'],
    cccd: new CccdAllocator(seed % 1_000_000),
  };
  return Array.from({ length: count }, (_, i) => generatePerson(ctx, seatFor(i % 40, 40)));
}

const yearOf = (date: string) => Number(date.slice(0, 4));
/** Birth dates may be year-only or month-year; the earliest possible day is what "after the 18th birthday" must clear. */
const eighteenthBirthday = (birth: string) => `${yearOf(birth) + 18}${birth.slice(4) || '-01-01'}`;

describe('the cadre generator', () => {
  const people = cadres(2026, 400);

  it('is reproducible from its seed, and another seed gives other people', () => {
    expect(cadres(2026, 400)).toEqual(people);
    const other = cadres(2027, 400);
    expect(other.map((p) => p.cccd)).not.toEqual(people.map((p) => p.cccd));
  });

  it('writes records the record checks accept, with unique CCCD numbers', () => {
    const policy = recordPolicy(undefined, TODAY);
    for (const person of people) {
      expect(() => personRecordSchema.parse(person)).not.toThrow();
      expect(validatePersonRecord(person, policy, new Date(`${TODAY}T12:00:00Z`)), person.fullName).toEqual([]);
    }
    expect(new Set(people.map((p) => p.cccd)).size).toBe(people.length);
  });

  it('keeps a career consistent: party after the 18th birthday, recruitment before the posts, the last post is the seat', () => {
    for (const person of people) {
      const minimum = eighteenthBirthday(person.birthDate!);
      if (person.partyAdmissionDate) {
        expect(person.partyAdmissionDate >= minimum, `${person.fullName} ${person.partyAdmissionDate}`).toBe(true);
        expect(person.partyOfficialDate! > person.partyAdmissionDate).toBe(true);
      }
      expect(person.recruitmentDate! >= minimum).toBe(true);
      const history = person.workHistory;
      expect(history[0]!.from >= person.recruitmentDate!.slice(0, 7)).toBe(true);
      for (let i = 1; i < history.length; i++) {
        expect(history[i]!.from >= history[i - 1]!.from).toBe(true);
        expect(history[i - 1]!.to).toBe(history[i]!.from);
      }
      const last = history[history.length - 1]!;
      expect(last.to).toBeNull();
      expect(last.titleName).toBe(person.currentTitle);
      expect(ORGS.map((o) => o.id)).toContain(last.organizationId);
    }
  });

  it('seats one head and two deputies per unit, and heads are older than their staff', () => {
    const unit = people.slice(0, 40);
    const heads = unit.filter((p) => ORGS.some((o) => o.head === p.currentTitle));
    const deputies = unit.filter((p) => ORGS.some((o) => o.deputy === p.currentTitle));
    expect(heads).toHaveLength(1);
    expect(deputies).toHaveLength(2);
    const thisYear = yearOf(TODAY);
    const youngestHead = Math.min(
      ...people.filter((p) => ORGS.some((o) => o.head === p.currentTitle)).map((p) => thisYear - yearOf(p.birthDate!)),
    );
    expect(youngestHead).toBeGreaterThanOrEqual(42);
  });

  it('writes names in Vietnamese order: family name first, given name last', () => {
    const nguyen = people.filter((p) => p.fullName.startsWith('Nguyễn '));
    // Nguyễn is the most common family name; as a given name it would sit last.
    expect(nguyen.length).toBeGreaterThan(people.length / 10);
    expect(people.some((p) => p.fullName.endsWith(' Nguyễn'))).toBe(false);
    for (const p of people) expect(p.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(testDialects())('the national generator on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('builds the 34 provinces with their departments and communes, then the requested number of cadres, once', async () => {
    const progress: number[] = [];
    const result = await generatePersons(database.db, { count: 700, seed: 11, onProgress: (done) => progress.push(done) });
    expect(result.persons).toBe(700);
    const persons = await database.db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(persons.n)).toBe(700);
    const provinces = await database.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('code', 'like', 'GEN.__')
      .executeTakeFirstOrThrow();
    expect(Number(provinces.n)).toBe(34);
    expect(progress[progress.length - 1]).toBe(700);
    await expect(generatePersons(database.db, { count: 10, seed: 11 })).rejects.toThrow(/GEN/);
  });
});
