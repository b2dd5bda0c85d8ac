import type { Insertable, Selectable } from 'kysely';
import type { AssigningBody, ItemKind, ItemStatus, MilestoneStage } from '../../../contracts/programme';

export interface ProgrammeItemTable {
  id: string;
  /** the lead unit: the item is in the scope of its subtree */
  organization_id: string;
  code: string;
  kind: ItemKind;
  title: string;
  title_folded: string;
  summary: string | null;
  summary_folded: string | null;
  assigning_body: AssigningBody;
  year: number;
  due_on: string;
  status: ItemStatus;
  completed_on: string | null;
  created_at: string;
  updated_at: string;
}
export type ProgrammeItemRow = Selectable<ProgrammeItemTable>;
export type NewProgrammeItemRow = Insertable<ProgrammeItemTable>;

export interface ProgrammeItemCoordinatorTable {
  item_id: string;
  organization_id: string;
}
export interface ProgrammeItemResponsibleTable {
  item_id: string;
  user_id: string;
}
export interface ProgrammeMilestoneTable {
  item_id: string;
  stage: MilestoneStage;
  due_on: string;
  done_on: string | null;
}
export type ProgrammeMilestoneRow = Selectable<ProgrammeMilestoneTable>;
