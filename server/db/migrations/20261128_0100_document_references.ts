import type { Kysely } from 'kysely';
import { entriesNamedIn } from '../../features/documents/document-references.rules';

/**
 * Personnel decisions name the register entries they rely on by id (a step's documents, a dossier item), so an
 * entry a decision relies on cannot be withdrawn or renumbered: the link refuses it, not a text search. The numbers
 * decisions kept as text until now are turned into links once, here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_references')
    .addColumn('document_id', 'varchar(26)', (c) => c.notNull().references('documents.id'))
    .addColumn('owner_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_id', 'varchar(26)', (c) => c.notNull())
    .addColumn('process_id', 'varchar(26)', (c) => c.notNull().references('decision_processes.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_references_pk', ['document_id', 'owner_kind', 'owner_id'])
    .execute();
  await db.schema.createIndex('document_references_owner').on('document_references').columns(['owner_id']).execute();
  await db.schema.createIndex('document_references_process').on('document_references').columns(['process_id']).execute();

  // One-time backfill from the text references.
  const docs = (await db.selectFrom('documents').select(['id', 'number_key']).execute()) as { id: string; number_key: string }[];
  if (docs.length === 0) return;
  const byKey = new Map(docs.map((d) => [d.number_key, d.id]));
  const now = new Date().toISOString();
  const links: Record<string, string>[] = [];
  const steps = (await db.selectFrom('decision_steps').select(['id', 'process_id', 'documents_json']).execute()) as {
    id: string;
    process_id: string;
    documents_json: string;
  }[];
  for (const s of steps) {
    const texts = JSON.parse(s.documents_json) as string[];
    for (const documentId of entriesNamedIn(texts.join(' ; '), byKey))
      links.push({
        document_id: documentId,
        owner_kind: 'decision_step',
        owner_id: s.id,
        process_id: s.process_id,
        created_at: now,
      });
  }
  const dossier = (await db.selectFrom('decision_dossier_items').select(['id', 'process_id', 'reference']).execute()) as {
    id: string;
    process_id: string;
    reference: string;
  }[];
  for (const d of dossier)
    for (const documentId of entriesNamedIn(d.reference, byKey))
      links.push({
        document_id: documentId,
        owner_kind: 'decision_dossier',
        owner_id: d.id,
        process_id: d.process_id,
        created_at: now,
      });
  for (let i = 0; i < links.length; i += 200)
    await db
      .insertInto('document_references')
      .values(links.slice(i, i + 200))
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_references').execute();
}
