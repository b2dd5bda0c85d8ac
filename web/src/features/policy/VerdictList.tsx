import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { ReactElement } from 'react';
import { List, Space, Tag, Tooltip, Typography } from 'antd';
import type { Track, Verdict, VerdictStatus } from '@contracts/policy';
import { useI18n } from '../../ui/i18n';
import { useRulesInForce } from './rule-titles';

const ICONS: Record<VerdictStatus, ReactElement> = {
  passed: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  warning: <ExclamationCircleFilled style={{ color: '#d48806' }} />,
  failed: <CloseCircleFilled style={{ color: '#cf1322' }} />,
};
const ORDER: Record<VerdictStatus, number> = { failed: 0, warning: 1, passed: 2 };

/** Verdicts, failures first; each names its rule by title (opening its text, the id on hover) and its source. */
export function VerdictList({
  verdicts,
  onOpenRule,
  date,
  track,
}: {
  verdicts: Verdict[];
  onOpenRule: (ruleId: string) => void;
  /** The date and track the verdicts were given for: the rules' titles are read from the rules in force then. */
  date: string;
  track: Track;
}) {
  const { t, label } = useI18n();
  const ruleOf = useRulesInForce(date, track);
  const sorted = [...verdicts].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return (
    <List
      data-testid="verdicts"
      dataSource={sorted}
      renderItem={(v) => {
        const rule = ruleOf(v.ruleId);
        return (
          <List.Item data-status={v.status} data-rule={v.ruleId}>
            <List.Item.Meta
              avatar={ICONS[v.status]}
              title={
                <Space wrap>
                  <Tag color={v.status === 'passed' ? 'green' : v.status === 'warning' ? 'gold' : 'red'}>
                    {t(`verdict.${v.status}`)}
                  </Tag>
                  <Typography.Text>{label(v.detail)}</Typography.Text>
                </Space>
              }
              description={
                <Space wrap size="small">
                  <Tooltip title={v.ruleId}>
                    <a onClick={() => onOpenRule(v.ruleId)} data-testid="verdict-rule">
                      {rule ? label(rule.title) : v.ruleId}
                    </a>
                  </Tooltip>
                  <span>· {v.citation.text}</span>
                  {v.ruleUnconfirmed ? <Tag color="orange">{t('policy.unconfirmed')}</Tag> : null}
                  {v.localPackId ? <Tag color="blue">{t('policy.localChanged', { pack: v.localPackId })}</Tag> : null}
                </Space>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
