import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { BoundedCount, EligibilitySearchBody, EligibilitySearchResult, EligibleItem } from '@contracts/eligibility';
import { PURPOSE_LABELS, SEARCH_PURPOSES, TRACKS, TRACK_LABELS } from '@contracts/policy';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { partialDate } from './format-person';
import { M } from './messages';
import { useRulesInForce } from './rule-titles';
import { TitleSelect } from './TitleSelect';

/** A bounded total the Vietnamese way: "1.234", "hơn 10.000", "ít nhất 87", "chưa xác định". */
function countText(c: BoundedCount, lang: string): string {
  const n = c.value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
  if (c.relation === 'exact') return n;
  // The search stopped at its limit before finding anyone: nothing is known beyond that.
  if (c.relation === 'at-least' && c.value === 0) return lang === 'vi' ? M.notCounted.vi : M.notCounted.en;
  const word = c.relation === 'more-than' ? M.moreThan : M.atLeast;
  return `${lang === 'vi' ? word.vi : word.en} ${n}`;
}

interface Values {
  titleCode: string;
  date: Dayjs;
  purpose: (typeof SEARCH_PURPOSES)[number];
  track: (typeof TRACKS)[number];
  organizationId?: string;
  women: boolean;
  minority: boolean;
  partyMember: boolean;
  q?: string;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** Batch eligibility: eligible people for a title on a date in the user's scope, and those one requirement short. */
export function SearchTab({ onOpenRule }: { onOpenRule: (id: string) => void }) {
  const { label, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const date = Form.useWatch('date', form) ?? dayjs();
  const [result, setResult] = useState<EligibilitySearchResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const ruleOf = useRulesInForce(result?.date ?? date.format('YYYY-MM-DD'), result?.track ?? 'party');
  const ruleTitle = (id: string) => {
    const rule = ruleOf(id);
    return rule ? label(rule.title) : id;
  };

  const run = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body: EligibilitySearchBody = {
        titleCode: v.titleCode,
        date: v.date.format('YYYY-MM-DD'),
        purpose: v.purpose,
        track: v.track,
        ...(v.organizationId ? { organizationId: v.organizationId } : {}),
        filters: {
          ...(v.women ? { sex: 'F' as const } : {}),
          ...(v.minority ? { ethnicMinority: true } : {}),
          ...(v.partyMember ? { partyMember: true } : {}),
          ...(v.q?.trim() ? { q: v.q.trim() } : {}),
        },
      };
      setResult(await api.post<EligibilitySearchResult>('/api/eligibility/search', body));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  const columns = (short: boolean): TableColumnsType<EligibleItem> => [
    {
      title: label(M.fullName),
      dataIndex: 'fullName',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { title: label(M.birth), dataIndex: 'birthDate', width: 110, render: partialDate },
    { title: label(M.currentTitle), dataIndex: 'currentTitle', render: (t: string | null) => t ?? '—' },
    { title: label(M.unitCol), dataIndex: 'organizationName' },
    { title: label(M.retires), dataIndex: 'retirementDate', width: 110, render: dmy },
    { title: label(M.monthsLeft), dataIndex: 'monthsLeft', width: 110, align: 'right' },
    short
      ? {
          title: label(M.missing),
          key: 'missing',
          render: (_: unknown, item) =>
            item.missing.map((v) => (
              <div key={v.ruleId} data-testid="missing">
                <Typography.Text type="danger">{label(v.detail)}</Typography.Text>{' '}
                <Tooltip title={v.ruleId}>
                  <a onClick={() => onOpenRule(v.ruleId)}>
                    {ruleTitle(v.ruleId)} · {v.citation.text}
                  </a>
                </Tooltip>
              </div>
            )),
        }
      : {
          title: label(M.warnings),
          key: 'warnings',
          render: (_: unknown, item) =>
            item.warnings.length ? (
              <Space orientation="vertical" size={4}>
                {item.warnings.map((v) => (
                  <Tooltip key={v.ruleId} title={`${label(v.detail)} (${v.ruleId})`}>
                    <Tag
                      color="gold"
                      data-testid="warning"
                      onClick={() => onOpenRule(v.ruleId)}
                      style={{ cursor: 'pointer', whiteSpace: 'normal' }}
                    >
                      {ruleTitle(v.ruleId)} · {v.citation.text}
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            ) : (
              '—'
            ),
        },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{label(M.searchIntro)}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ date: dayjs(), purpose: 'planning', track: 'party', women: false, minority: false, partyMember: false }}
        onFinish={(v) => void run(v)}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="titleCode" label={label(M.title)} rules={[{ required: true, message: label(M.title) }]}>
          <TitleSelect asOf={date.format('YYYY-MM-DD')} />
        </Form.Item>
        <Form.Item name="date" label={label(M.date)} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} />
        </Form.Item>
        <Form.Item name="purpose" label={label(M.purpose)}>
          <Select style={{ width: 220 }} options={SEARCH_PURPOSES.map((p) => ({ value: p, label: label(PURPOSE_LABELS[p]) }))} />
        </Form.Item>
        <Form.Item name="track" label={label(M.track)}>
          <Select style={{ width: 150 }} options={TRACKS.map((tr) => ({ value: tr, label: label(TRACK_LABELS[tr]) }))} />
        </Form.Item>
        <Form.Item name="organizationId" label={label(M.unit)}>
          <OrganizationSelect allowClear placeholder={label(M.unitAll)} />
        </Form.Item>
        <Form.Item name="q" label={label(M.name)}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="women" valuePropName="checked">
          <Checkbox>{label(M.women)}</Checkbox>
        </Form.Item>
        <Form.Item name="minority" valuePropName="checked">
          <Checkbox>{label(M.minority)}</Checkbox>
        </Form.Item>
        <Form.Item name="partyMember" valuePropName="checked">
          <Checkbox>{label(M.partyMember)}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="eligibility-search">
            {label(M.search)}
          </Button>
        </Form.Item>
      </Form>
      {error ? <ApiErrorAlert error={error} /> : null}
      {result ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="eligibility-result">
          <Typography.Text>
            {label(M.standards)} «{result.title.name}» ({dmy(result.date)}):{' '}
            {result.standards.length
              ? [...new Map(result.standards.map((s) => [s.entryId, s])).values()].map((s) => (
                  <Tag key={s.entryId} color={s.confirmed ? 'blue' : 'orange'} title={s.citation.text}>
                    {label(s.text)} — {label(s.confirmed ? M.confirmed : M.unconfirmed)}
                  </Tag>
                ))
              : '—'}
          </Typography.Text>
          <Typography.Text type="secondary">
            {label(M.pushed)}:{' '}
            {result.pushedDown.map((id) => (
              <Tooltip key={id} title={id}>
                <Tag onClick={() => onOpenRule(id)} style={{ cursor: 'pointer' }}>
                  {ruleTitle(id)}
                </Tag>
              </Tooltip>
            ))}
          </Typography.Text>
          {!result.complete ? <Alert type="info" showIcon title={label(M.incomplete)} /> : null}
          <Typography.Text data-testid="eligibility-totals">
            {label(M.passingTotal)}: <strong data-testid="total-passing">{countText(result.totals.passing, lang)}</strong>{' '}
            {label(M.persons)} <Typography.Text type="secondary">({label(M.passingHelp)})</Typography.Text>
          </Typography.Text>
          <Typography.Title level={5}>
            {label(M.eligible)}: <span data-testid="total-eligible">{countText(result.totals.eligible, lang)}</span>{' '}
            {label(M.persons)}
            {result.totals.eligible.relation !== 'exact' ? ` (${label(M.shown)} ${result.eligible.length})` : ''}
          </Typography.Title>
          <Table<EligibleItem>
            data-testid="eligible-table"
            rowKey="personId"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={columns(false)}
            dataSource={result.eligible}
            locale={{ emptyText: label(M.none) }}
          />
          <Typography.Title level={5}>
            {label(M.oneShort)}:{' '}
            <span data-testid="total-one-short">
              {result.totals.oneShort ? countText(result.totals.oneShort, lang) : result.oneShort.length}
            </span>{' '}
            {label(M.persons)}
            {result.totals.oneShort && result.totals.oneShort.relation !== 'exact'
              ? ` (${label(M.shown)} ${result.oneShort.length})`
              : ''}
          </Typography.Title>
          <Table<EligibleItem>
            data-testid="one-short-table"
            rowKey="personId"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={columns(true)}
            dataSource={result.oneShort}
            locale={{ emptyText: label(M.none) }}
          />
        </Space>
      ) : null}
    </Space>
  );
}
