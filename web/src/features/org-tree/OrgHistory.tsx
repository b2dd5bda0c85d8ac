import { Descriptions, Empty, Timeline, Typography } from 'antd';
import type { OrganizationHistory } from '@contracts/organizations';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';

/** A unit's names and parents over time, and the units it came from or went into. */
export function OrgHistory({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const history = useApiQuery<OrganizationHistory>(`/api/organizations/${organizationId}/history`);
  if (history.error) return <ApiErrorAlert error={history.error} onRetry={history.reload} />;
  if (!history.data) return null;
  const h = history.data;
  return (
    <>
      <Timeline
        items={h.versions.map((v) => ({
          content: (
            <>
              <Typography.Text strong>
                {formatDate(v.validFrom)} – {v.validTo ? formatDate(v.validTo) : t('tree.now')}
              </Typography.Text>
              <div>{v.name}</div>
              {v.parentName ? (
                <Typography.Text type="secondary">{t('tree.under', { name: v.parentName })}</Typography.Text>
              ) : null}
            </>
          ),
        }))}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('tree.predecessors')}>
          {h.predecessors.length ? (
            h.predecessors.map((p) => p.name).join('; ')
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('tree.successors')}>
          {h.successors.length ? h.successors.map((p) => p.name).join('; ') : t('common.none')}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
