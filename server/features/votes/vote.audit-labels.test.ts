import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAuditAction } from '../../../contracts/audit';

// The electronic service writes its audit entries through a helper (`audit(trx, actor, row, '<action>')`), which the
// foundation's scan of `action: '…'` lines does not see: read those calls here.
const source = fs.readFileSync(path.resolve('server/features/votes/vote.electronic.service.ts'), 'utf8');
const actions = [
  ...new Set(
    source
      .split('\n')
      .filter((l) => /audit\(trx, actor, row,/.test(l))
      .flatMap((l) => [...l.matchAll(/'(vote\.[a-z_.]+)'/g)].map((m) => m[1]!)),
  ),
].sort();

describe('audit labels of electronic votes', () => {
  it('finds the actions (the scan works)', () =>
    expect(actions).toEqual(expect.arrayContaining(['vote.ballot.cast', 'vote.ballot.replace', 'vote.ballot.audited'])));
  it.each(actions)('%s reads as words in both languages', (action) => {
    expect(describeAuditAction(action, 'vi')).not.toBe(action);
    expect(describeAuditAction(action, 'en')).not.toBe(action);
  });
});
