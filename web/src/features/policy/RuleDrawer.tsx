import { Descriptions, Drawer, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import type { z } from 'zod';
import type { citationResolutionSchema } from '@contracts/documents';
import { TRACK_LABELS, type Rule, type RuleUsage } from '@contracts/policy';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { paramLines, periodText } from './format';
import { M } from './messages';

/** Every version of one rule, newest first: text, source, period, status, numbers. */
export function RuleDrawer({ ruleId, onClose }: { ruleId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer open={ruleId !== null} onClose={onClose} size="large" title={ruleId ?? ''} destroyOnHidden>
      {ruleId ? <Versions ruleId={ruleId} /> : null}
      <Typography.Paragraph type="secondary">{t('policy.unconfirmedHelp')}</Typography.Paragraph>
    </Drawer>
  );
}

function Versions({ ruleId }: { ruleId: string }) {
  const { t } = useI18n();
  const versions = useApiQuery<{ items: Rule[] }>(`/api/policy/rules/${encodeURIComponent(ruleId)}/versions`);
  if (versions.error) return <ApiErrorAlert error={versions.error} onRetry={versions.reload} />;
  if (!versions.data) return <Spin />;
  const items = [...versions.data.items].reverse();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="rule-versions">
      <UsedBy ruleId={ruleId} />
      <Typography.Text strong>{t('policy.versions')}</Typography.Text>
      {items.map((rule) => (
        <RuleCard key={`${rule.packId}-${rule.effectiveFrom}-${rule.tracks.join()}`} rule={rule} />
      ))}
    </Space>
  );
}

export function RuleCard({ rule }: { rule: Rule }) {
  const { t, label, lang } = useI18n();
  const bounds = Object.entries(rule.localBounds);
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {label(rule.title)}
      </Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('policy.citation')}>{rule.citation.text}</Descriptions.Item>
        <Descriptions.Item label={label(M.register)}>
          <RegisterLink document={rule.citation.document} />
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.period')}>{periodText(rule.effectiveFrom, rule.effectiveTo)}</Descriptions.Item>
        <Descriptions.Item label={t('policy.track')}>
          {rule.tracks.map((tr) => label(TRACK_LABELS[tr])).join(', ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.status')}>
          <StatusTag status={rule.status} />
        </Descriptions.Item>
        {rule.reason ? (
          <Descriptions.Item label={label(M.unconfirmedReason)}>
            <span data-testid="rule-reason">{label(rule.reason)}</span>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('policy.text')}>{label(rule.text)}</Descriptions.Item>
        {paramLines(rule.params, lang).length ? (
          <Descriptions.Item label={t('policy.params')}>
            {paramLines(rule.params, lang).map((p) => (
              <div key={p.key}>
                <Typography.Text code>{p.key}</Typography.Text> {p.value}
              </div>
            ))}
          </Descriptions.Item>
        ) : null}
        {rule.note ? <Descriptions.Item label={t('policy.note')}>{label(rule.note)}</Descriptions.Item> : null}
        {bounds.length ? (
          <Descriptions.Item label={t('policy.scope.local')}>
            {t('policy.localBounds', { list: bounds.map(([k, b]) => `${k} ${b.min}–${b.max}`).join(', ') })}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </div>
  );
}

/** Confirmed or not; an unconfirmed rule shows why on hover (the number or document not verified). */
export function StatusTag({ status, reason }: { status: Rule['status']; reason?: Rule['reason'] }) {
  const { t, label } = useI18n();
  if (status === 'confirmed') return <Tag color="green">{t('policy.confirmed')}</Tag>;
  const tag = <Tag color="orange">{t('policy.unconfirmed')}</Tag>;
  return reason ? (
    <Tooltip title={`${label(M.unconfirmedReason)}: ${label(reason)}`}>
      <span data-testid="status-unconfirmed">{tag}</span>
    </Tooltip>
  ) : (
    tag
  );
}

/** The checks in the system that compute with this rule (feature and file). */
function UsedBy({ ruleId }: { ruleId: string }) {
  const { label } = useI18n();
  const usage = useApiQuery<{ items: RuleUsage[] }>(`/api/policy/rules/${encodeURIComponent(ruleId)}/usage`);
  if (usage.error) return <ApiErrorAlert error={usage.error} onRetry={usage.reload} />;
  if (!usage.data) return <Spin />;
  return (
    <div data-testid="rule-used-by">
      <Typography.Text strong>{label(M.usedBy)}</Typography.Text>
      {usage.data.items.length ? (
        <ul style={{ margin: '4px 0 0' }}>
          {usage.data.items.map((u) => (
            <li key={u.file}>
              {label(u.label)}{' '}
              <Typography.Text type="secondary" code>
                {u.file}
              </Typography.Text>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Paragraph type="secondary">{label(M.usedByNone)}</Typography.Paragraph>
      )}
    </div>
  );
}

/** The citation's entry in the document register (the documents module resolves it), or a note that it has none. */
function RegisterLink({ document }: { document: string }) {
  const { label } = useI18n();
  const resolved = useApiQuery<z.infer<typeof citationResolutionSchema>>('/api/documents/resolve', { citation: document });
  if (!resolved.data) return resolved.error ? <span>—</span> : <Spin size="small" />;
  const doc = resolved.data.document;
  return doc ? (
    <a href={`/documents?number=${encodeURIComponent(doc.number)}`} data-testid="register-link">
      {doc.number} — {doc.title}
    </a>
  ) : (
    <Typography.Text type="secondary">{label(M.notInRegister)}</Typography.Text>
  );
}
