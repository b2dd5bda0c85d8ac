import { describe, expect, it } from 'vitest';
import { type CatalogFile, loadCatalogFiles } from './title.catalog';
import { catalogInForce, catalogProblems, compareTitles, rankOrder, resolveHead, titleId } from './title.rules';

const file = (over: Partial<CatalogFile> = {}): CatalogFile => ({
  id: 'X',
  name: 'X',
  citation: 'c',
  validFrom: '2022-05-05',
  validTo: null,
  titles: [
    { code: 'HEAD', name: 'Head', group: 'IV', rank: 2, authority: 'agency', leadership: true, maxDeputies: 2, confirmed: true },
    { code: 'DEP', name: 'Deputy', group: 'IV', rank: 3, authority: 'agency', leadership: true, head: 'HEAD', confirmed: false },
  ],
  ...over,
});

describe('title ranks', () => {
  it('orders groups before ranks so that every group I title is above every group II title', () => {
    expect(rankOrder('I', 9)).toBeLessThan(rankOrder('II', 1));
    expect(rankOrder('III', 9)).toBeLessThan(rankOrder('IV', 1));
  });
  it('calls titles with the same group and rank equivalent, and a lower number higher', () => {
    expect(compareTitles({ rankOrder: 36 }, { rankOrder: 36 })).toBe('equivalent');
    expect(compareTitles({ rankOrder: 35 }, { rankOrder: 36 })).toBe('higher');
    expect(compareTitles({ rankOrder: 37 }, { rankOrder: 36 })).toBe('lower');
  });
  it('ranks a commune party secretary one step higher in Hà Nội and Hồ Chí Minh City (368-QĐ/TW)', () => {
    const catalog = loadCatalogFiles().find((f) => f.id === '368-QD-TW')!;
    const rows = catalog.titles.filter((t) => t.code === 'BI_THU_DANG_UY_XA');
    const hn = rows.find((t) => t.locality === 'hn_hcm')!;
    const other = rows.find((t) => t.locality === 'other_provinces')!;
    expect([hn.rank, other.rank]).toEqual([5, 6]);
    expect(compareTitles({ rankOrder: rankOrder(hn.group, hn.rank) }, { rankOrder: rankOrder(other.group, other.rank) })).toBe(
      'higher',
    );
    expect(titleId('368-QD-TW', hn)).toBe('368-QD-TW:BI_THU_DANG_UY_XA@hn_hcm');
  });
});

describe('catalog versions', () => {
  const versions = [
    { id: 'KL-35', validFrom: '2022-05-05', validTo: '2025-09-08' },
    { id: '368', validFrom: '2025-09-08', validTo: null },
  ];
  it('switches catalogs on the day 368-QĐ/TW takes effect, not a day earlier', () => {
    expect(catalogInForce(versions, '2025-09-07')?.id).toBe('KL-35');
    expect(catalogInForce(versions, '2025-09-08')?.id).toBe('368');
  });
  it('has no catalog before Kết luận 35', () => {
    expect(catalogInForce(versions, '2022-05-04')).toBeUndefined();
  });
  it('accepts the shipped catalog files', () => {
    expect(catalogProblems(loadCatalogFiles())).toEqual([]);
  });
  it('names an unknown head code, a duplicate title and overlapping versions', () => {
    const bad = file({
      titles: [
        ...file().titles,
        {
          code: 'DEP',
          name: 'again',
          group: 'IV',
          rank: 3,
          authority: 'agency',
          leadership: true,
          head: 'NOPE',
          confirmed: false,
        },
      ],
    });
    const problems = catalogProblems([bad, file({ id: 'Y', validFrom: '2024-01-01' })]);
    expect(problems.some((p) => p.includes('X:DEP'))).toBe(true);
    expect(problems.some((p) => p.includes('NOPE'))).toBe(true);
    expect(problems.some((p) => p.includes('chồng nhau'))).toBe(true);
  });
  it('resolves a deputy to its head title', () => {
    const f = file();
    expect(resolveHead(f, f.titles[1]!)?.code).toBe('HEAD');
    expect(resolveHead(f, f.titles[0]!)).toBeUndefined();
  });
});

describe('what the shipped catalogs confirm (checked against domain.md in session 2)', () => {
  const files = loadCatalogFiles();
  const byId = (id: string) => files.find((f) => f.id === id)!;
  it('368-QĐ/TW confirms group I and the commune party secretary ranks (5 in Hà Nội / HCMC, 6 elsewhere), nothing more', () => {
    const confirmed = byId('368-QD-TW')
      .titles.filter((t) => t.confirmed)
      .map((t) => `${t.code}${t.locality ? `@${t.locality}` : ''}:${t.group}${t.rank}`);
    expect(confirmed).toEqual([
      'TONG_BI_THU:I1',
      'CHU_TICH_NUOC:I1',
      'THU_TUONG:I1',
      'CHU_TICH_QUOC_HOI:I1',
      'THUONG_TRUC_BAN_BI_THU:I1',
      'UY_VIEN_BO_CHINH_TRI:I2',
      'BI_THU_DANG_UY_XA@hn_hcm:IV5',
      'BI_THU_DANG_UY_XA@other_provinces:IV6',
    ]);
  });
  it('every row left unconfirmed says why in its note', () => {
    const silent = files.flatMap((f) => f.titles.filter((t) => !t.confirmed && !t.note).map((t) => `${f.id}:${t.code}`));
    expect(silent).toEqual([]);
  });
});
