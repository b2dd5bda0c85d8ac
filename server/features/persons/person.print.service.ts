import JSZip from 'jszip';
import { ETHNICITY_NAMES, PROFESSIONAL_LEVELS, THEORY_LEVELS } from '../../../contracts/person-catalogs';
import { AGE_BANDS, AGE_BAND_LABELS, type PersonListQuery, type PersonStatistics } from '../../../contracts/persons';
import type { Db, DbContext } from '../../db/database';
import { AppError } from '../../http/errors';
import { type Actor, holdsAnywhere } from '../access/access.rules';
import * as repo from './person.repository';
import * as searchRepo from './person.search.repository';
import { ageBandOf } from './person.rules';
import { docxToPdf, renderCvDocx } from './person.print';
import { getPerson, searchFilter } from './person.service';

/** A safe file name from a person's name: "Nguyen_Van_Duc". */
function fileBase(fullName: string): string {
  return (
    fullName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'ho_so'
  );
}

async function printInput(db: Db, actor: Actor, id: string, asOf?: string) {
  const person = await getPerson(db, actor, id, asOf);
  const photo = person.hasPhoto ? ((await repo.findPhoto(db, id)) ?? null) : null;
  return {
    record: person.record,
    organizationName: person.organizationName,
    photo: photo && { mime: photo.mime, data: Buffer.from(photo.data) },
  };
}

export async function cvDocument(
  db: Db,
  actor: Actor,
  id: string,
  format: 'docx' | 'pdf',
  asOf?: string,
): Promise<{ fileName: string; data: Buffer }> {
  const input = await printInput(db, actor, id, asOf);
  const docx = { name: `SYLL_${fileBase(input.record.fullName)}.docx`, data: await renderCvDocx(input) };
  if (format === 'docx') return { fileName: docx.name, data: docx.data };
  const [pdf] = await docxToPdf([docx]);
  return { fileName: pdf!.name, data: pdf!.data };
}

/** Several CVs in one zip; ids outside the actor's scope fail the whole batch as not found. */
export async function cvBatch(db: Db, actor: Actor, ids: string[], format: 'docx' | 'pdf'): Promise<Buffer> {
  const docs: { name: string; data: Buffer }[] = [];
  for (const [i, id] of ids.entries()) {
    const input = await printInput(db, actor, id);
    docs.push({
      name: `${String(i + 1).padStart(3, '0')}_${fileBase(input.record.fullName)}.docx`,
      data: await renderCvDocx(input),
    });
  }
  const files = format === 'pdf' ? await docxToPdf(docs) : docs;
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Counts for the statistics page: age pyramid by sex, ethnicity, education, theory level, party membership. */
export async function personStatistics(
  ctx: DbContext,
  actor: Actor,
  q: Pick<PersonListQuery, 'organizationId'>,
): Promise<PersonStatistics> {
  if (!holdsAnywhere(actor, 'persons.read'))
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xem thống kê', 'You may not see statistics');
  const f = await searchFilter(ctx.db, actor, { organizationId: q.organizationId });
  const [byAge, eth, prof, theory, party] = await Promise.all([
    searchRepo.countBySexAndBirthYear(ctx.db, ctx.dialect, f),
    searchRepo.countBy(ctx.db, ctx.dialect, f, 'p.ethnicity'),
    searchRepo.countBy(ctx.db, ctx.dialect, f, 'p.professional_level'),
    searchRepo.countBy(ctx.db, ctx.dialect, f, 'p.theory_level'),
    searchRepo.countBy(ctx.db, ctx.dialect, f, 'p.party_member'),
  ]);
  // Age reached in the current year (the way yearly reports count it).
  const year = new Date().getUTCFullYear();
  const pyramid = new Map(AGE_BANDS.map((b) => [b, { band: b, male: 0, female: 0 }]));
  for (const r of byAge) {
    const bucket = pyramid.get(ageBandOf(year - r.birth_year))!;
    if (r.sex === 'M') bucket.male += r.n;
    else bucket.female += r.n;
  }
  const labelled = (rows: { key: string; n: number }[], label: (k: string) => { vi: string; en: string }) =>
    rows
      .map((r) => ({ key: r.key, label: label(r.key).vi, labelEn: label(r.key).en, count: r.n }))
      .sort((a, b) => b.count - a.count);
  return {
    total: byAge.reduce((s, r) => s + r.n, 0),
    agePyramid: [...pyramid.values()].map((p) => ({ ...p, band: AGE_BAND_LABELS[p.band].vi })),
    ethnicity: labelled(eth, (k) => ({ vi: ETHNICITY_NAMES[k] ?? k, en: ETHNICITY_NAMES[k] ?? k })),
    professionalLevel: labelled(prof, (k) => PROFESSIONAL_LEVELS[k as keyof typeof PROFESSIONAL_LEVELS] ?? { vi: k, en: k }),
    theoryLevel: labelled(theory, (k) => THEORY_LEVELS[k as keyof typeof THEORY_LEVELS] ?? { vi: k, en: k }),
    partyMembership: labelled(party, (k) =>
      k === '1' ? { vi: 'Đảng viên', en: 'Party member' } : { vi: 'Chưa là đảng viên', en: 'Not a party member' },
    ),
  };
}
