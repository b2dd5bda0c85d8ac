import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAuditAction } from './audit';

/** Every audit action written by the server, read from the source: `action: '…'` lines, ternaries included. */
function auditActionsInSource(): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        for (const line of fs.readFileSync(full, 'utf8').split('\n'))
          if (/\baction: /.test(line)) for (const m of line.matchAll(/'([a-z_-]+(?:\.[a-z_-]+)+)'/g)) found.add(m[1]!);
    }
  };
  walk(path.resolve('server/features'));
  return [...found].sort();
}

describe('audit action labels', () => {
  it('finds the actions in the source (the scan itself works)', () => {
    expect(auditActionsInSource()).toEqual(expect.arrayContaining(['organization.create', 'decision.step.stop']));
  });

  it.each(auditActionsInSource())('%s reads as words in both languages', (action) => {
    expect(describeAuditAction(action, 'vi')).not.toBe(action);
    expect(describeAuditAction(action, 'en')).not.toBe(action);
  });

  it.each([
    'person.declaration.approve',
    'person.declaration.reject',
    'restructuring.seat.open',
    'restructuring.undo.orgInserted',
  ])('%s (built at run time) reads as words', (action) => {
    expect(describeAuditAction(action, 'vi')).not.toBe(action);
  });

  it('an unknown code shows as it is rather than a wrong label', () => {
    expect(describeAuditAction('something.unheard_of', 'vi')).toBe('something.unheard_of');
  });
});
