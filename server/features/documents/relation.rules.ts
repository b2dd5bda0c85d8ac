import type { DocumentStatus, RelationKind } from '../../../contracts/documents';

export interface RelationEdge {
  fromId: string;
  toId: string;
  kind: RelationKind;
}

export interface DatedDocument {
  id: string;
  number: string;
  issuedOn: string | null;
}

export interface RelationProblem {
  code: 'self' | 'duplicate' | 'cycle' | 'date-order';
  message: string;
  messageEn: string;
}

/** Replacing and amending both point from a newer text to an older one, so together they must stay acyclic. */
const FAMILY: Record<RelationKind, readonly RelationKind[]> = {
  replaces: ['replaces', 'amends'],
  amends: ['replaces', 'amends'],
  implements: ['implements'],
};

/** The chain of numbers from `start` back to `goal` along edges of the family, or null when there is none. */
function pathBetween(
  edges: readonly RelationEdge[],
  kinds: readonly RelationKind[],
  start: string,
  goal: string,
): string[] | null {
  const next = new Map<string, string[]>();
  for (const e of edges) if (kinds.includes(e.kind)) next.set(e.fromId, [...(next.get(e.fromId) ?? []), e.toId]);
  const previous = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === goal) {
      const path = [node];
      let cursor = node;
      while (cursor !== start) {
        cursor = previous.get(cursor)!;
        path.unshift(cursor);
      }
      return path;
    }
    for (const target of next.get(node) ?? []) {
      if (previous.has(target)) continue;
      previous.set(target, node);
      queue.push(target);
    }
  }
  return null;
}

/**
 * Whether `from` may implement/amend/replace `to` given the relations already recorded: not itself, not twice,
 * no cycle (A replaces B while B already, directly or through others, replaces or amends A), and a newer text
 * never amended or replaced by an older one.
 */
export function checkRelation(
  from: DatedDocument,
  to: DatedDocument,
  kind: RelationKind,
  existing: readonly RelationEdge[],
): RelationProblem | null {
  if (from.id === to.id)
    return {
      code: 'self',
      message: 'Một văn bản không thể liên kết với chính nó',
      messageEn: 'A document cannot relate to itself',
    };
  if (existing.some((e) => e.fromId === from.id && e.toId === to.id && e.kind === kind))
    return {
      code: 'duplicate',
      message: `Quan hệ này giữa ${from.number} và ${to.number} đã được ghi nhận`,
      messageEn: `This relation between ${from.number} and ${to.number} already exists`,
    };
  const back = pathBetween(existing, FAMILY[kind], to.id, from.id);
  if (back) {
    return {
      code: 'cycle',
      message: `Tạo vòng lặp: ${to.number} đã (trực tiếp hoặc gián tiếp) ${kind === 'implements' ? 'triển khai' : 'thay thế hoặc sửa đổi'} ${from.number}`,
      messageEn: `This would create a cycle: ${to.number} already ${kind === 'implements' ? 'implements' : 'replaces or amends'} ${from.number}`,
    };
  }
  if (kind !== 'implements' && from.issuedOn && to.issuedOn && from.issuedOn < to.issuedOn)
    return {
      code: 'date-order',
      message: `${from.number} ban hành trước ${to.number} nên không thể ${kind === 'replaces' ? 'thay thế' : 'sửa đổi'} văn bản đó`,
      messageEn: `${from.number} was issued before ${to.number}, so it cannot ${kind === 'replaces' ? 'replace' : 'amend'} it`,
    };
  return null;
}

export interface Replacement {
  id: string;
  number: string;
  /** From this date the replaced document has no force. */
  on: string | null;
}

/** A document's status on `today`: replaced (from the earliest replacement's date), expired, not yet or in force. */
export function documentStatus(
  doc: { effectiveFrom: string | null; issuedOn: string | null; effectiveTo: string | null },
  replacements: readonly Replacement[],
  today: string,
): { status: DocumentStatus; effectiveTo: string | null } {
  const replacedOn = replacements
    .map((r) => r.on)
    .filter((d): d is string => d !== null)
    .sort()[0];
  const ends = [doc.effectiveTo, replacedOn].filter((d): d is string => Boolean(d)).sort()[0] ?? null;
  if (replacedOn && replacedOn <= today) return { status: 'replaced', effectiveTo: ends };
  if (doc.effectiveTo && doc.effectiveTo <= today) return { status: 'expired', effectiveTo: ends };
  const start = doc.effectiveFrom ?? doc.issuedOn;
  if (start && start > today) return { status: 'not_yet', effectiveTo: ends };
  return { status: 'in_force', effectiveTo: ends };
}
