import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '../../../contracts/programme';
import { daysBetween, doneTotals, isOverdue, reminderFor, summarySentence } from './programme.rules';

const SEED =
  'hoàn thành 19/19 đề án trình Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư; tham mưu ban hành 2 Nghị quyết của Ban Chấp hành Trung ương; 7 quy định, 11 quyết định, 8 kết luận, 2 thông báo, 2 kế hoạch của Bộ Chính trị, Ban Bí thư; chủ trì ban hành 6 hướng dẫn';

const row = (
  participation: SummaryRow['participation'],
  type: SummaryRow['type'],
  issuingBody: SummaryRow['issuingBody'],
  count: number,
): SummaryRow => ({
  participation,
  type,
  issuingBody,
  count,
});

describe('the year summary sentence', () => {
  it('reproduces the seed sentence from the 2022 figures', () => {
    const sentence = summarySentence({
      year: 2022,
      scopeName: 'Ban Tổ chức Trung ương',
      proposals: { done: 19, total: 19, bodies: ['bo_chinh_tri', 'ban_chap_hanh_tw', 'ban_bi_thu'] },
      rows: [
        row('advised', 'nghi_quyet', 'ban_chap_hanh_tw', 2),
        row('advised', 'quy_dinh', 'bo_chinh_tri', 4),
        row('advised', 'quy_dinh', 'ban_bi_thu', 3),
        row('advised', 'quyet_dinh', 'ban_bi_thu', 11),
        row('advised', 'ket_luan', 'bo_chinh_tri', 8),
        row('advised', 'thong_bao', 'ban_bi_thu', 2),
        row('advised', 'ke_hoach', 'bo_chinh_tri', 2),
        row('issued', 'huong_dan', 'ban_to_chuc_tw', 6),
      ],
    });
    expect(sentence).toBe(`Năm 2022, Ban Tổ chức Trung ương đã ${SEED}.`);
  });
  it('names only the bodies that took part', () => {
    expect(
      summarySentence({
        year: 2026,
        scopeName: 'Ban Tổ chức Tỉnh ủy Tuyên Quang',
        proposals: { done: 1, total: 3, bodies: ['ban_thuong_vu_tinh_uy'] },
        rows: [row('advised', 'quy_dinh', 'ban_thuong_vu_tinh_uy', 1), row('advised', 'ket_luan', 'bo_chinh_tri', 1)],
      }),
    ).toBe(
      'Năm 2026, Ban Tổ chức Tỉnh ủy Tuyên Quang đã hoàn thành 1/3 đề án trình Ban Thường vụ Tỉnh ủy; tham mưu ban hành 1 kết luận của Bộ Chính trị; 1 quy định của Ban Thường vụ Tỉnh ủy.',
    );
  });
  it('says so when the year holds nothing', () => {
    expect(summarySentence({ year: 2030, scopeName: 'X', proposals: { done: 0, total: 0, bodies: [] }, rows: [] })).toBe(
      'Năm 2030, X chưa ghi nhận đề án hoặc văn bản nào.',
    );
  });
});

describe('programme progress', () => {
  it('is overdue from the day after the due date, and never once completed or cancelled', () => {
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-11-27' }, '2026-11-27')).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-11-26' }, '2026-11-27')).toBe(true);
    expect(isOverdue({ status: 'completed', dueOn: '2026-01-01' }, '2026-11-27')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueOn: '2026-01-01' }, '2026-11-27')).toBe(false);
  });
  it('counts done/total per key, leaving cancelled items out', () => {
    const totals = doneTotals([
      { key: 'a', status: 'completed' },
      { key: 'a', status: 'in_progress' },
      { key: 'a', status: 'cancelled' },
      { key: 'b', status: 'planned' },
    ]);
    expect(totals.get('a')).toEqual({ done: 1, total: 2 });
    expect(totals.get('b')).toEqual({ done: 0, total: 1 });
  });
  it('counts days across a month end', () => {
    expect(daysBetween('2026-11-27', '2026-12-11')).toBe(14);
  });
});

describe('reminders', () => {
  const today = '2026-11-27';
  const item = (dueOn: string, status: 'planned' | 'completed' = 'planned') => ({ status, dueOn, milestones: [] });
  it('includes an item due exactly N days ahead and not one day later', () => {
    expect(reminderFor(item('2026-12-11'), today, 14)).toEqual({ daysLeft: 14, milestone: null });
    expect(reminderFor(item('2026-12-12'), today, 14)).toBeNull();
  });
  it('includes overdue items with a negative count and skips finished ones', () => {
    expect(reminderFor(item('2026-11-20'), today, 14)).toEqual({ daysLeft: -7, milestone: null });
    expect(reminderFor(item('2026-11-28', 'completed'), today, 14)).toBeNull();
  });
  it('reminds of an open milestone in the window even when the item is due later', () => {
    const r = reminderFor(
      {
        status: 'in_progress',
        dueOn: '2027-03-01',
        milestones: [
          { stage: 'drafting', dueOn: '2026-11-01', doneOn: '2026-11-01' },
          { stage: 'consultation', dueOn: '2026-12-01', doneOn: null },
        ],
      },
      today,
      14,
    );
    expect(r).toEqual({ daysLeft: 94, milestone: 'consultation' });
  });
});
