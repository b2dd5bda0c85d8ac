import type { Incumbent, Position, PositionVersion } from '../../../contracts/positions';
import type { PositionWithNames } from './position.repository';
import type { IncumbentRow, PositionVersionRow } from './position.table';

export function toIncumbentResponse(row: IncumbentRow): Incumbent {
  return {
    id: row.id,
    positionId: row.position_id,
    personId: row.person_id,
    personName: row.person_name,
    how: row.how,
    from: row.from_date,
    to: row.to_date,
    termEnd: row.term_end,
    decisionRef: row.decision_ref,
  };
}

export function toPositionResponse(row: PositionWithNames, incumbents: readonly IncumbentRow[]): Position {
  const seatCount = Number(row.seat_count);
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    titleId: row.title_id,
    titleName: row.title_name,
    seatCount,
    termYears: row.term_years === null ? null : Number(row.term_years),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    incumbents: incumbents.map(toIncumbentResponse),
    vacant: Math.max(0, seatCount - incumbents.length),
  };
}

export function toPositionVersionResponse(row: PositionVersionRow): PositionVersion {
  return {
    id: row.id,
    seatCount: Number(row.seat_count),
    termYears: row.term_years === null ? null : Number(row.term_years),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    decisionRef: row.decision_ref,
  };
}
