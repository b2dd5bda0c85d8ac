import { type Kysely, sql } from 'kysely';

// Citations by name ("Bộ luật Lao động 2019") look among the few register entries that have aliases, not all of them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('documents_aliases')
    .on('documents')
    .column('aliases_folded')
    .where(sql.ref('aliases_folded'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('documents_aliases').execute();
}
