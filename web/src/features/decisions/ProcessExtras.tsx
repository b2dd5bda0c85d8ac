import { AuditOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ProcessDetail } from '@contracts/decisions';
import { formatDate, useI18n } from '../../ui/i18n';
import { Link } from '../../ui/router';
import { M } from './messages';

const VERDICT_COLOR = { passed: 'green', warning: 'orange', failed: 'red' } as const;

/** The warnings taken when the process started, and the local rules it runs under. */
export function StartNotes({ p }: { p: ProcessDetail }) {
  const { label } = useI18n();
  const warnings = p.startVerdicts.filter((v) => v.status !== 'passed');
  return (
    <>
      {warnings.length ? (
        <Alert
          type="warning"
          showIcon
          title={label(M.startChecks)}
          description={
            <ul data-testid="start-warnings">
              {warnings.map((v, i) => (
                <li key={i}>
                  <Tag color={VERDICT_COLOR[v.status]}>{v.ruleId}</Tag>
                  {label(v.detail)} <Typography.Text type="secondary">({v.citation.text})</Typography.Text>
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {p.localPackIds.length ? (
        <Typography.Text type="secondary">
          {label(M.localPacks)}: {p.localPackIds.join(', ')}
        </Typography.Text>
      ) : null}
      {p.cancellation ? (
        <Alert
          type="error"
          showIcon
          title={`${label(M.cancelledOn)} ${formatDate(p.cancellation.cancelledOn)}`}
          description={p.cancellation.reason}
          data-testid="process-cancelled"
        />
      ) : null}
    </>
  );
}

/** Download of the decision (a draft until it is taken) and, for readers, the full trail. */
export function DocumentLinks({ p }: { p: ProcessDetail }) {
  const { label } = useI18n();
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={`/api/decisions/${p.id}/decision.docx`} data-testid="decision-docx">
        {label(p.decision ? M.decisionDocx : M.draft)}
      </Button>
      <Link to={`/decisions?trail=${p.id}`} data-testid="trail-link">
        <AuditOutlined /> {label(M.trail)}
      </Link>
    </Space>
  );
}

/** The competent authority cancels an open process with a reason (audited, flagged for the inspector). */
export function CancelCard({ onCancel }: { onCancel: (body: { cancelledOn: string; reason: string }) => Promise<void> }) {
  const { t, label } = useI18n();
  return (
    <Card title={label(M.cancelTitle)} size="small">
      <Typography.Paragraph type="secondary">{label(M.cancelIntro)}</Typography.Paragraph>
      <Form
        layout="inline"
        onFinish={(v: { cancelDate: Dayjs; cancelReason: string }) =>
          onCancel({ cancelledOn: v.cancelDate.format('YYYY-MM-DD'), reason: v.cancelReason })
        }
      >
        <Form.Item name="cancelDate" rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format="DD/MM/YYYY" placeholder={label(M.cancelOn)} data-testid="cancel-date" />
        </Form.Item>
        <Form.Item name="cancelReason" rules={[{ required: true, message: t('common.required') }]}>
          <Input style={{ width: 360 }} placeholder={label(M.cancelReason)} data-testid="cancel-reason" />
        </Form.Item>
        <Button danger htmlType="submit" data-testid="cancel-submit">
          {label(M.cancelSubmit)}
        </Button>
      </Form>
    </Card>
  );
}
