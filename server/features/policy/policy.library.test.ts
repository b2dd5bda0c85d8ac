import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_DIR, loadPolicyLibrary } from './pack.loader';
import { PolicyPackError, policyAt } from './policy.library';
import { diffRules, toRuleResponse } from './policy.rules';

const library = loadPolicyLibrary();

/** A copy of policy/ in a temp dir where one file is rewritten (or added), for start-up failures. */
const temps: string[] = [];
function policyWith(edits: Record<string, (text: string) => string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-policy-'));
  temps.push(dir);
  fs.cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, edit(fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''));
  }
  return dir;
}
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const problemsOf = (dir: string): string[] => {
  try {
    loadPolicyLibrary(dir);
  } catch (e) {
    if (e instanceof PolicyPackError) return e.problems;
    throw e;
  }
  throw new Error('expected the packs to be rejected');
};

describe('the shipped packs', () => {
  it('load and cover both tracks on both sides of 08/10/2025', () => {
    expect(library.packs.map((p) => p.id).sort()).toEqual(
      expect.arrayContaining(['labour-2021', 'national-2023', 'national-2025']),
    );
    for (const date of ['2024-06-01', '2026-06-01'])
      for (const track of ['party', 'state'] as const) {
        const p = policyAt(library, date, track);
        expect(p.rules.has('appointment.months-in-post')).toBe(true);
        expect(p.rules.has('retirement.age-schedule')).toBe(true);
      }
  });

  it('switch from 80-QĐ/TW to 377-QĐ/TW between 07/10/2025 and 08/10/2025', () => {
    const before = policyAt(library, '2025-10-07', 'party').rules.get('appointment.months-in-post')!;
    const after = policyAt(library, '2025-10-08', 'party').rules.get('appointment.months-in-post')!;
    expect([before.citation.document, before.params]).toEqual(['80-QĐ/TW', { months: 24 }]);
    expect([after.citation.document, after.params]).toEqual(['377-QĐ/TW', { months: 12 }]);
    expect(after.citation.text).toBe('377-QĐ/TW ngày 08/10/2025');
  });

  it('switch the State from NĐ 138/2020 to NĐ 170/2025 on 01/07/2025, and the party track never sees them', () => {
    expect(policyAt(library, '2025-06-30', 'state').rules.get('state.appointment-ballot')!.citation.document).toBe(
      '138/2020/NĐ-CP',
    );
    expect(policyAt(library, '2025-07-01', 'state').rules.get('state.appointment-ballot')!.citation.document).toBe(
      '170/2025/NĐ-CP',
    );
    expect(policyAt(library, '2025-07-01', 'party').rules.has('state.appointment-ballot')).toBe(false);
  });

  it('mark as unconfirmed what the domain brief marks so', () => {
    const p2024 = policyAt(library, '2024-06-01', 'party');
    const p2026 = policyAt(library, '2026-06-01', 'party');
    expect(p2024.rules.get('planning.max-per-title')!.status).toBe('unconfirmed');
    expect(p2024.rules.get('evaluation.excellent-quota')!.status).toBe('unconfirmed'); // 124-QĐ/TW's 20 %
    expect(policyAt(library, '2024-06-01', 'party').rules.get('vote.voter-groups')!.status).toBe('unconfirmed');
    expect(p2026.rules.get('appointment.head-near-retirement')!.status).toBe('unconfirmed');
    expect(p2026.rules.get('retirement.unknown-birth-date')!.status).toBe('unconfirmed');
    expect(p2026.rules.get('planning.max-per-title')!.status).toBe('confirmed');
  });

  it('say why each unconfirmed rule is unconfirmed, and give no reason on a confirmed one', () => {
    const all = library.packs.flatMap((p) => p.rules);
    const unconfirmed = all.filter((r) => r.status === 'unconfirmed');
    expect(unconfirmed.length).toBeGreaterThan(0);
    for (const r of unconfirmed) {
      expect(r.reason?.vi.length, `${r.file} ${r.id}`).toBeGreaterThan(10);
      expect(r.reason?.en.length, `${r.file} ${r.id}`).toBeGreaterThan(10);
    }
    expect(all.filter((r) => r.status === 'confirmed' && r.reason !== null)).toEqual([]);
    expect(toRuleResponse(unconfirmed[0]!).reason).toEqual(unconfirmed[0]!.reason);
  });

  it('confirm what the domain brief establishes among the process rules: NĐ 170/2025 appointment, reappointment, the dismissal vote', () => {
    const state = policyAt(library, '2026-03-02', 'state');
    for (const id of ['process.appointment.on-site', 'process.appointment.outside', 'process.reappointment'])
      expect(state.rules.get(id)!.status, id).toBe('confirmed');
    expect(state.rules.get('state.dismissal-vote')).toMatchObject({ status: 'confirmed', reason: null });
    expect(state.rules.get('state.dismissal-vote')!.citation.text).toContain('Điều 53');
    // The party-track steps (80-QĐ/TW, 377-QĐ/TW) are nowhere in the brief: they stay unconfirmed, with the reason.
    const party = policyAt(library, '2026-03-02', 'party');
    expect(party.rules.get('process.appointment.on-site')!.status).toBe('unconfirmed');
    expect(party.rules.get('process.appointment.on-site')!.reason!.vi).toContain('chưa đối chiếu');
  });

  it('have nothing in force before 2021 and no cadre pack before 2023, apart from the record checks (records.*)', () => {
    const ids = (date: string) => [...policyAt(library, date, 'party').rules.keys()].filter((id) => !id.startsWith('records.'));
    expect(ids('2020-12-31')).toEqual([]);
    expect(ids('2022-06-01').every((id) => id.startsWith('retirement.'))).toBe(true);
  });
});

