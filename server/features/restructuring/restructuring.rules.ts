import type { ErrorDetail } from '../../../contracts/common';
import type { RuleVerdict } from '../../../contracts/positions';
import type { RestructuringPlan, UnitRef } from '../../../contracts/restructuring';

type Detail = ErrorDetail;
const d = (path: string, message: string, messageEn: string): Detail => ({ path, message, messageEn });

/** What each kind of event needs besides its sources; problems name the field. */
export function planShapeErrors(plan: RestructuringPlan): Detail[] {
  const out: Detail[] = [];
  const n = plan.sources.length;
  if (new Set(plan.sources).size !== n) out.push(d('sources', 'một đơn vị được nêu hai lần', 'a unit is listed twice'));
  switch (plan.kind) {
    case 'rename':
      if (n !== 1) out.push(d('sources', 'đổi tên áp dụng cho đúng một đơn vị', 'rename applies to exactly one unit'));
      if (!plan.rename) out.push(d('rename', 'thiếu tên mới', 'the new name is missing'));
      break;
    case 'move':
      if (n !== 1) out.push(d('sources', 'chuyển trực thuộc áp dụng cho đúng một đơn vị', 'move applies to exactly one unit'));
      if (!plan.newParentId) out.push(d('newParentId', 'thiếu đơn vị cấp trên mới', 'the new parent is missing'));
      break;
    case 'merge':
      if (plan.targetId ? n < 1 : n < 2)
        out.push(d('sources', 'hợp nhất cần ít nhất hai đơn vị', 'a merge needs at least two units'));
      if (plan.targetId ? plan.newUnits.length !== 0 : plan.newUnits.length !== 1)
        out.push(
          d(
            'newUnits',
            'hợp nhất tạo đúng một đơn vị mới hoặc nhập vào một đơn vị có sẵn',
            'a merge makes one new unit or joins an existing one',
          ),
        );
      break;
    case 'split':
      if (n !== 1) out.push(d('sources', 'chia tách áp dụng cho đúng một đơn vị', 'a split applies to exactly one unit'));
      if (plan.newUnits.length < 2)
        out.push(d('newUnits', 'chia tách cần ít nhất hai đơn vị mới', 'a split needs at least two new units'));
      break;
    case 'dissolve':
      if (plan.newUnits.length !== 0) out.push(d('newUnits', 'giải thể không tạo đơn vị mới', 'a dissolution creates no unit'));
      break;
  }
  const keys = plan.newUnits.map((u) => u.key);
  if (new Set(keys).size !== keys.length) out.push(d('newUnits', 'khóa đơn vị mới bị lặp', 'duplicate new unit key'));
  return out;
}

export interface MappingFacts {
  children: { id: string; name: string }[];
  seats: { id: string; name: string }[];
  people: { id: string; name: string; seatId: string }[];
  jobPositions: { id: string; name: string }[];
}

/**
 * Every open child, seat and incumbent of the closed units must be mapped exactly once, to something that exists;
 * a person may follow a seat only if the seat goes somewhere. Each problem names the unmapped or unknown item.
 */
