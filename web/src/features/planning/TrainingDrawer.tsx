import { useState } from 'react';
import { DatePicker, Drawer, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CycleDetail, Plan } from '@contracts/planning';
import { useI18n } from '../../ui/i18n';
import { Link } from '../../ui/router';
import { NeedsTable } from '../training/NeedsPanel';
import { L } from './texts';

/**
 * The training needs of one plan's people against the standards of the title each is planned for (the training
 * module's own table: gaps, courses already taken, how many still need each kind, .xlsx), due by the age reference date.
 */
export function TrainingDrawer({ cycle, plan, onClose }: { cycle: CycleDetail; plan: Plan; onClose: () => void }) {
  const { label } = useI18n();
  const [dueBy, setDueBy] = useState(cycle.referenceDate);
  const title = plan.kind === 'seat' ? `${plan.titleName} — ${plan.organizationName}` : plan.organizationName;
  return (
    <Drawer open width={1100} onClose={onClose} title={`${label(L.trainingNeeds)}: ${title}`} data-testid="planning-training">
      <Typography.Paragraph type="secondary">{label(L.trainingHint)}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{label(L.trainingDueBy)}</Typography.Text>
        <DatePicker
          format="DD/MM/YYYY"
          allowClear={false}
          value={dayjs(dueBy)}
          onChange={(d) => d && setDueBy(d.format('YYYY-MM-DD'))}
        />
        <Link to="/training">{label(L.trainingEnrol)}</Link>
      </Space>
      <NeedsTable planId={plan.id} dueBy={dueBy} />
    </Drawer>
  );
}
