import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect';

// The parts of each record the planning rules read (eligibility facts, discipline, languages, IT), one small JSON
// text per person, kept by triggers in step with every writer of a record (form, import, declaration) like
// eligibility_facts. A province's plan reads 4,800 of them: out of the 3 KB records that took 175 ms on SQLite and
// 300 ms on PostgreSQL (TOAST, then a jsonb parse per record) at 2.5 million people.
// Frozen here on purpose: a later change of the keys is a new migration, not an edit of this one.
const KEYS = [
  'discipline',
  'professionalLevel',
  'retirementOverride',
  'stateManagement',
  'theoryLevel',
  'workHistory',
  'languages',
  'itLevel',
];

const sqliteParts = (row: string) =>
  `json_object(${KEYS.map((k) => `'${k}', json_extract(${row}.data_json, '$.${k}')`).join(', ')})`;
const pgParts = (j: string) => `jsonb_build_object(${KEYS.map((k) => `'${k}', ${j} -> '${k}'`).join(', ')})::text`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('planning_record_parts')
    .addColumn('person_id', 'varchar(26)', (c) => c.primaryKey().references('persons.id').onDelete('cascade'))
    .addColumn('parts_json', 'text', (c) => c.notNull())
    .execute();
  if (dialectOf(db) === 'postgres') {
    await sql
      .raw(
        `create function planning_record_parts_sync() returns trigger language plpgsql as $$
        declare j jsonb := new.data_json::jsonb;
        begin
          insert into planning_record_parts (person_id, parts_json) values (new.id, ${pgParts('j')})
          on conflict (person_id) do update set parts_json = excluded.parts_json;
          return new;
        end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger planning_record_parts_sync after insert or update of data_json on persons
         for each row execute function planning_record_parts_sync()`,
      )
      .execute(db);
    await sql
      .raw(
        `insert into planning_record_parts (person_id, parts_json)
         select s.id, ${pgParts('s.j')} from (select id, data_json::jsonb j from persons) s`,
      )
      .execute(db);
  } else {
    await sql
      .raw(
        `create trigger planning_record_parts_insert after insert on persons begin
          insert or replace into planning_record_parts (person_id, parts_json) values (new.id, ${sqliteParts('new')}); end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger planning_record_parts_update after update of data_json on persons begin
          insert or replace into planning_record_parts (person_id, parts_json) values (new.id, ${sqliteParts('new')}); end`,
      )
      .execute(db);
    await sql
      .raw(`insert into planning_record_parts (person_id, parts_json) select p.id, ${sqliteParts('p')} from persons p`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger if exists planning_record_parts_sync on persons`.execute(db);
    await sql`drop function if exists planning_record_parts_sync()`.execute(db);
  } else {
    await sql`drop trigger if exists planning_record_parts_insert`.execute(db);
    await sql`drop trigger if exists planning_record_parts_update`.execute(db);
  }
  await db.schema.dropTable('planning_record_parts').execute();
}