export function mappingErrors(plan: RestructuringPlan, facts: MappingFacts, sourceIds: ReadonlySet<string>): Detail[] {
  const out: Detail[] = [];
  const keys = new Set(plan.newUnits.map((u) => u.key));
  const badRef = (ref: UnitRef) => ('key' in ref ? !keys.has(ref.key) : sourceIds.has(ref.id));
  const check = <T extends { id: string; name: string }>(
    field: string,
    items: readonly T[],
    mapped: readonly { id: string; to: UnitRef | null | string }[],
    what: { vi: string; en: string },
  ) => {
    const known = new Map(items.map((i) => [i.id, i]));
    const seen = new Set<string>();
    mapped.forEach((m, i) => {
      if (!known.has(m.id))
        out.push(
          d(
            `${field}.${i}`,
            `${what.vi} "${m.id}" không thuộc các đơn vị bị thay đổi`,
            `${what.en} "${m.id}" is not in the units changed`,
          ),
        );
      if (seen.has(m.id)) out.push(d(`${field}.${i}`, `${what.vi} được ánh xạ hai lần`, `${what.en} mapped twice`));
      seen.add(m.id);
      if (m.to !== null && typeof m.to === 'object' && badRef(m.to))
        out.push(
          d(
            `${field}.${i}.to`,
            `${what.vi} "${known.get(m.id)?.name ?? m.id}" được chuyển tới đơn vị không hợp lệ (đơn vị bị đóng hoặc khóa không có)`,
            `${what.en} "${known.get(m.id)?.name ?? m.id}" is mapped to an invalid unit (a closed unit or unknown key)`,
          ),
        );
    });
    for (const item of items)
      if (!seen.has(item.id))
        out.push(
          d(field, `${what.vi} "${item.name}" chưa được ánh xạ sang đơn vị mới`, `${what.en} "${item.name}" is not mapped`),
        );
  };
  check(
    'children',
    facts.children,
    plan.children.map((c) => ({ id: c.organizationId, to: c.to })),
    { vi: 'Đơn vị trực thuộc', en: 'Child unit' },
  );
  check(
    'seats',
    facts.seats,
    plan.seats.map((s) => ({ id: s.positionId, to: s.to })),
    { vi: 'Vị trí', en: 'Seat' },
  );
  check(
    'people',
    facts.people,
    plan.people.map((p) => ({ id: p.incumbentId, to: p.to })),
    { vi: 'Người giữ vị trí', en: 'Incumbent' },
  );
  check(
    'jobPositions',
    facts.jobPositions,
    plan.jobPositions.map((j) => ({ id: j.jobPositionId, to: j.to })),
    { vi: 'Vị trí việc làm', en: 'Job position' },
  );
  const closedSeats = new Set(plan.seats.filter((s) => s.to === null).map((s) => s.positionId));
  plan.people.forEach((p, i) => {
    const person = facts.people.find((x) => x.id === p.incumbentId);
    if (person && p.to === 'follow' && closedSeats.has(person.seatId))
      out.push(
        d(
          `people.${i}.to`,
          `${person.name} theo vị trí bị bãi bỏ: hãy chọn "kết thúc" hoặc chuyển vị trí tới đơn vị mới`,
          `${person.name} follows a seat that is closed: choose "end" or map the seat to a unit`,
        ),
      );
  });
  return out;
}

/** Moving a unit under its own subtree would make a cycle. */
export function wouldCycle(movingPath: string, newParentPath: string): boolean {
  return newParentPath.startsWith(movingPath);
}

/** The deepest path that is a prefix (by whole segments) of all the paths. */
export function commonAncestorPath(paths: readonly string[]): string {
  if (paths.length === 0) return '/';
  const split = paths.map((p) => p.split('/').filter(Boolean));
  const out: string[] = [];
  for (let i = 0; ; i++) {
    const seg = split[0]![i];
    if (seg === undefined || split.some((s) => s[i] !== seg)) break;
    out.push(seg);
  }
  return out.length ? `/${out.join('/')}/` : '/';
}

/** The path of a unit once the subtree rooted at `fromRoot` has moved to `toRoot`. */
export function rebasePath(path: string, fromRoot: string, toRoot: string): string {
  return path.startsWith(fromRoot) ? toRoot + path.slice(fromRoot.length) : path;
}

export const UNPLACED_STAFF_RULE = {
  ruleId: 'restructuring.staff-unplaced',
  citation: 'Hồ sơ cán bộ: đơn vị công tác hiện tại phải là đơn vị đang hoạt động (kiểm tra dữ liệu của CanBo)',
} as const;

/** People whose records still name a unit that the event closes without a single successor (split, dissolution). */
export function unplacedStaffVerdict(unit: { id: string; name: string }, people: number): RuleVerdict {
  return {
    ...UNPLACED_STAFF_RULE,
    passed: false,
    subjectId: unit.id,
    detail: `${people} người trong hồ sơ đang công tác tại "${unit.name}" (bị chấm dứt) chưa có đơn vị mới: cần điều động trong hồ sơ cán bộ`,
    detailEn: `${people} people whose records name "${unit.name}" (closed) have no new unit: transfer them in the records`,
  };
}
