import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ProcessDetail } from '@contracts/decisions';
import { formatDate, useI18n } from '../../ui/i18n';
import { G } from './messages';

const VERDICT_COLOR = { passed: 'green', warning: 'orange', failed: 'red' } as const;

type Values = { key: string; fromDate: Dayjs; toDate?: Dayjs; reference: string; note?: string };

/**
 * The grounds of a dismissal, resignation or relief, or the cases postponing a reappointment: what the rule lists,
 * what was recorded with its document, and the verdicts the checks gave (each naming its rule and citation).
 */
export function CircumstancesCard({
  p,
  canEdit,
  onRecord,
}: {
  p: ProcessDetail;
  canEdit: boolean;
  onRecord: (body: {
    key: string;
    fromDate: string;
    toDate: string | null;
    reference: string;
    note?: string;
  }) => Promise<boolean>;
}) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Values>();
  const key = Form.useWatch('key', form);
  if (p.circumstanceOptions.length === 0) return null;
  const postponement = p.circumstanceOptions[0]!.kind === 'postponement';
  const rules = new Set(p.circumstanceOptions.map((o) => o.ruleId));
  const verdicts = p.eligibility.filter((v) => rules.has(v.ruleId) && (!postponement || !('path' in v.inputs)));
  const chosen = p.circumstanceOptions.find((o) => o.key === key);
  return (
    <Card title={label(postponement ? G.postponeTitle : G.groundsTitle)} data-testid="circumstances">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {label(postponement ? G.postponeIntro : G.groundsIntro)}
        </Typography.Paragraph>
        <ul style={{ margin: 0 }}>
          {p.circumstanceOptions.map((o) => (
            <li key={o.key}>
              {label(o.label)}
              {o.evidence !== 'document' ? (
                <Typography.Text type="secondary"> — {label(G.evidence[o.evidence])}</Typography.Text>
              ) : o.minMonths && !postponement ? (
                <Typography.Text type="secondary"> — {label(G.minMonthsInPost(o.minMonths))}</Typography.Text>
              ) : null}
            </li>
          ))}
        </ul>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.circumstances}
          locale={{ emptyText: label(postponement ? G.noneRecordedPostpone : G.noneRecorded) }}
          columns={[
            { title: label(postponement ? G.caseCol : G.groundCol), render: (_, c) => label(c.label) },
            {
              title: label(postponement ? G.periodCol : G.documentDateCol),
              render: (_, c) =>
                postponement
                  ? `${formatDate(c.fromDate)} – ${c.toDate ? formatDate(c.toDate) : label(G.ongoing)}`
                  : formatDate(c.fromDate),
            },
            { title: label(G.referenceCol), dataIndex: 'reference' },
            { title: label(G.noteCol), render: (_, c) => c.note ?? '' },
          ]}
        />
        {verdicts.length ? (
          <div data-testid="circumstance-verdicts">
            {verdicts.map((v, i) => (
              <div key={i}>
                <Tag color={VERDICT_COLOR[v.status]}>{t(`decisions.verdict.${v.status}`)}</Tag>
                {label(v.detail)} <Typography.Text type="secondary">({v.citation.text})</Typography.Text>
              </div>
            ))}
          </div>
        ) : null}
        {canEdit ? (
          <Form
            form={form}
            layout="vertical"
            style={{ maxWidth: 640 }}
            onFinish={async (v) => {
              const saved = await onRecord({
                key: v.key,
                fromDate: v.fromDate.format('YYYY-MM-DD'),
                toDate: v.toDate ? v.toDate.format('YYYY-MM-DD') : null,
                reference: v.reference,
                ...(v.note ? { note: v.note } : {}),
              });
              if (saved) form.resetFields();
            }}
          >
            <Typography.Title level={5}>{label(postponement ? G.addCase : G.addGround)}</Typography.Title>
            <Form.Item
              name="key"
              id="circumstance-key"
              label={label(postponement ? G.caseCol : G.groundCol)}
              rules={[{ required: true, message: t('common.requiredSelect') }]}
            >
              <Select
                data-testid="circumstance-key"
                options={p.circumstanceOptions.map((o) => ({ value: o.key, label: label(o.label) }))}
              />
            </Form.Item>
            {chosen && chosen.evidence !== 'document' ? (
              <Alert type="info" showIcon title={label(G.evidenceHint[chosen.evidence])} style={{ marginBottom: 12 }} />
            ) : null}
            <Space wrap>
              <Form.Item
                name="fromDate"
                label={label(postponement ? G.fromDate : G.documentDate)}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker format="DD/MM/YYYY" data-testid="circumstance-from" />
              </Form.Item>
              {postponement ? (
                <Form.Item name="toDate" label={label(G.toDate)}>
                  <DatePicker format="DD/MM/YYYY" data-testid="circumstance-to" />
                </Form.Item>
              ) : null}
            </Space>
            <Form.Item name="reference" label={label(G.reference)} rules={[{ required: true, message: t('common.required') }]}>
              <Input data-testid="circumstance-reference" />
            </Form.Item>
            <Form.Item name="note" label={label(G.note)}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button htmlType="submit" data-testid="circumstance-submit">
              {label(G.save)}
            </Button>
          </Form>
        ) : null}
      </Space>
    </Card>
  );
}
