import { describe, expect, it } from 'vitest';
import { scanAuditActions } from '../test/audit-actions';
import { describeAuditAction } from './audit';

const scan = scanAuditActions(['server', 'scripts']);

// Actions built at run time, each with every value it can take. A new run-time action fails the test until it is
// listed here with its values (and they are labelled).
const BUILT_AT_RUN_TIME: Record<string, string[]> = {
  'server/features/persons/person.service.ts `person.declaration.${body.decision}`': [
    'person.declaration.approve',
    'person.declaration.reject',
  ],
  // The seat and job-position services pass their `audit.action` as dotted literals, which the scan finds.
  'server/features/positions/holding.ts h.audit.action': [],
  'server/features/restructuring/restructuring.service.ts `restructuring.undo.${step.op}`': [
    'restructuring.undo.orgInserted',
    'restructuring.undo.incumbentEnded',
    'restructuring.undo.quotaUpdated',
    'restructuring.undo.successionInserted',
  ],
};

describe('audit action labels', () => {
  it('finds the actions in the source, through helpers and prefixes too (the scan itself works)', () => {
    expect(scan.actions).toEqual(
      expect.arrayContaining([
        'organization.create', // appendAudit({ action: '…' })
        'decision.step.stop',
        'vote.open', // a helper's `action` argument
        'restructuring.seat.open', // a helper that prefixes its argument
        'organization.generate', // scripts too
      ]),
    );
  });

  it('every action built at run time is a known site', () => {
    expect(scan.dynamic.map((d) => d.replace(/:\d+ /, ' '))).toEqual(Object.keys(BUILT_AT_RUN_TIME).sort());
  });

  it.each([...scan.actions, ...Object.values(BUILT_AT_RUN_TIME).flat()])('%s reads as words in both languages', (action) => {
    expect(describeAuditAction(action, 'vi')).not.toBe(action);
    expect(describeAuditAction(action, 'en')).not.toBe(action);
  });

  it('an unknown code shows as it is rather than a wrong label', () => {
    expect(describeAuditAction('something.unheard_of', 'vi')).toBe('something.unheard_of');
  });
});
