import { describe, expect, it } from 'vitest';
import { assertPlaceFree } from './holding';

const place = { validFrom: '2026-01-01', validTo: '2027-01-01', places: 1, what: { vi: 'vị trí A', en: 'seat A' } };
const hint = { vi: 'kết thúc trước', en: 'end first' };
const held = (person_id: string, from_date: string, to_date: string | null) => ({
  id: `${person_id}-${from_date}`,
  person_id,
  person_name: person_id,
  from_date,
  to_date,
});
const refusal = (history: ReturnType<typeof held>[], personId: string, from: string, p = place) => {
  try {
    assertPlaceFree(p, history, { personId, personName: personId, from }, hint);
    return null;
  } catch (e) {
    const err = e as { code: string; details: { path: string }[] };
    return [err.code, err.details[0]?.path];
  }
};

describe('assertPlaceFree (seats and job positions alike)', () => {
  it('takes a day within the place’s validity only: its first day yes, the day before and its end day no', () => {
    expect(refusal([], 'P', '2026-01-01')).toBeNull();
    expect(refusal([], 'P', '2025-12-31')).toEqual(['VALIDATION', 'from']);
    expect(refusal([], 'P', '2026-12-31')).toBeNull();
    expect(refusal([], 'P', '2027-01-01')).toEqual(['VALIDATION', 'from']);
  });

  it('frees the place on the day its holder leaves, not the day before', () => {
    const history = [held('A', '2026-01-01', '2026-06-01')];
    expect(refusal(history, 'B', '2026-05-31')).toEqual(['CONFLICT', 'from']);
    expect(refusal(history, 'B', '2026-06-01')).toBeNull();
  });

  it('refuses the same person over an overlapping period, naming the person field', () => {
    expect(refusal([held('A', '2026-01-01', null)], 'A', '2026-03-01', { ...place, places: 2 })).toEqual([
      'CONFLICT',
      'personId',
    ]);
    expect(refusal([held('A', '2026-01-01', '2026-03-01')], 'A', '2026-03-01', { ...place, places: 2 })).toBeNull();
  });

  it('counts the most holders at once from the day on: a later start fills the place too', () => {
    const history = [held('A', '2026-01-01', '2026-03-01'), held('B', '2026-08-01', null)];
    expect(refusal(history, 'C', '2026-04-01')).toEqual(['CONFLICT', 'from']);
    expect(refusal(history, 'C', '2026-04-01', { ...place, places: 2 })).toBeNull();
  });
});
