import { useState } from 'react';
import { Button, Card, Select, Space, Typography } from 'antd';
import type { CycleDetail } from '@contracts/planning';
import type { SeatOption } from '@contracts/planning-work';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { L } from './texts';

/** Adds a plan for a seat: the seats of the cycle's subtree are searched on the server as the officer types. */
export function SeatPicker({ cycle, onDone }: { cycle: CycleDetail; onDone: (d: CycleDetail) => void }) {
  const { label } = useI18n();
  const [seat, setSeat] = useState<string>();
  const [q, setQ] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const seats = useApiQuery<{ items: SeatOption[]; total: number }>(`/api/planning/cycles/${cycle.id}/seats`, {
    q: q || undefined,
    limit: 50,
  });
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      {error ? <ApiErrorAlert error={error} /> : null}
      <Space wrap>
        <Select
          showSearch
          filterOption={false}
          onSearch={setQ}
          loading={seats.loading}
          style={{ minWidth: 480 }}
          placeholder={label(L.seatSearch)}
          value={seat}
          onChange={setSeat}
          data-testid="planning-seat"
          options={(seats.data?.items ?? []).map((s) => ({
            value: s.id,
            disabled: s.planned,
            label: `${s.titleName} — ${s.organizationName}${s.planned ? ` (${label(L.alreadyPlanned)})` : ''}`,
          }))}
        />
        <Button
          disabled={!seat}
          data-testid="planning-add-seat"
          onClick={async () => {
            try {
              onDone(await api.post<CycleDetail>(`/api/planning/cycles/${cycle.id}/plans`, { kind: 'seat', positionId: seat }));
              setSeat(undefined);
              setError(null);
              seats.reload();
            } catch (err) {
              if (err instanceof ApiError) setError(err);
              else throw err;
            }
          }}
        >
          {label(L.addSeat)}
        </Button>
        <Typography.Text type="secondary">{label(L.seatsFound).replace('{n}', String(seats.data?.total ?? 0))}</Typography.Text>
      </Space>
    </Card>
  );
}
