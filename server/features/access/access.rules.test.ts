import { describe, expect, it } from 'vitest';
import { type Actor, mayActOn, scopePaths } from './access.rules';

const actor: Actor = {
  userId: 'u',
  username: 'u',
  grants: [
    { role: 'officer', organizationId: 'A', organizationName: 'A', path: '/R/A/' },
    { role: 'officer', organizationId: 'A1', organizationName: 'A1', path: '/R/A/A1/' },
    { role: 'inspector', organizationId: 'B', organizationName: 'B', path: '/R/B/' },
  ],
};

describe('scope', () => {
  it('keeps only the outermost subtree roots per permission', () => {
    expect(scopePaths(actor, 'organizations.write')).toEqual(['/R/A/']);
    expect(scopePaths(actor, 'organizations.read')).toEqual(['/R/A/', '/R/B/']);
  });
  it('allows a permission inside the granted subtree and not beside it', () => {
    expect(mayActOn(actor, 'organizations.write', '/R/A/A2/')).toBe(true);
    expect(mayActOn(actor, 'organizations.write', '/R/B/')).toBe(false);
    expect(mayActOn(actor, 'audit.read', '/R/B/x/')).toBe(true);
    expect(mayActOn(actor, 'audit.read', '/R/A/')).toBe(false);
  });
  it('does not treat a sibling whose id shares a prefix as inside', () => {
    expect(mayActOn(actor, 'organizations.read', '/R/AB/')).toBe(false);
  });
});

describe('lineage', () => {
  it('counts the paths a grant covers through restructuring as its scope, for its role only', () => {
    const merged: Actor = {
      userId: 'u',
      username: 'u',
      grants: [
        { role: 'officer', organizationId: 'N', organizationName: 'N', path: '/R/N/', lineagePaths: ['/R/OLD1/', '/R/OLD2/'] },
      ],
    };
    expect(scopePaths(merged, 'organizations.write')).toEqual(['/R/N/', '/R/OLD1/', '/R/OLD2/']);
    expect(mayActOn(merged, 'organizations.read', '/R/OLD2/district/')).toBe(true);
    expect(mayActOn(merged, 'audit.read', '/R/OLD2/')).toBe(false);
  });
});