describe('a broken pack stops the start with a message naming file, rule and field', () => {
  it('a number written as text', () => {
    const dir = policyWith({
      'packs/national-2025.yaml': (t) => t.replace('params: { months: 12 }', 'params: { months: "mười hai" }'),
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /^policy\/packs\/national-2025\.yaml › quy định\/rule appointment\.months-in-post › params\.months: .*number/,
      ),
    ]);
  });

  it('an unconfirmed rule without its reason, a confirmed rule with one', () => {
    const dir = policyWith({
      'packs/national-2025.yaml': (t) => {
        const start = t.indexOf('  - id: appointment.head-near-retirement');
        // Its reason is three lines: `reason:`, then `vi:` and `en:`.
        const edited = t.slice(start).replace(/\n {4}reason:\n {6}vi: [^\n]*\n {6}en: [^\n]*/, '');
        return (t.slice(0, start) + edited).replace(
          '    citation: { document: "377-QĐ/TW", date: 2025-10-08 }\n    tracks: [party, state]\n    status: confirmed\n    params: { months: 60, specialCaseMonths: 48 }',
          '    reason: { vi: "Thừa", en: "Superfluous" }\n    citation: { document: "377-QĐ/TW", date: 2025-10-08 }\n    tracks: [party, state]\n    status: confirmed\n    params: { months: 60, specialCaseMonths: 48 }',
        );
      },
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(
        /^policy\/packs\/national-2025\.yaml › quy định\/rule appointment\.full-term › reason: chỉ quy định chưa xác minh/,
      ),
      expect.stringMatching(
        /^policy\/packs\/national-2025\.yaml › quy định\/rule appointment\.head-near-retirement › reason: một quy định chưa xác minh phải nêu lý do/,
      ),
    ]);
  });

  it('a missing citation, an unknown kind, a wrong kind for a known rule', () => {
    const dir = policyWith({
      'packs/national-2025.yaml': (t) =>
        t
          .replace(
            '    citation: { document: "377-QĐ/TW", date: 2025-10-08 }\n    tracks: [party, state]\n    status: confirmed\n    params: { months: 60, specialCaseMonths: 48 }',
            '    tracks: [party, state]\n    status: confirmed\n    params: { months: 60, specialCaseMonths: 48 }',
          )
          .replace('kind: rotation', 'kind: rotations')
          .replace('kind: planning-age-levels\n', 'kind: months\n')
          .replace('params: { oneLevelBelowMonths: 60, twoLevelsBelowMonths: 120 }', 'params: { months: 60 }'),
    });
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/national-2025\.yaml › quy định\/rule appointment\.full-term › citation: /),
        expect.stringMatching(/national-2025\.yaml › quy định\/rule rotation\.requirements › kind: /),
        'policy/packs/national-2025.yaml › quy định/rule planning.age-by-level › kind: must be "planning-age-levels", found "months"',
      ]),
    );
  });

  it('an unknown field, a date outside the pack, a YAML syntax error', () => {
    expect(
      problemsOf(
        policyWith({
          'packs/labour-2021.yaml': (t) =>
            t.replace('    params: { month: 1, day: 1 }', '    params: { month: 1, day: 1, year: 1 }'),
        }),
      ),
    ).toEqual([expect.stringMatching(/labour-2021\.yaml › quy định\/rule retirement\.unknown-birth-date › params: .*year/)]);
    expect(
      problemsOf(
        policyWith({
          'packs/national-2025.yaml': (t) =>
            t.replace(
              '    params: { termYear: 2, termYears: 5 }',
              '    effectiveFrom: 2024-01-01\n    params: { termYear: 2, termYears: 5 }',
            ),
        }),
      ),
    ).toEqual([
      expect.stringMatching(
        /national-2025\.yaml › quy định\/rule planning\.cycle › effectiveFrom\/effectiveTo: outside the pack's period/,
      ),
    ]);
    expect(problemsOf(policyWith({ 'packs/broken.yaml': () => 'id: x\n  scope: [national' }))).toEqual([
      expect.stringMatching(/^policy\/packs\/broken\.yaml › YAML: /),
    ]);
  });

  it('the same rule in force twice on one track', () => {
    const dir = policyWith({
      'packs/national-2025.yaml': (t) => t.replace('effectiveFrom: 2025-10-08\nrules:', 'effectiveFrom: 2025-10-01\nrules:'),
    });
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /national-2025\.yaml › quy định\/rule planning\.max-per-title › effectiveFrom: overlaps the same rule in policy\/packs\/national-2023\.yaml/,
        ),
      ]),
    );
  });

  it('local bounds that exclude the national value', () => {
    const dir = policyWith({
      'packs/national-2025.yaml': (t) =>
        t.replace('localBounds: { months: { min: 12, max: 24 } }', 'localBounds: { months: { min: 13, max: 24 } }'),
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringContaining(
        'appointment.months-in-post › localBounds.months: [13, 24] must be ordered and contain the national value 12',
      ),
    ]);
  });
});

