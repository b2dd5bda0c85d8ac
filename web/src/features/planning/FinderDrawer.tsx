import { useState } from 'react';
import { Button, Checkbox, Drawer, Input, Popover, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import {
  FINDER_SORTS,
  FINDER_SORT_LABELS,
  type FinderItem,
  GRID_LEVELS,
  GRID_LEVEL_LABELS,
  type GridLevel,
  type Plan,
  SUBJECT_GROUP_LABELS,
} from '@contracts/planning';
import { RATING_LABELS } from '@contracts/evaluations';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { L } from './texts';

const vnDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
type Sort = (typeof FINDER_SORTS)[number];

/** Eligible people for a seat (or those one requirement short), ranked as the user picks, with the 9-box. */
export function FinderDrawer({
  plan,
  onClose,
  onAdd,
}: {
  plan: Plan;
  onClose: () => void;
  onAdd: (personId: string) => Promise<void>;
}) {
  const { label } = useI18n();
  const [filters, setFilters] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<Sort>('fit');
  const [box, setBox] = useState<string | undefined>();
  const on = (k: string) => (filters.includes(k) ? '1' : undefined);
  const result = useApiQuery<{ items: FinderItem[]; scanned: number; grid: Record<string, number> }>(
    `/api/planning/plans/${plan.id}/finder`,
    {
      women: on('women'),
      young: on('young'),
      ethnicMinority: on('ethnicMinority'),
      oneShort: on('oneShort'),
      q: q || undefined,
      sort,
      box,
    },
  );
  const grid = result.data?.grid ?? {};
  const performanceRows: (GridLevel | 'none')[] = ['high', 'medium', 'low', 'none'];
  return (
    <Drawer open width={1080} title={`${label(L.finder)}: ${plan.titleName} — ${plan.organizationName}`} onClose={onClose}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={label(L.search)} onSearch={setQ} style={{ width: 220 }} />
        <Checkbox.Group
          value={filters}
          onChange={(v) => setFilters(v as string[])}
          options={[
            { value: 'women', label: label(L.women) },
            { value: 'young', label: label(L.young) },
            { value: 'ethnicMinority', label: label(L.minority) },
            { value: 'oneShort', label: <span data-testid="finder-one-short">{label(L.oneShort)}</span> },
          ]}
        />
        <span>{label(L.sortBy)}:</span>
        <Select<Sort>
          value={sort}
          onChange={setSort}
          style={{ width: 200 }}
          data-testid="finder-sort"
          options={FINDER_SORTS.map((s) => ({ value: s, label: label(FINDER_SORT_LABELS[s]) }))}
        />
      </Space>
      <Typography.Text strong>{label(L.nineBox)}</Typography.Text>
      <table style={{ borderCollapse: 'collapse', margin: '8px 0 12px' }} data-testid="finder-grid">
        <thead>
          <tr>
            <th style={{ padding: 4, textAlign: 'left' }}>
              {label(L.performance)} ↓ / {label(L.potential)} →
            </th>
            {GRID_LEVELS.map((p) => (
              <th key={p} style={{ padding: 4, minWidth: 90 }}>
                {label(GRID_LEVEL_LABELS[p])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {performanceRows.map((perf) => (
            <tr key={perf}>
              <th style={{ padding: 4, textAlign: 'left', fontWeight: 'normal' }}>
                {perf === 'none' ? label(L.noRating) : label(GRID_LEVEL_LABELS[perf])}
              </th>
              {GRID_LEVELS.map((pot) => {
                const key = `${perf}:${pot}`;
                const n = grid[key] ?? 0;
                const selected = box === key;
                return (
                  <td key={pot} style={{ padding: 2 }}>
                    <Button
                      size="small"
                      block
                      type={selected ? 'primary' : 'default'}
                      disabled={n === 0 && !selected}
                      onClick={() => setBox(selected ? undefined : key)}
                    >
                      {n}
                    </Button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {box ? (
        <Button size="small" type="link" onClick={() => setBox(undefined)}>
          {label(L.allBoxes)}
        </Button>
      ) : null}
      {result.error ? <ApiErrorAlert error={result.error} onRetry={result.reload} /> : null}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {label(L.rankOrderNote)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {label(L.scanned).replace('{n}', String(result.data?.scanned ?? 0))}
      </Typography.Paragraph>
      <Table<FinderItem>
        rowKey="personId"
        size="small"
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: label(L.position),
            width: 70,
            render: (_, p) => (
              <Popover
                title={`${label(L.whyTitle)}: ${p.position}. ${p.fullName}`}
                trigger="click"
                content={
                  <ol style={{ margin: 0, paddingLeft: 18, maxWidth: 460 }} data-testid="finder-why">
                    {p.why.map((w, i) => (
                      <li key={i}>{label(w.text)}</li>
                    ))}
                  </ol>
                }
              >
                <Button size="small" type="link" data-testid="finder-position">
                  {p.position}
                </Button>
              </Popover>
            ),
          },
          { title: label(L.person), dataIndex: 'fullName' },
          { title: label(L.born), render: (_, p) => vnDate(p.birthDate) },
          { title: label(L.currentTitle), render: (_, p) => `${p.currentTitle ?? '—'} · ${p.organizationName}` },
          { title: label(L.subjectGroup), render: (_, p) => label(SUBJECT_GROUP_LABELS[p.subjectGroup]) },
          { title: label(L.retires), render: (_, p) => vnDate(p.retirementDate) },
          {
            title: label(L.performance),
            render: (_, p) => (
              <Tooltip title={p.ratings.map((r) => `${r.year}: ${RATING_LABELS[r.level].short}`).join(', ') || label(L.noRating)}>
                {p.performance ? label(GRID_LEVEL_LABELS[p.performance]) : '—'}
              </Tooltip>
            ),
          },
          { title: label(L.potential), render: (_, p) => label(GRID_LEVEL_LABELS[p.potential]) },
          {
            title: label(L.lacks),
            render: (_, p) => (
              <>
                {p.eligible ? (
                  <Tag color="green">{label(L.eligible)}</Tag>
                ) : (
                  p.missing.map((m, i) => (
                    <Tooltip key={i} title={m.citation.text}>
                      <div>
                        <Tag color="red">✗</Tag>
                        {label(m.detail)}
                      </div>
                    </Tooltip>
                  ))
                )}
                {p.trainingGaps.map((g, i) => (
                  <Tooltip key={`g${i}`} title={g.citation.text}>
                    <div data-testid="finder-training-gap">
                      <Tag color="orange">{label(L.trainingGap)}</Tag>
                      {label(g.detail)}
                    </div>
                  </Tooltip>
                ))}
              </>
            ),
          },
          {
            title: '',
            render: (_, p) => (
              <Button size="small" type="primary" onClick={() => void onAdd(p.personId)} data-testid="finder-add">
                {label(L.add)}
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
