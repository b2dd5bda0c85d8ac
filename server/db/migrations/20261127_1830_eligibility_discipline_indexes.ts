import type { Kysely } from 'kysely';

// Batch eligibility asks "who is one requirement short because of a discipline still in its waiting period" by
// decision date: one index per discipline level (mostly empty columns, so small).
const LEVELS = ['khien_trach', 'canh_cao', 'cach_chuc'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const level of LEVELS)
    await db.schema.createIndex(`eligibility_facts_${level}`).on('eligibility_facts').column(`discipline_${level}`).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const level of LEVELS) await db.schema.dropIndex(`eligibility_facts_${level}`).execute();
}
