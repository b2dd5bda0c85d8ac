import { describe, expect, it } from 'vitest';
import { documentWithdrawalRefusal, itemWithdrawalRefusal, renumberRefusal } from './withdrawal.rules';

const free = { number: '12-QĐ/TU', relations: [], programmeItem: null, citedBy: [], decisions: 0 };

describe('what keeps a register entry or a programme item from being withdrawn', () => {
  it('lets an entry nothing names go', () => {
    expect(documentWithdrawalRefusal(free)).toBeNull();
    expect(renumberRefusal(free, '13-QĐ/TU')).toBeNull();
    expect(itemWithdrawalRefusal({ code: 'TQ-1' }, [])).toBeNull();
  });

  it('names each dependent and what to do first', () => {
    const refusal = documentWithdrawalRefusal({
      ...free,
      relations: [
        { kind: 'implements', otherNumber: '377-QĐ/TW', outgoing: true },
        { kind: 'replaces', otherNumber: '13-QĐ/TU', outgoing: false },
      ],
      programmeItem: { code: 'TQ-2026-01', title: 'Đề án quy hoạch' },
      citedBy: [{ ruleId: 'planning.max-titles', packId: 'national-2025' }],
      decisions: 2,
    })!;
    expect(refusal.message).toBe(
      'Không thể rút văn bản 12-QĐ/TU khỏi sổ: có quan hệ với văn bản khác (triển khai, hướng dẫn 377-QĐ/TW, bị thay thế bởi 13-QĐ/TU): xóa các quan hệ trước; là văn bản kết quả của đề án, nhiệm vụ TQ-2026-01 "Đề án quy hoạch": bỏ liên kết với đề án trước; được 1 quy tắc trong gói quy định trích dẫn (planning.max-titles); 2 quy trình quyết định nhân sự đang căn cứ vào văn bản này (hồ sơ hoặc bước quy trình).',
    );
    expect(refusal.messageEn).toContain('2 personnel decision process(es) rely on it');
  });

  it('refuses a decision-cited entry alone, and its renumbering, but not an edit keeping the number', () => {
    const cited = { ...free, decisions: 1 };
    expect(documentWithdrawalRefusal(cited)!.message).toBe(
      'Không thể rút văn bản 12-QĐ/TU khỏi sổ: 1 quy trình quyết định nhân sự đang căn cứ vào văn bản này (hồ sơ hoặc bước quy trình).',
    );
    expect(renumberRefusal(cited, '12-QĐ/TU')).toBeNull();
    expect(renumberRefusal(cited, '13-QĐ/TU')!.message).toBe(
      'Không thể đổi số hiệu 12-QĐ/TU thành 13-QĐ/TU: 1 quy trình quyết định nhân sự đang trích dẫn số hiệu này.',
    );
  });

  it('refuses an item whose outcome is registered, naming the numbers', () => {
    expect(itemWithdrawalRefusal({ code: 'TQ-1' }, [{ number: '41-QĐ/TU' }, { number: '42-KL/TU' }])!.message).toBe(
      'Không thể rút đề án, nhiệm vụ TQ-1: văn bản 41-QĐ/TU, 42-KL/TU trong sổ được ghi là kết quả của nó; bỏ liên kết ở văn bản trước.',
    );
  });
});
