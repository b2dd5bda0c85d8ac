import {
  type Cycle,
  type EvaluationFacts,
  type EvaluationSummary,
  type EvaluationVerdict,
  type QuotaGroup,
  type Score,
  evaluationFactsSchema,
} from '../../../contracts/evaluations';
import type { CycleWithOrg, EvaluationWithOrg } from './evaluation.repository';
import type { GroupRow, TaskRow } from './evaluation.table';

export const fromTenths = (t: number | null): number | null => (t === null ? null : Number(t) / 10);
export const toTenths = (x: number): number => Math.round(x * 10);

export function toCycleResponse(row: CycleWithOrg, policyDocument: string, counts: Record<string, number>): Cycle {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    kind: row.kind,
    track: row.track,
    year: Number(row.year),
    quarter: row.quarter === null ? null : Number(row.quarter),
    title: row.title,
    policyDate: row.policy_date,
    policyDocument,
    closed: Number(row.closed) === 1,
    counts,
  };
}

export function toGroupResponse(row: GroupRow & { member_count: number }): QuotaGroup {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    name: row.name,
    definition: row.definition,
    outstandingUnit: Number(row.outstanding_unit) === 1,
    memberCount: row.member_count,
  };
}

export function toEvaluationSummary(row: EvaluationWithOrg): EvaluationSummary {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    groupId: row.group_id,
    personId: row.person_id,
    personName: row.person_name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    subjectGroup: row.subject_group,
    status: row.status,
    selfPoints: fromTenths(row.self_points_tenths),
    appraisalPoints: fromTenths(row.appraisal_points_tenths),
    proposedLevel: row.proposed_level,
    decidedLevel: row.decided_level,
  };
}

export const parseScore = (json: string | null): Score | null => (json ? (JSON.parse(json) as Score) : null);
export const parseFacts = (json: string | null): EvaluationFacts => evaluationFactsSchema.parse(json ? JSON.parse(json) : {});
export const parseVerdicts = (json: string | null): EvaluationVerdict[] =>
  json ? (JSON.parse(json) as EvaluationVerdict[]) : [];

export function toTask(row: TaskRow) {
  return { id: row.id, title: row.title, dueOn: row.due_on, doneOn: row.done_on, outcome: row.outcome };
}
