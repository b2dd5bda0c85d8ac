import { useState } from 'react';
import { InputNumber, Segmented, Space, Table } from 'antd';
import type { z } from 'zod';
import type { Position, positionListSchema } from '@contracts/positions';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';

type PositionList = z.infer<typeof positionListSchema>;

/** Across a unit's subtree on a day: the seats with a vacancy, or those whose holder's term ends within N months. */
export function SeatWatchList({ organizationId, asOf }: { organizationId: string; asOf: string }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'vacant' | 'ending'>('vacant');
  const [months, setMonths] = useState(6);
  const list = useApiQuery<PositionList>('/api/positions', {
    organizationId,
    asOf,
    subtree: '1',
    vacant: mode === 'vacant' ? '1' : undefined,
    termEndsWithinMonths: mode === 'ending' ? months : undefined,
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'vacant' | 'ending')}
          options={[
            { value: 'vacant', label: t('watch.vacant') },
            { value: 'ending', label: t('watch.ending') },
          ]}
        />
        {mode === 'ending' ? (
          <InputNumber min={1} max={120} value={months} onChange={(v) => v && setMonths(v)} suffix={t('watch.months')} />
        ) : null}
      </Space>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Position>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.pageTotal', { n }) }}
        columns={[
          { title: t('watch.unit'), dataIndex: 'organizationName' },
          { title: t('titles.name'), dataIndex: 'titleName' },
          { title: t('watch.filled'), width: 110, render: (_, p) => `${p.incumbents.length}/${p.seatCount}` },
          {
            title: t('watch.termEnd'),
            width: 200,
            render: (_, p) =>
              p.incumbents
                .filter((i) => i.termEnd)
                .map((i) => `${i.personName} (${formatDate(i.termEnd)})`)
                .join('; ') || '—',
          },
        ]}
      />
    </>
  );
}
