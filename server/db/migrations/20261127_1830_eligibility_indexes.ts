import type { Kysely } from 'kysely';

// Batch eligibility asks "who is one requirement short because of a discipline still in its waiting period" by
// decision date (one index per level, mostly empty columns, so small), and "who meets the theory and
// state-management standards" together.
const LEVELS = ['khien_trach', 'canh_cao', 'cach_chuc'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const level of LEVELS)
    await db.schema.createIndex(`eligibility_facts_${level}`).on('eligibility_facts').column(`discipline_${level}`).execute();
  await db.schema
    .createIndex('eligibility_facts_standards')
    .on('eligibility_facts')
    .columns(['theory_level', 'state_management', 'birth_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('eligibility_facts_standards').execute();
  for (const level of LEVELS) await db.schema.dropIndex(`eligibility_facts_${level}`).execute();
}
