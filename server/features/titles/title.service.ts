import type { Title, TitleCatalog, TitleGroup } from '../../../contracts/titles';
import type { Db } from '../../db/database';
import { notFound } from '../../http/errors';
import { todayIso } from '../../lib/ids';
import { foldVietnamese } from '../../lib/text';
import { appendAudit } from '../audit/audit.repository';
import { type CatalogFile, loadCatalogFiles } from './title.catalog';
import { toCatalogResponse, toTitleResponse } from './title.mapper';
import * as repo from './title.repository';
import { catalogInForce, catalogProblems, rankOrder, resolveHead, titleId } from './title.rules';

/**
 * Loads policy/catalog/*.yaml into title_catalogs/titles (idempotent; audited when something changed).
 * Called at start-up after the migrations, by the demo loader and by tests.
 */
export async function syncTitleCatalog(db: Db, files: CatalogFile[] = loadCatalogFiles()): Promise<number> {
  const problems = catalogProblems(files);
  if (problems.length) throw new Error(`Danh mục chức danh lỗi / title catalog invalid:\n${problems.join('\n')}`);
  return db.transaction().execute(async (trx) => {
    let changed = 0;
    for (const file of files) {
      await repo.upsertCatalog(trx, {
        id: file.id,
        name: file.name,
        citation: file.citation,
        valid_from: file.validFrom,
        valid_to: file.validTo,
      });
      changed += await repo.upsertTitles(
        trx,
        file.titles.map((t) => {
          const head = resolveHead(file, t);
          return {
            id: titleId(file.id, t),
            catalog_id: file.id,
            code: t.code,
            name: t.name,
            name_folded: foldVietnamese(t.name),
            group_no: t.group,
            rank: t.rank,
            rank_order: rankOrder(t.group, t.rank),
            locality_class: t.locality ?? null,
            managing_authority: t.authority,
            is_leadership: t.leadership ? 1 : 0,
            post_category: t.postCategory ?? null,
            head_title_id: head ? titleId(file.id, head) : null,
            max_deputies: t.maxDeputies ?? null,
            ex_officio_json: JSON.stringify((t.exOfficio ?? []).map((code) => titleId(file.id, { code }))),
            confirmed: t.confirmed ? 1 : 0,
            citation: t.citation ?? file.citation,
            note: t.note ?? null,
          };
        }),
      );
    }
    if (changed > 0)
      await appendAudit(trx, {
        actorId: null,
        action: 'titles.sync',
        entity: 'title_catalog',
        entityId: files.map((f) => f.id).join(','),
        organizationId: null,
        after: { changed },
      });
    return changed;
  });
}

export async function listCatalogs(db: Db): Promise<{ items: TitleCatalog[] }> {
  return { items: (await repo.listCatalogs(db)).map(toCatalogResponse) };
}

/** The titles of one catalog version: the one named, or the one in force on `asOf` (default today). */
export async function listTitles(
  db: Db,
  query: { catalogId?: string; asOf?: string; group?: TitleGroup; q?: string },
): Promise<{ catalog: TitleCatalog; items: Title[] }> {
  const catalogs = (await repo.listCatalogs(db)).map(toCatalogResponse);
  const catalog = query.catalogId
    ? catalogs.find((c) => c.id === query.catalogId)
    : catalogInForce(catalogs, query.asOf ?? todayIso());
  if (!catalog) throw notFound('danh mục chức danh', 'Title catalog');
  const rows = await repo.listTitles(db, {
    catalogId: catalog.id,
    group: query.group,
    qFolded: query.q ? foldVietnamese(query.q) : undefined,
  });
  return { catalog, items: rows.map(toTitleResponse) };
}