const localPack = (overrides: string) => `id: local-test
scope: local
organizationCode: TQ
title: { vi: "Quy định riêng", en: "Local rules" }
description: { vi: "Thử", en: "Test" }
effectiveFrom: 2025-10-08
overrides:
${overrides}`;

describe('local packs', () => {
  it('may narrow a rule inside the bounds the national rule gives, once approved', () => {
    const dir = policyWith({
      'local/test.yaml': () =>
        localPack(
          '  - { ruleId: appointment.months-in-post, params: { months: 18 }, reason: { vi: "Tỉnh yêu cầu 18 tháng", en: "The province asks 18 months" } }',
        ),
    });
    const lib = loadPolicyLibrary(dir);
    expect(policyAt(lib, '2026-01-01', 'party').rules.get('appointment.months-in-post')!.params).toEqual({ months: 12 });
    const local = policyAt(lib, '2026-01-01', 'party', { approvedLocalPackIds: ['local-test'] }).rules.get(
      'appointment.months-in-post',
    )!;
    expect(local.params).toEqual({ months: 18 });
    expect(local.localPackId).toBe('local-test');
    // Before the local pack's period, the national rule stands.
    expect(
      policyAt(lib, '2025-01-01', 'party', { approvedLocalPackIds: ['local-test'] }).rules.get('appointment.months-in-post')!
        .params,
    ).toEqual({
      months: 24,
    });
  });

  it('may not go beyond the bounds, touch a number the rule does not open, or name an unknown rule', () => {
    const reason = 'reason: { vi: "x", en: "x" }';
    expect(
      problemsOf(
        policyWith({
          'local/test.yaml': () => localPack(`  - { ruleId: appointment.months-in-post, params: { months: 6 }, ${reason} }`),
        }),
      ),
    ).toEqual([
      'policy/local/test.yaml › overrides[0] (appointment.months-in-post) › params.months: 6 is outside what the national rule allows [12, 24]',
    ]);
    expect(
      problemsOf(
        policyWith({
          'local/test.yaml': () => localPack(`  - { ruleId: appointment.full-term, params: { months: 36 }, ${reason} }`),
        }),
      ),
    ).toEqual([
      'policy/local/test.yaml › overrides[0] (appointment.full-term) › params.months: the national rule (national-2025) does not let a local pack change it',
    ]);
    expect(
      problemsOf(
        policyWith({ 'local/test.yaml': () => localPack(`  - { ruleId: no.such-rule, params: { months: 1 }, ${reason} }`) }),
      ),
    ).toEqual([
      "policy/local/test.yaml › overrides[0] (no.such-rule) › ruleId: no national rule with this id in force during the local pack's period",
    ]);
  });
});

describe('diffs', () => {
  it('what changed on 08/10/2025 on the party track', () => {
    const before = [...policyAt(library, '2025-10-07', 'party').rules.values()].map(toRuleResponse);
    const after = [...policyAt(library, '2025-10-08', 'party').rules.values()].map(toRuleResponse);
    const diff = diffRules(before, after);
    const find = (id: string) => diff.find((d) => d.ruleId === id)!;
    expect(find('appointment.months-in-post')).toMatchObject({ change: 'changed' });
    expect(find('appointment.months-in-post').fields).toEqual(
      expect.arrayContaining(['params.months', 'citation.document', 'citation.date']),
    );
    expect(find('appointment.discipline-waits').fields).toEqual(
      expect.arrayContaining(['params.canh_cao', 'params.khien_trach']),
    );
    expect(find('appointment.discipline-waits').fields).not.toContain('params.cach_chuc');
    expect(find('planning.age-terms').change).toBe('removed');
    expect(find('planning.age-by-level').change).toBe('added');
    expect(find('vote.quorum').change).toBe('unchanged');
    expect(find('retirement.age-schedule').change).toBe('unchanged');
  });
});

describe('every rule in the packs is exercised by a test', () => {
  it('names each computed rule id in a test file of this feature', () => {
    // A rule may be computed by the feature that owns it (planning.* in features/planning): read every feature's tests.
    const features = path.dirname(path.dirname(new URL(import.meta.url).pathname));
    const tests = fs
      .readdirSync(features)
      .flatMap((d) => {
        const dir = path.join(features, d);
        return fs.statSync(dir).isDirectory() ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
      })
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    const computed = library.packs.flatMap((p) => p.rules).filter((r) => !['text', 'list'].includes(r.kind));
    const untested = [...new Set(computed.map((r) => r.id))].filter((id) => !tests.includes(`'${id}'`));
    expect(untested).toEqual([]);
  });
});
