import { useMemo, useState } from 'react';
import { SearchOutlined } from '@ant-design/icons';
import { DatePicker, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { TRACKS, TRACK_LABELS, type Rule, type Track } from '@contracts/policy';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { fold, paramLines, periodText, searchText } from './format';
import { StatusTag } from './RuleDrawer';

/** The rules in force on a date for a track (with a unit's approved local pack), searchable. */
export function RulesTab({ onOpenRule }: { onOpenRule: (id: string) => void }) {
  const { t, label, lang } = useI18n();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [track, setTrack] = useState<Track>('party');
  const [organizationId, setOrganizationId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const rules = useApiQuery<{ items: Rule[] }>('/api/policy/rules', { date: date.format('YYYY-MM-DD'), track, organizationId });
  const shown = useMemo(() => {
    const q = fold(search.trim());
    return (rules.data?.items ?? []).filter((r) => !q || searchText(r).includes(q));
  }, [rules.data, search]);

  const columns: TableColumnsType<Rule> = [
    {
      title: t('policy.rule'),
      render: (_, r) => (
        <>
          <a onClick={() => onOpenRule(r.id)}>{label(r.title)}</a>
          <div>
            <Typography.Text type="secondary" code>
              {r.id}
            </Typography.Text>
            {r.localPackId ? <Tag color="blue">{t('policy.localChanged', { pack: r.localPackId })}</Tag> : null}
          </div>
        </>
      ),
    },
    {
      title: t('policy.params'),
      width: 300,
      render: (_, r) =>
        paramLines(r.params, lang)
          .slice(0, 4)
          .map((p) => (
            <div key={p.key} style={{ fontSize: 12 }}>
              {p.key ? `${p.key}: ` : ''}
              {p.value.length > 90 ? `${p.value.slice(0, 90)}…` : p.value}
            </div>
          )),
    },
    { title: t('policy.citation'), width: 230, render: (_, r) => r.citation.text },
    { title: t('policy.period'), width: 190, render: (_, r) => periodText(r.effectiveFrom, r.effectiveTo) },
    { title: t('policy.status'), width: 120, render: (_, r) => <StatusTag status={r.status} reason={r.reason} /> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex gap={16} wrap>
        <Form.Item label={t('policy.date')} style={{ margin: 0 }}>
          <DatePicker
            value={date}
            onChange={(d) => d && setDate(d)}
            format="DD/MM/YYYY"
            allowClear={false}
            data-testid="rules-date"
          />
        </Form.Item>
        <Form.Item label={t('policy.track')} style={{ margin: 0 }}>
          <Select<Track>
            value={track}
            onChange={setTrack}
            style={{ width: 160 }}
            options={TRACKS.map((tr) => ({ value: tr, label: label(TRACK_LABELS[tr]) }))}
          />
        </Form.Item>
        <Form.Item label={t('policy.organization')} style={{ margin: 0, minWidth: 360 }}>
          <OrganizationSelect value={organizationId} onChange={setOrganizationId} placeholder={t('policy.organizationAny')} />
        </Form.Item>
      </Flex>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('policy.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 520 }}
      />
      {rules.error ? <ApiErrorAlert error={rules.error} onRetry={rules.reload} /> : null}
      <Table<Rule>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={rules.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('policy.ruleTotal', { n }) }}
      />
    </Space>
  );
}
