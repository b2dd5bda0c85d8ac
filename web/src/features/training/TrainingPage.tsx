import { useState } from 'react';
import { InputNumber, Space, Tabs, Typography } from 'antd';
import { useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { hasAnyRole, useSession } from '../../ui/session';
import { CoursesPanel } from './CoursesPanel';
import { M } from './messages';
import { NeedsPanel } from './NeedsPanel';
import { YearPlanPanel } from './YearPlanPanel';

/** Courses and enrolments, training needs of the people in a planning plan, and a unit's yearly plan. */
export function TrainingPage() {
  const { label } = useI18n();
  const { roles } = useSession();
  const canManage = hasAnyRole(roles, ['officer', 'admin']);
  const [year, setYear] = useState(new Date().getFullYear());
  return (
    <>
      <PageHeader
        title={label(M.title)}
        intro={label(M.intro)}
        extra={
          <Space>
            <Typography.Text>{label(M.year)}</Typography.Text>
            <InputNumber data-testid="training-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          </Space>
        }
      />
      <Tabs
        items={[
          { key: 'courses', label: label(M.courses), children: <CoursesPanel year={year} canManage={canManage} /> },
          { key: 'needs', label: label(M.needs), children: <NeedsPanel year={year} /> },
          { key: 'plan', label: label(M.plan), children: <YearPlanPanel year={year} /> },
        ]}
      />
    </>
  );
}
