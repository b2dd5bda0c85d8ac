import type { Selectable } from 'kysely';
import type { RestructuringKind, RestructuringStatus } from '../../../contracts/restructuring';

export interface RestructuringEventTable {
  id: string;
  kind: RestructuringKind;
  effective_date: string;
  title: string;
  decision_ref: string | null;
  status: RestructuringStatus;
  anchor_organization_id: string;
  anchor_path: string;
  /** the request as submitted */
  plan_json: string;
  /** every change made, in order, so that a revert can undo them in reverse */
  undo_json: string;
  /** ids of every organization the event touched (sources, new units, moved children) */
  affected_json: string;
  created_by: string | null;
  created_at: string;
  reverted_by: string | null;
  reverted_at: string | null;
}
export type RestructuringEventRow = Selectable<RestructuringEventTable>;
