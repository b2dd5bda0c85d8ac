import type { Db } from '../../server/db/database';
import { countOrganizations } from '../../server/features/organizations/organization.repository';
import { DEMO_PASSWORD, DEMO_USERS, loadFoundationDemo } from './foundation.demo';
import { loadEvaluationsDemo } from './evaluations.demo';
import { loadOrganizationDemo } from './org.demo';
import { loadPolicyDemo } from './policy.demo';
import { loadPersonsDemo } from './persons.demo';
import { loadPlanningDemo } from './planning.demo';
import { VOTE_DEMO_USERS, loadVotesDemo } from './votes.demo';
import { PROGRAMME_DEMO_USERS, loadProgrammeDemo } from './programme.demo';
import { loadDecisionsDemo } from './decisions.demo';
import { loadTrainingDemo } from './training.demo';
import { loadStaffingDemo } from './staffing.demo';

export { DEMO_PASSWORD, DEMO_USERS };

/** Loads the demo data once, into an empty database; returns whether it did. */
export async function loadDemoIfEmpty(db: Db): Promise<boolean> {
  if ((await countOrganizations(db, ['/'])) > 0) return false;
  await loadFoundationDemo(db);
  await loadOrganizationDemo(db);
  await loadPersonsDemo(db);
  await loadStaffingDemo(db);
  await loadPolicyDemo(db);
  await loadVotesDemo(db);
  await loadProgrammeDemo(db);
  await loadEvaluationsDemo(db);
  await loadPlanningDemo(db);
  await loadTrainingDemo(db);
  await loadDecisionsDemo(db);
  return true;
}

export function demoLoginsText(): string {
  const users = [...DEMO_USERS, ...VOTE_DEMO_USERS, ...PROGRAMME_DEMO_USERS];
  const width = Math.max(...users.map((u) => u.username.length));
  const lines = users.map((u) => `  ${u.username.padEnd(width)}  ${DEMO_PASSWORD}   (${u.role}: ${u.fullName})`);
  return ['Tài khoản demo / demo logins (tên đăng nhập  mật khẩu):', ...lines].join('\n');
}
