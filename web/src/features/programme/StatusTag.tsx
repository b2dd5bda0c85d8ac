import { Tag } from 'antd';
import { ITEM_STATUS_LABELS, type ProgrammeItem } from '@contracts/programme';
import { useI18n } from '../../ui/i18n';

const COLORS = {
  planned: 'default',
  in_progress: 'processing',
  submitted: 'purple',
  completed: 'success',
  cancelled: 'default',
} as const;

export function StatusTag({ item }: { item: Pick<ProgrammeItem, 'status' | 'overdue'> }) {
  const { t, label } = useI18n();
  return (
    <>
      <Tag color={COLORS[item.status]} data-testid="item-status">
        {label(ITEM_STATUS_LABELS[item.status])}
      </Tag>
      {item.overdue ? <Tag color="error">{t('prog.overdueTag')}</Tag> : null}
    </>
  );
}
