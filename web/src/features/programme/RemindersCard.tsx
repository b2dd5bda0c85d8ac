import { BellOutlined } from '@ant-design/icons';
import { Card, List, Tag, Typography } from 'antd';
import { MILESTONE_STAGE_LABELS, PROGRAMME_LIMITS, type Reminders } from '@contracts/programme';
import { formatDate, useI18n } from '../../ui/i18n';
import { Link } from '../../ui/router';
import { useApiQuery } from '../../ui/useApiQuery';

/** Home-page card: programme items the user is responsible for that are overdue or due within N days. */
export function RemindersCard() {
  const { t, label } = useI18n();
  const reminders = useApiQuery<Reminders>('/api/programme/reminders', { days: PROGRAMME_LIMITS.reminderDaysDefault });
  const items = reminders.data?.items ?? [];
  return (
    <Card
      title={
        <span>
          <BellOutlined /> {t('prog.remindersTitle', { n: PROGRAMME_LIMITS.reminderDaysDefault })}
        </span>
      }
      extra={<Link to="/programme">{t('prog.open')}</Link>}
      loading={reminders.loading && !reminders.data}
      data-testid="reminders-card"
    >
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('prog.noReminders') }}
        renderItem={(r) => (
          <List.Item data-testid="reminder">
            <List.Item.Meta
              title={
                <span>
                  <Typography.Text strong>{r.code}</Typography.Text> {r.title}
                </span>
              }
              description={
                <>
                  {r.daysLeft < 0 ? (
                    <Tag color="error">{t('prog.overdueBy', { n: -r.daysLeft })}</Tag>
                  ) : (
                    <Tag color={r.daysLeft <= 3 ? 'warning' : 'processing'}>
                      {r.daysLeft === 0 ? t('prog.dueToday') : t('prog.dueIn', { n: r.daysLeft })}
                    </Tag>
                  )}
                  {t('prog.dueOn')}: {formatDate(r.dueOn)}
                  {r.milestone ? ` · ${t('prog.nextMilestone')}: ${label(MILESTONE_STAGE_LABELS[r.milestone])}` : ''}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
