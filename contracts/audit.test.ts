import { describe, expect, it } from 'vitest';
import { describeAuditAction } from './audit';

describe('describeAuditAction', () => {
  it('reads verb + entity in Vietnamese and English', () => {
    expect(describeAuditAction('organization.create', 'vi')).toBe('Tạo đơn vị');
    expect(describeAuditAction('organization.create', 'en')).toBe('Created organization');
  });
  it('prefers a whole-action label', () => {
    expect(describeAuditAction('auth.login_failed', 'vi')).toBe('Đăng nhập sai');
  });
  it('shows an unknown code as it is', () => {
    expect(describeAuditAction('vote.tally_opened', 'vi')).toBe('vote.tally_opened');
  });
});
