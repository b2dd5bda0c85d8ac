import type { Kysely } from 'kysely';

// Title catalog versions and their titles (loaded from policy/catalog/*.yaml), seats and their incumbents.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('title_catalogs')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('citation', 'varchar(500)', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .execute();

  await db.schema
    .createTable('titles')
    .addColumn('id', 'varchar(80)', (c) => c.primaryKey()) // `<catalog id>:<code>`
    .addColumn('catalog_id', 'varchar(40)', (c) => c.notNull().references('title_catalogs.id'))
    .addColumn('code', 'varchar(60)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_folded', 'varchar(300)', (c) => c.notNull())
    .addColumn('group_no', 'varchar(4)', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('rank_order', 'integer', (c) => c.notNull())
    .addColumn('locality_class', 'varchar(20)')
    .addColumn('managing_authority', 'varchar(40)', (c) => c.notNull())
    .addColumn('is_leadership', 'integer', (c) => c.notNull())
    .addColumn('head_title_id', 'varchar(80)')
    .addColumn('max_deputies', 'integer')
    .addColumn('ex_officio_json', 'text', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addColumn('citation', 'varchar(500)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .execute();
  await db.schema.createIndex('titles_catalog').on('titles').columns(['catalog_id', 'rank_order']).execute();

  await db.schema
    .createTable('positions')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('title_id', 'varchar(80)', (c) => c.notNull().references('titles.id'))
    .addColumn('seat_count', 'integer', (c) => c.notNull())
    .addColumn('term_years', 'integer')
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    // the restructuring event that opened this seat, so that reverting the event can remove it
    .addColumn('opened_by_event_id', 'varchar(26)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('positions_organization').on('positions').column('organization_id').execute();

  await db.schema
    .createTable('position_incumbents')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('position_id', 'varchar(26)', (c) => c.notNull().references('positions.id'))
    // No foreign key yet: the persons table lands with issue 4 (person records), which adds it.
    .addColumn('person_id', 'varchar(26)', (c) => c.notNull())
    .addColumn('person_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('how', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)')
    .addColumn('term_end', 'varchar(10)')
    .addColumn('decision_ref', 'varchar(100)')
    .addColumn('opened_by_event_id', 'varchar(26)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('position_incumbents_position').on('position_incumbents').column('position_id').execute();
  await db.schema.createIndex('position_incumbents_person').on('position_incumbents').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['position_incumbents', 'positions', 'titles', 'title_catalogs']) await db.schema.dropTable(t).execute();
}
