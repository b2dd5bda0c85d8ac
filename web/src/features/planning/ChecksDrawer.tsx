import { Alert, Drawer, Table, Tag, Typography } from 'antd';
import type { Plan, PlanVerdict } from '@contracts/planning';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { L } from './texts';

const STATUS_COLOR: Record<PlanVerdict['status'], string> = { passed: 'green', warning: 'orange', failed: 'red' };

/**
 * Every check one person's place in a plan went through, the passed ones included, each with the rule and the
 * document it comes from. The cycle's page lists only what fails or warns; this asks the plan for the full list.
 */
export function ChecksDrawer(props: { planId: string; personId: string; fullName: string; onClose: () => void }) {
  const { label } = useI18n();
  const plan = useApiQuery<Plan>(`/api/planning/plans/${props.planId}`);
  const candidate = plan.data?.candidates.find((c) => c.personId === props.personId);
  return (
    <Drawer
      open
      width={900}
      onClose={props.onClose}
      title={`${label(L.allChecksTitle)}: ${props.fullName}`}
      data-testid="planning-checks"
    >
      <Typography.Paragraph type="secondary">{label(L.allChecksHint)}</Typography.Paragraph>
      {plan.error ? <ApiErrorAlert error={plan.error} /> : null}
      {plan.data && !candidate ? <Alert type="warning" showIcon message={label(L.allChecksGone)} /> : null}
      <Table<PlanVerdict>
        rowKey={(v) => `${v.ruleId}:${label(v.detail)}`}
        size="small"
        loading={plan.loading}
        pagination={false}
        dataSource={candidate?.verdicts ?? []}
        columns={[
          {
            title: label(L.allChecksResult),
            width: 110,
            render: (_, v) => (
              <Tag color={v.exceptionId ? 'gold' : STATUS_COLOR[v.status]} data-testid={`check-${v.status}`}>
                {v.exceptionId ? label(L.excepted) : label(L.statusLabels[v.status])}
              </Tag>
            ),
          },
          { title: label(L.allChecksDetail), render: (_, v) => label(v.detail) },
          {
            title: label(L.allChecksRule),
            width: 280,
            render: (_, v) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {v.citation.text}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
