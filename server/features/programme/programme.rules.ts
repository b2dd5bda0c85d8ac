import { DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS, ISSUING_BODIES, ISSUING_BODY_INFO } from '../../../contracts/document-numbering';
import {
  ASSIGNING_BODIES,
  type AssigningBody,
  ITEM_KIND_LABELS,
  type ItemStatus,
  type MilestoneStage,
  type SummaryRow,
} from '../../../contracts/programme';

const OPEN: readonly ItemStatus[] = ['planned', 'in_progress', 'submitted'];

/** Whether an item still counts in its programme (cancelled items were taken out of it). */
export const counts = (status: ItemStatus): boolean => status !== 'cancelled';
export const isDone = (status: ItemStatus): boolean => status === 'completed';

/** Overdue: still open after its due date (the due day itself is not overdue). */
export function isOverdue(item: { status: ItemStatus; dueOn: string }, today: string): boolean {
  return OPEN.includes(item.status) && item.dueOn < today;
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface ReminderInput {
  status: ItemStatus;
  dueOn: string;
  milestones: { stage: MilestoneStage; dueOn: string; doneOn: string | null }[];
}

/**
 * An open item is due for a reminder when it is overdue or due within `days` days (day `days` included);
 * the reminder names the earliest open milestone falling due in that window.
 */
export function reminderFor(
  item: ReminderInput,
  today: string,
  days: number,
): { daysLeft: number; milestone: MilestoneStage | null } | null {
  if (!OPEN.includes(item.status)) return null;
  const horizon = addDays(today, days);
  const milestone = item.milestones
    .filter((m) => m.doneOn === null && m.dueOn <= horizon)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  if (item.dueOn > horizon && !milestone) return null;
  return { daysLeft: daysBetween(today, item.dueOn), milestone: milestone?.stage ?? null };
}

/** done/total per key, in the order the keys first appear after sorting by `order`. */
export function doneTotals<K>(items: readonly { key: K; status: ItemStatus }[]): Map<K, { done: number; total: number }> {
  const out = new Map<K, { done: number; total: number }>();
  for (const item of items) {
    if (!counts(item.status)) continue;
    const entry = out.get(item.key) ?? { done: 0, total: 0 };
    entry.total += 1;
    if (isDone(item.status)) entry.done += 1;
    out.set(item.key, entry);
  }
  return out;
}

const joinBodies = (bodies: Iterable<string>): string => [...bodies].join(', ');

export interface SentenceInput {
  year: number;
  scopeName: string;
  proposals: { done: number; total: number; bodies: AssigningBody[] };
  rows: readonly SummaryRow[];
}

function countList(rows: readonly SummaryRow[]): string {
  return DOCUMENT_TYPES.flatMap((type) => {
    const n = rows.filter((r) => r.type === type).reduce((sum, r) => sum + r.count, 0);
    return n > 0 ? [`${n} ${DOCUMENT_TYPE_LABELS[type].count}`] : [];
  }).join(', ');
}

/**
 * The year summary in the seed's words (chinhphu.vn, 31/12/2022): "hoàn thành 19/19 đề án trình Ban Chấp hành
 * Trung ương, Bộ Chính trị, Ban Bí thư; tham mưu ban hành 2 Nghị quyết của Ban Chấp hành Trung ương; 7 quy định, …
 * của Bộ Chính trị, Ban Bí thư; chủ trì ban hành 6 hướng dẫn". Advised documents are grouped by the issuing
 * bodies' group (Politburo and Secretariat together), types in register order.
 */
export function summarySentence(input: SentenceInput): string {
  const parts: string[] = [];
  if (input.proposals.total > 0) {
    const bodies = ASSIGNING_BODIES.filter((b) => input.proposals.bodies.includes(b)).map((b) => ISSUING_BODY_INFO[b].vi);
    parts.push(
      `hoàn thành ${input.proposals.done}/${input.proposals.total} ${ITEM_KIND_LABELS.de_an.count}${bodies.length ? ` trình ${joinBodies(bodies)}` : ''}`,
    );
  }
  const advised = input.rows.filter((r) => r.participation === 'advised' && r.count > 0);
  const groups: string[] = [];
  for (const body of ISSUING_BODIES) {
    const group = ISSUING_BODY_INFO[body].group;
    if (!groups.includes(group) && advised.some((r) => ISSUING_BODY_INFO[r.issuingBody].group === group)) groups.push(group);
  }
  const segments = groups.map((group) => {
    const rows = advised.filter((r) => ISSUING_BODY_INFO[r.issuingBody].group === group);
    const bodies = ISSUING_BODIES.filter((b) => rows.some((r) => r.issuingBody === b)).map((b) => ISSUING_BODY_INFO[b].vi);
    return `${countList(rows)} của ${joinBodies(bodies)}`;
  });
  if (segments.length) parts.push(`tham mưu ban hành ${segments.join('; ')}`);
  const issued = input.rows.filter((r) => r.participation === 'issued' && r.count > 0);
  if (issued.length) parts.push(`chủ trì ban hành ${countList(issued)}`);
  if (parts.length === 0) return `Năm ${input.year}, ${input.scopeName} chưa ghi nhận đề án hoặc văn bản nào.`;
  return `Năm ${input.year}, ${input.scopeName} đã ${parts.join('; ')}.`;
}
