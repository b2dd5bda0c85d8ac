import { InboxOutlined } from '@ant-design/icons';
import { Badge, Card, List, Typography } from 'antd';
import type { WorkQueue, WorkQueueKey } from '@contracts/home';
import { useI18n } from '../../ui/i18n';
import { Link } from '../../ui/router';
import { useApiQuery } from '../../ui/useApiQuery';
import { WORK_QUEUE_LABELS, WORK_QUEUE_TITLE, WORK_QUEUE_EMPTY } from './messages';

/** Home-page card: what waits for the user in his scope, one line per kind of work, each leading to where it is done. */
export function WorkQueueCard() {
  const { label } = useI18n();
  const queue = useApiQuery<WorkQueue>('/api/home/work-queue');
  const items = queue.data?.items ?? [];
  return (
    <Card
      title={
        <span>
          <InboxOutlined /> {label(WORK_QUEUE_TITLE)}
        </span>
      }
      loading={queue.loading && !queue.data}
      data-testid="work-queue"
    >
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: label(WORK_QUEUE_EMPTY) }}
        renderItem={(item) => (
          <List.Item data-testid={`queue-${item.key}`} extra={<Count n={item.count} />}>
            <List.Item.Meta
              title={<Link to={item.href}>{label(WORK_QUEUE_LABELS[item.key as WorkQueueKey].title)}</Link>}
              description={
                <Typography.Text type="secondary">{label(WORK_QUEUE_LABELS[item.key as WorkQueueKey].hint)}</Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function Count({ n }: { n: number }) {
  return (
    <Badge
      count={n}
      showZero
      overflowCount={9999}
      color={n > 0 ? undefined : '#d9d9d9'}
      // The raw number, so tests and screen readers read the value itself.
      data-count={n}
    />
  );
}
