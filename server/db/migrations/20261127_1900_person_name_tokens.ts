import { type Kysely, sql } from 'kysely';
import { personSearchText } from '../../features/persons/person.rules';
import { dialectOf } from '../dialect';

// Name search at national scale: one row per (organization, folded name word, person), kept in step with
// persons by triggers (every writer: form, import, declaration, decision). A query asks the words inside
// the organizations of a subtree, so it reads only the people of that subtree who carry the rarest word,
// instead of intersecting nationwide word lists (FTS5 / trigram) and then filtering by subtree.
// name_folded becomes canonical first (only a–z, 0–9 and single spaces), so a word is what lies between spaces.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';

  const dirty = postgres
    ? await sql<{ id: string; full_name: string; data_json: string }>`
        select id, full_name, data_json from persons where name_folded ~ '[^a-z0-9 ]' or name_folded like '%  %'`.execute(db)
    : await sql<{ id: string; full_name: string; data_json: string }>`
        select id, full_name, data_json from persons where name_folded glob '*[^a-z0-9 ]*' or name_folded like '%  %'`.execute(
        db,
      );
  for (const r of dirty.rows) {
    const record = JSON.parse(r.data_json) as { fullName: string; otherNames: string | null };
    await db
      .updateTable('persons')
      .set({ name_folded: personSearchText(record) })
      .where('id', '=', r.id)
      .execute();
  }

  // The person's name order key rides along, so a page and its count are read from this index alone (the
  // persons rows, wide with their record, are read only for the page).
  if (postgres)
    await sql`create table person_name_tokens (
      organization_id varchar(26) not null, token varchar(60) collate "C" not null, person_id varchar(26) not null,
      sort_key varchar(400) collate "C" not null,
      constraint person_name_tokens_pk primary key (organization_id, token, person_id) include (sort_key))`.execute(db);
  else
    await sql`create table person_name_tokens (
      organization_id varchar(26) not null, token varchar(60) not null, person_id varchar(26) not null,
      sort_key varchar(400) not null,
      constraint person_name_tokens_pk primary key (organization_id, token, person_id)) without rowid`.execute(db);

  if (postgres) {
    await sql`create function person_name_tokens_sync() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          delete from person_name_tokens
           where organization_id = old.organization_id and person_id = old.id
             and token = any (string_to_array(old.name_folded, ' '));
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into person_name_tokens (organization_id, token, person_id, sort_key)
            select distinct new.organization_id, w, new.id, new.sort_key from unnest(string_to_array(new.name_folded, ' ')) w
             where w <> ''
          on conflict do nothing;
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger person_name_tokens_insert_delete after insert or delete on persons
      for each row execute function person_name_tokens_sync()`.execute(db);
    await sql`create trigger person_name_tokens_update after update of name_folded, organization_id, sort_key on persons
      for each row when (old.name_folded is distinct from new.name_folded or old.organization_id is distinct from new.organization_id
        or old.sort_key is distinct from new.sort_key)
      execute function person_name_tokens_sync()`.execute(db);
    await sql`insert into person_name_tokens (organization_id, token, person_id, sort_key)
      select distinct p.organization_id, w, p.id, p.sort_key from persons p cross join lateral unnest(string_to_array(p.name_folded, ' ')) w
       where w <> ''`.execute(db);
  } else {
    // The words as a JSON array: name_folded holds only a–z, 0–9 and spaces, so it needs no escaping.
    const words = (row: 'new' | 'old') => sql.raw(`json_each('["' || replace(${row}.name_folded, ' ', '","') || '"]')`);
    const insertNew = sql`insert or ignore into person_name_tokens (organization_id, token, person_id, sort_key)
      select new.organization_id, value, new.id, new.sort_key from ${words('new')} where value <> '';`;
    const deleteOld = sql`delete from person_name_tokens
      where organization_id = old.organization_id and person_id = old.id and token in (select value from ${words('old')});`;
    await sql`create trigger person_name_tokens_insert after insert on persons begin ${insertNew} end`.execute(db);
    await sql`create trigger person_name_tokens_delete after delete on persons begin ${deleteOld} end`.execute(db);
    await sql`create trigger person_name_tokens_update after update of name_folded, organization_id, sort_key on persons
      when old.name_folded is not new.name_folded or old.organization_id is not new.organization_id
        or old.sort_key is not new.sort_key
      begin ${deleteOld} ${insertNew} end`.execute(db);
    await sql`insert or ignore into person_name_tokens (organization_id, token, person_id, sort_key)
      select p.organization_id, w.value, p.id, p.sort_key from persons p, json_each('["' || replace(p.name_folded, ' ', '","') || '"]') w
       where w.value <> ''`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger if exists person_name_tokens_insert_delete on persons`.execute(db);
    await sql`drop trigger if exists person_name_tokens_update on persons`.execute(db);
    await sql`drop function if exists person_name_tokens_sync()`.execute(db);
  } else {
    for (const t of ['insert', 'delete', 'update']) await sql.raw(`drop trigger if exists person_name_tokens_${t}`).execute(db);
  }
  await db.schema.dropTable('person_name_tokens').execute();
}
