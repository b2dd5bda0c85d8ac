import type { Readable } from 'node:stream';
import { ISSUING_BODY_INFO } from '../../../contracts/document-numbering';
import {
  ITEM_KIND_LABELS,
  ITEM_STATUS_LABELS,
  MILESTONE_STAGE_LABELS,
  type ItemStatus,
  type ProgrammeItem,
} from '../../../contracts/programme';
import type { Db } from '../../db/database';
import { todayIso } from '../../lib/ids';
import { dmy, keysetPages, streamXlsx } from '../../lib/stream-export';
import { foldVietnamese } from '../../lib/text';
import type { Actor } from '../access/access.rules';
import { documentsOfItems } from '../documents/document.repository';
import * as repo from './programme.repository';
import { presentItems, scopeFor } from './programme.service';

/** Items read from the database per page of the export. */
export const PROGRAMME_EXPORT_PAGE = 200;

const COLUMNS = [
  { header: 'Mã', width: 12 },
  { header: 'Loại', width: 10 },
  { header: 'Tên đề án, nhiệm vụ', width: 60 },
  { header: 'Cơ quan giao', width: 30 },
  { header: 'Đơn vị chủ trì', width: 30 },
  { header: 'Đơn vị phối hợp', width: 30 },
  { header: 'Người phụ trách', width: 26 },
  { header: 'Hạn', width: 12 },
  { header: 'Trạng thái', width: 18 },
  { header: 'Ngày hoàn thành', width: 14 },
  { header: 'Quá hạn', width: 9 },
  { header: 'Mốc tiến độ chưa xong', width: 34 },
  { header: 'Văn bản kết quả', width: 24 },
];

function row(item: ProgrammeItem, outcomes: string[]): unknown[] {
  const open = item.milestones.filter((m) => !m.doneOn);
  return [
    item.code,
    ITEM_KIND_LABELS[item.kind].vi,
    item.title,
    ISSUING_BODY_INFO[item.assigningBody].vi,
    item.leadOrganization.name,
    item.coordinators.map((c) => c.name).join(', '),
    item.responsible.map((p) => p.fullName).join(', '),
    dmy(item.dueOn),
    ITEM_STATUS_LABELS[item.status].vi,
    dmy(item.completedOn),
    item.overdue ? 'Quá hạn' : '',
    open.map((m) => `${MILESTONE_STAGE_LABELS[m.stage].vi} (${dmy(m.dueOn)})`).join('; '),
    outcomes.join(', '),
  ];
}

/**
 * The work programme as a workbook, streamed: the list's filters and scope (a unit outside it answers 404 before
 * the first byte), items in due-date order read in keyset pages, each with its outcome documents by number.
 */
export async function exportItems(
  db: Db,
  actor: Actor,
  query: { q?: string; year?: number; status?: ItemStatus; organizationId?: string },
): Promise<Readable> {
  const scope = await scopeFor(db, actor, query.organizationId);
  const filter = {
    paths: scope.paths,
    qFolded: query.q ? foldVietnamese(query.q) : undefined,
    year: query.year,
    status: query.status,
  };
  const today = todayIso();
  async function* pages() {
    for await (const page of keysetPages<repo.ItemWithOrg>((after) =>
      repo.itemsPage(db, filter, after && { dueOn: after.due_on, id: after.id }, PROGRAMME_EXPORT_PAGE),
    )) {
      const items = await presentItems(db, actor, page, today);
      const outcomes = new Map<string, string[]>();
      for (const d of await documentsOfItems(
        db,
        page.map((p) => p.id),
      ))
        outcomes.set(d.programme_item_id!, [...(outcomes.get(d.programme_item_id!) ?? []), d.number]);
      yield items.map((i) => row(i, outcomes.get(i.id) ?? []));
    }
  }
  const heading = `Chương trình công tác${query.year ? ` năm ${query.year}` : ''}`;
  return streamXlsx([
    {
      name: 'Chương trình công tác',
      columns: COLUMNS,
      preamble: [heading, `${scope.name} — lập ngày ${dmy(today)}`],
      pages: pages(),
    },
  ]);
}
