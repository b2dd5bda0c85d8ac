import type { Readable } from 'node:stream';
import { DOCUMENT_TYPE_LABELS, ISSUING_BODY_INFO } from '../../../contracts/document-numbering';
import {
  DOCUMENT_STATUS_LABELS,
  PARTICIPATION_LABELS,
  type RegisterDocument,
  VISIBILITY_LABELS,
} from '../../../contracts/documents';
import type { Db } from '../../db/database';
import { notFound } from '../../http/errors';
import { foldVietnamese } from '../../lib/text';
import { dmy, keysetPages, streamXlsx } from '../../lib/stream-export';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { findOrganization } from '../organizations/organization.repository';
import { numberKey } from './document-number.rules';
import * as repo from './document.repository';
import { presentRows } from './document.service';

/** Rows read from the database per page of the export. */
export const REGISTER_EXPORT_PAGE = 500;

const COLUMNS = [
  { header: 'Số, ký hiệu', width: 18 },
  { header: 'Loại văn bản', width: 14 },
  { header: 'Cơ quan ban hành', width: 34 },
  { header: 'Ngày ban hành', width: 13 },
  { header: 'Người ký', width: 20 },
  { header: 'Trích yếu', width: 60 },
  { header: 'Hiệu lực từ', width: 13 },
  { header: 'Hết hiệu lực', width: 13 },
  { header: 'Tình trạng', width: 16 },
  { header: 'Bị thay thế bởi', width: 18 },
  { header: 'Hình thức tham gia', width: 18 },
  { header: 'Phạm vi', width: 12 },
  { header: 'Đơn vị lưu sổ', width: 28 },
];

function row(d: RegisterDocument): unknown[] {
  return [
    d.number,
    DOCUMENT_TYPE_LABELS[d.type].vi,
    ISSUING_BODY_INFO[d.issuingBody].vi,
    d.dateConfirmed ? dmy(d.issuedOn) : `${dmy(d.issuedOn)} (chưa xác minh)`.trim(),
    d.signer ?? '',
    d.title,
    dmy(d.effectiveFrom),
    dmy(d.effectiveTo),
    DOCUMENT_STATUS_LABELS[d.status].vi,
    d.replacedBy.map((r) => r.number).join(', '),
    PARTICIPATION_LABELS[d.participation].vi,
    VISIBILITY_LABELS[d.visibility].vi,
    d.organizationName,
  ];
}

export interface RegisterExportQuery {
  q?: string;
  type?: RegisterDocument['type'];
  issuingBody?: RegisterDocument['issuingBody'];
  year?: number;
  organizationId?: string;
}

/**
 * The register as a workbook, streamed: the same filters and scope as the list (out-of-scope entries never appear),
 * read in keyset pages and written as they come. The scope is checked before the first byte, so a unit outside it
 * answers 404 like the list.
 */
export async function exportRegister(db: Db, actor: Actor, query: RegisterExportQuery): Promise<Readable> {
  let underPath: string | undefined;
  if (query.organizationId) {
    const org = await findOrganization(db, query.organizationId);
    if (!org || !mayActOn(actor, 'documents.read', org.path)) throw notFound('đơn vị', 'Organization');
    underPath = org.path;
  }
  const filter = {
    readPaths: scopePaths(actor, 'documents.read'),
    qFolded: query.q ? foldVietnamese(query.q) : undefined,
    qKey: query.q ? numberKey(query.q) : undefined,
    type: query.type,
    issuingBody: query.issuingBody,
    year: query.year,
    underPath,
  };
  async function* pages() {
    for await (const page of keysetPages<repo.DocumentWithOrg>((after) =>
      repo.registerPage(db, filter, after && { issuedOn: after.issued_on, id: after.id }, REGISTER_EXPORT_PAGE),
    ))
      yield (await presentRows(db, actor, page)).map(row);
  }
  const scope = [query.year ? `năm ${query.year}` : 'tất cả các năm', query.q ? `tìm "${query.q}"` : ''].filter(Boolean);
  return streamXlsx([
    {
      name: 'Sổ văn bản',
      columns: COLUMNS,
      preamble: ['Sổ văn bản', `Phạm vi: ${scope.join(', ')}`],
      pages: pages(),
    },
  ]);
}
