import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect';

// Batch eligibility: the facts the engine's hard filters need, one narrow indexed row per person, derived from the
// persons table by triggers so that every writer of a record (form, import, declaration) keeps it in step.
// Partial dates are stored as the earliest day they can mean (YYYY → YYYY-01-01, YYYY-MM → YYYY-MM-01).
const COLUMNS =
  'person_id, sex, birth_date, theory_level, professional_level, state_management, party_member, current_title_code, ' +
  'female_leader_60, discipline_khien_trach, discipline_canh_cao, discipline_cach_chuc';

const sqliteDay = (e: string) => `case length(${e}) when 4 then ${e} || '-01-01' when 7 then ${e} || '-01' else ${e} end`;
const sqliteLast = (level: string) =>
  `(select max(${sqliteDay("json_extract(d.value, '$.date')")}) from json_each(new.data_json, '$.discipline') d where json_extract(d.value, '$.level') = '${level}')`;
const sqliteSelect = `select new.id, new.sex, ${sqliteDay('new.birth_date')}, new.theory_level, new.professional_level,
  coalesce(json_extract(new.data_json, '$.stateManagement'), 'none'), new.party_member, new.current_title_code,
  case when json_extract(new.data_json, '$.retirementOverride.kind') = 'female_leader_60' then 1 else 0 end,
  ${sqliteLast('khien_trach')}, ${sqliteLast('canh_cao')}, ${sqliteLast('cach_chuc')}`;

const pgDay = (e: string) => `case length(${e}) when 4 then ${e} || '-01-01' when 7 then ${e} || '-01' else ${e} end`;
const pgLast = (j: string, level: string) =>
  `(select max(${pgDay("d->>'date'")}) from jsonb_array_elements(coalesce(${j}->'discipline', '[]'::jsonb)) d where d->>'level' = '${level}')`;
const pgSelect = (row: string, j: string) => `select ${row}.id, ${row}.sex, ${pgDay(`${row}.birth_date`)}, ${row}.theory_level,
  ${row}.professional_level, coalesce(${j}->>'stateManagement', 'none'), ${row}.party_member, ${row}.current_title_code,
  case when ${j}->'retirementOverride'->>'kind' = 'female_leader_60' then 1 else 0 end,
  ${pgLast(j, 'khien_trach')}, ${pgLast(j, 'canh_cao')}, ${pgLast(j, 'cach_chuc')}`;
const pgUpdateSet = COLUMNS.split(', ')
  .slice(1)
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('eligibility_facts')
    .addColumn('person_id', 'varchar(26)', (c) => c.primaryKey().references('persons.id').onDelete('cascade'))
    .addColumn('sex', 'varchar(1)', (c) => c.notNull())
    .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('theory_level', 'varchar(20)', (c) => c.notNull())
    .addColumn('professional_level', 'varchar(20)', (c) => c.notNull())
    .addColumn('state_management', 'varchar(30)', (c) => c.notNull())
    .addColumn('party_member', 'integer', (c) => c.notNull())
    .addColumn('current_title_code', 'varchar(40)')
    .addColumn('female_leader_60', 'integer', (c) => c.notNull())
    // The latest decision of each discipline level that starts a waiting period before a higher post.
    .addColumn('discipline_khien_trach', 'varchar(10)')
    .addColumn('discipline_canh_cao', 'varchar(10)')
    .addColumn('discipline_cach_chuc', 'varchar(10)')
    .execute();
  // Youngest first (most service left) is the order of the batch; theory level is the most selective standard.
  await db.schema.createIndex('eligibility_facts_birth').on('eligibility_facts').columns(['birth_date', 'person_id']).execute();
  await db.schema
    .createIndex('eligibility_facts_theory_birth')
    .on('eligibility_facts')
    .columns(['theory_level', 'birth_date'])
    .execute();
  await db.schema.createIndex('eligibility_facts_title').on('eligibility_facts').column('current_title_code').execute();
  // The appointment pushdown asks "in an approved plan for the title" per person.
  await db.schema.createIndex('planning_candidates_person').on('planning_candidates').column('person_id').execute();

  if (postgres) {
    await sql
      .raw(
        `create function eligibility_facts_sync() returns trigger language plpgsql as $$
        declare j jsonb := new.data_json::jsonb;
        begin
          insert into eligibility_facts (${COLUMNS}) ${pgSelect('new', 'j')}
          on conflict (person_id) do update set ${pgUpdateSet};
          return new;
        end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger eligibility_facts_sync after insert or update on persons for each row execute function eligibility_facts_sync()`,
      )
      .execute(db);
    await sql.raw(`insert into eligibility_facts (${COLUMNS}) ${pgSelect('p', 'p.data_json::jsonb')} from persons p`).execute(db);
  } else {
    for (const event of ['insert', 'update'])
      await sql
        .raw(
          `create trigger eligibility_facts_${event} after ${event} on persons begin
            insert or replace into eligibility_facts (${COLUMNS}) ${sqliteSelect}; end`,
        )
        .execute(db);
    await sql
      .raw(`insert into eligibility_facts (${COLUMNS}) ${sqliteSelect.replaceAll('new.', 'p.')} from persons p`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger if exists eligibility_facts_sync on persons`.execute(db);
    await sql`drop function if exists eligibility_facts_sync()`.execute(db);
  } else {
    await sql`drop trigger if exists eligibility_facts_insert`.execute(db);
    await sql`drop trigger if exists eligibility_facts_update`.execute(db);
  }
  await db.schema.dropIndex('planning_candidates_person').execute();
  await db.schema.dropTable('eligibility_facts').execute();
}
