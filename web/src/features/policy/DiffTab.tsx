import { useMemo, useState } from 'react';
import { Checkbox, DatePicker, Flex, Form, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { TRACKS, TRACK_LABELS, type PackSummary, type Rule, type RuleChange, type Track } from '@contracts/policy';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { paramLines } from './format';

const COLORS: Record<RuleChange['change'], string> = { added: 'green', removed: 'red', changed: 'blue', unchanged: 'default' };

/** What changed between two dates ("on 08/10/2025") or two packs, rule by rule, field by field. */
export function DiffTab({ onOpenRule }: { onOpenRule: (id: string) => void }) {
  const { t, label, lang } = useI18n();
  const [mode, setMode] = useState<'dates' | 'packs'>('dates');
  const [fromDate, setFromDate] = useState<Dayjs>(dayjs('2025-10-07'));
  const [toDate, setToDate] = useState<Dayjs>(dayjs('2025-10-08'));
  const [track, setTrack] = useState<Track>('party');
  const [fromPack, setFromPack] = useState('national-2023');
  const [toPack, setToPack] = useState('national-2025');
  const [onlyChanges, setOnlyChanges] = useState(true);
  const packs = useApiQuery<{ items: PackSummary[] }>('/api/policy/packs');
  const query =
    mode === 'dates'
      ? { fromDate: fromDate.format('YYYY-MM-DD'), toDate: toDate.format('YYYY-MM-DD'), track }
      : { fromPack, toPack };
  const diff = useApiQuery<{ items: RuleChange[] }>('/api/policy/diff', query);
  const items = useMemo(
    () => (diff.data?.items ?? []).filter((c) => !onlyChanges || c.change !== 'unchanged'),
    [diff.data, onlyChanges],
  );
  const counts = (diff.data?.items ?? []).reduce<Record<string, number>>(
    (acc, c) => ({ ...acc, [c.change]: (acc[c.change] ?? 0) + 1 }),
    {},
  );

  const valueOf = (rule: Rule | null, field: string): string => {
    if (!rule) return '—';
    if (field.startsWith('params.'))
      return (
        paramLines(rule.params, lang).find(
          (p) => p.key === field.slice(7) || field.slice(7).startsWith(`${p.key}.`) || p.key.startsWith(field.slice(7)),
        )?.value ?? '—'
      );
    if (field.startsWith('citation.')) return rule.citation.text;
    if (field.startsWith('localBounds'))
      return (
        Object.entries(rule.localBounds)
          .map(([k, b]) => `${k}: ${b.min}–${b.max}`)
          .join(', ') || '—'
      );
    if (field === 'status') return t(rule.status === 'confirmed' ? 'policy.confirmed' : 'policy.unconfirmed');
    if (field.startsWith('text.')) return label(rule.text);
    if (field === 'tracks' || field.startsWith('tracks')) return rule.tracks.map((tr) => label(TRACK_LABELS[tr])).join(', ');
    return '';
  };
  const fieldsShown = (c: RuleChange) => [
    ...new Set(c.fields.map((f) => (f.startsWith('citation.') ? 'citation' : f.startsWith('text.') ? 'text' : f))),
  ];

  const columns: TableColumnsType<RuleChange> = [
    {
      title: t('policy.rule'),
      width: 320,
      render: (_, c) => {
        const rule = c.after ?? c.before!;
        return (
          <>
            <a onClick={() => onOpenRule(c.ruleId)}>{label(rule.title)}</a>
            <div>
              <Typography.Text type="secondary" code>
                {c.ruleId}
              </Typography.Text>
            </div>
          </>
        );
      },
    },
    { title: '', width: 150, render: (_, c) => <Tag color={COLORS[c.change]}>{t(`policy.change.${c.change}`)}</Tag> },
    {
      title: t('policy.diff.fields'),
      render: (_, c) => {
        if (c.change === 'added') return c.after!.citation.text;
        if (c.change === 'removed') return c.before!.citation.text;
        const seen = new Set<string>();
        return fieldsShown(c).flatMap((f) => {
          const key = f === 'citation' ? 'citation.document' : f === 'text' ? 'text.vi' : f;
          const before = valueOf(c.before, key);
          const after = valueOf(c.after, key);
          // Several leaves of one threshold (comparison, numerator…) read as one line.
          const shown = f.startsWith('params.') ? `${before}→${after}` : f;
          if (seen.has(shown)) return [];
          seen.add(shown);
          return [
            <div key={f}>
              <Typography.Text code>{f.replace(/^params\./, '')}</Typography.Text> {before} →{' '}
              <Typography.Text strong>{after}</Typography.Text>
            </div>,
          ];
        });
      },
    },
  ];

  const packOptions = (packs.data?.items ?? [])
    .filter((p) => p.scope === 'national')
    .map((p) => ({ value: p.id, label: label(p.title) }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Radio.Group
        value={mode}
        onChange={(e) => setMode(e.target.value as 'dates' | 'packs')}
        optionType="button"
        options={[
          { value: 'dates', label: t('policy.diff.byDates') },
          { value: 'packs', label: t('policy.diff.byPacks') },
        ]}
      />
      <Flex gap={16} wrap>
        {mode === 'dates' ? (
          <>
            <Form.Item label={t('policy.diff.from')} style={{ margin: 0 }}>
              <DatePicker value={fromDate} onChange={(d) => d && setFromDate(d)} format="DD/MM/YYYY" allowClear={false} />
            </Form.Item>
            <Form.Item label={t('policy.diff.to')} style={{ margin: 0 }}>
              <DatePicker value={toDate} onChange={(d) => d && setToDate(d)} format="DD/MM/YYYY" allowClear={false} />
            </Form.Item>
            <Form.Item label={t('policy.track')} style={{ margin: 0 }}>
              <Select<Track>
                value={track}
                onChange={setTrack}
                style={{ width: 160 }}
                options={TRACKS.map((tr) => ({ value: tr, label: label(TRACK_LABELS[tr]) }))}
              />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item label={t('policy.diff.from')} style={{ margin: 0 }}>
              <Select
                value={fromPack}
                onChange={setFromPack}
                style={{ width: 360 }}
                options={packOptions}
                data-testid="diff-from-pack"
              />
            </Form.Item>
            <Form.Item label={t('policy.diff.to')} style={{ margin: 0 }}>
              <Select
                value={toPack}
                onChange={setToPack}
                style={{ width: 360 }}
                options={packOptions}
                data-testid="diff-to-pack"
              />
            </Form.Item>
          </>
        )}
        <Checkbox checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)}>
          {t('policy.diff.onlyChanges')}
        </Checkbox>
      </Flex>
      {diff.data ? (
        <Typography.Text data-testid="diff-summary">
          {t('policy.diff.summary', {
            added: counts.added ?? 0,
            removed: counts.removed ?? 0,
            changed: counts.changed ?? 0,
            unchanged: counts.unchanged ?? 0,
          })}
        </Typography.Text>
      ) : null}
      {diff.error ? <ApiErrorAlert error={diff.error} onRetry={diff.reload} /> : null}
      <Table<RuleChange>
        rowKey="ruleId"
        size="small"
        columns={columns}
        dataSource={items}
        loading={diff.loading}
        pagination={false}
        data-testid="diff-table"
      />
    </Space>
  );
}
