// Paper counts: reconciliation of issued, collected, valid and invalid ballots, and the double entry's differences.
import type { PaperCount } from '../../../contracts/votes';
import { type BallotForm, type Flag, optionsOf } from './vote.rules.basics';

/**
 * Issued ≥ collected = valid + invalid; per person the options of the ballot's shape and no other; for levels and
 * agree/disagree the options plus the person's invalid marks make the valid ballots; for a choice nobody is chosen on
 * more ballots than are valid, and all names together on no more than valid × the names a ballot may mark.
 */
export function reconcile(count: PaperCount, subjectIds: string[], summoned: number, ballot: BallotForm): Flag[] {
  const flags: Flag[] = [];
  if (count.issued > summoned)
    flags.push({
      code: 'issued_over_summoned',
      message: `Số phiếu phát ra (${count.issued}) lớn hơn số người được triệu tập (${summoned})`,
      messageEn: `Ballots issued (${count.issued}) exceed those summoned (${summoned})`,
    });
  if (count.collected > count.issued)
    flags.push({
      code: 'collected_over_issued',
      message: `Số phiếu thu về (${count.collected}) lớn hơn số phiếu phát ra (${count.issued})`,
      messageEn: `Ballots collected (${count.collected}) exceed ballots issued (${count.issued})`,
    });
  if (count.valid + count.invalid !== count.collected)
    flags.push({
      code: 'valid_invalid_sum',
      message: `Phiếu hợp lệ (${count.valid}) + không hợp lệ (${count.invalid}) ≠ phiếu thu về (${count.collected})`,
      messageEn: `Valid (${count.valid}) + invalid (${count.invalid}) ≠ collected (${count.collected})`,
    });
  const ids = count.subjects.map((s) => s.subjectId);
  if (ids.length !== subjectIds.length || ids.some((id, i) => id !== subjectIds[i])) {
    flags.push({
      code: 'subjects',
      message: 'Danh sách người được lấy phiếu không khớp với phiếu',
      messageEn: 'The subjects do not match the ballot',
    });
  }
  const wanted = optionsOf(ballot.shape);
  const all = ['high', 'medium', 'low', 'agree', 'disagree', 'chosen'] as const;
  for (const [i, s] of count.subjects.entries()) {
    const missing = wanted.filter((k) => s[k] === undefined);
    const extra = all.filter((k) => !(wanted as readonly string[]).includes(k) && s[k] !== undefined);
    if (missing.length || extra.length) {
      flags.push({
        code: 'subject_options',
        message: `Người thứ ${i + 1}: phiếu này ghi ${wanted.join(', ')}${missing.length ? `; thiếu ${missing.join(', ')}` : ''}${extra.length ? `; không có ô ${extra.join(', ')}` : ''}`,
        messageEn: `Subject ${i + 1}: this ballot counts ${wanted.join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; no such option ${extra.join(', ')}` : ''}`,
      });
      continue;
    }
    if (ballot.shape === 'choice') {
      if (s.invalid !== 0 || s.chosen! > count.valid)
        flags.push({
          code: 'subject_sum',
          message: `Người thứ ${i + 1}: số phiếu bầu chọn (${s.chosen}) lớn hơn số phiếu hợp lệ (${count.valid}) hoặc có phiếu không hợp lệ riêng`,
          messageEn: `Subject ${i + 1}: chosen on ${s.chosen} ballots, more than the ${count.valid} valid ones, or per-person invalid marks`,
        });
      continue;
    }
    const sum = wanted.reduce((a, k) => a + s[k]!, 0) + s.invalid;
    if (sum !== count.valid) {
      flags.push({
        code: 'subject_sum',
        message: `Người thứ ${i + 1}: tổng các ô và phiếu không hợp lệ = ${sum} ≠ ${count.valid} phiếu hợp lệ`,
        messageEn: `Subject ${i + 1}: options + invalid = ${sum} ≠ ${count.valid} valid ballots`,
      });
    }
  }
  if (ballot.shape === 'choice' && !flags.some((f) => f.code === 'subject_options')) {
    const max = ballot.maxChoices ?? 1;
    const total = count.subjects.reduce((a, s) => a + (s.chosen ?? 0), 0);
    if (total > count.valid * max)
      flags.push({
        code: 'choices_over_max',
        message: `Tổng số lượt chọn (${total}) vượt quá ${count.valid} phiếu hợp lệ × ${max} người mỗi phiếu`,
        messageEn: `Choices in total (${total}) exceed ${count.valid} valid ballots × ${max} names each`,
      });
  }
  return flags;
}

/** Every number where two entries of the same paper count differ. */
export function compareEntries(a: PaperCount, b: PaperCount): { field: string; first: number; second: number }[] {
  const out: { field: string; first: number; second: number }[] = [];
  for (const k of ['issued', 'collected', 'valid', 'invalid'] as const)
    if (a[k] !== b[k]) out.push({ field: k, first: a[k], second: b[k] });
  const n = Math.max(a.subjects.length, b.subjects.length);
  for (let i = 0; i < n; i++) {
    const x = a.subjects[i];
    const y = b.subjects[i];
    for (const k of ['high', 'medium', 'low', 'agree', 'disagree', 'chosen', 'invalid'] as const) {
      if (x?.[k] === undefined && y?.[k] === undefined && x?.subjectId === y?.subjectId) continue;
      if (x?.[k] !== y?.[k] || x?.subjectId !== y?.subjectId)
        out.push({ field: `subjects[${i}].${k}`, first: x?.[k] ?? -1, second: y?.[k] ?? -1 });
    }
  }
  return out;
}
