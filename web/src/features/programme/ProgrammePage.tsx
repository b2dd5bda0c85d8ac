import { useState } from 'react';
import { Flex, InputNumber, Tabs, Typography } from 'antd';
import { useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { ItemsPanel } from './ItemsPanel';
import { YearProgressPanel } from './YearProgressPanel';
import { YearSummaryPanel } from './YearSummaryPanel';

/** The work programme of a year and scope: its summary sentence, its progress and its items. */
export function ProgrammePage() {
  const { t } = useI18n();
  const initialYear = Number(new URLSearchParams(window.location.search).get('year')) || new Date().getFullYear();
  const [year, setYear] = useState(initialYear);
  const [organizationId, setOrganizationId] = useState<string>();
  // Bumped after a change in one tab so the others refetch.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);

  return (
    <>
      <PageHeader title={t('prog.title')} intro={t('prog.intro')} />
      <Flex gap={16} wrap align="center" style={{ marginBottom: 8 }}>
        <Flex gap={8} align="center">
          <Typography.Text strong>{t('prog.year')}</Typography.Text>
          <InputNumber<number>
            min={1945}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            style={{ width: 110 }}
            data-testid="programme-year"
          />
        </Flex>
        <Flex gap={8} align="center" style={{ minWidth: 380, flex: 1, maxWidth: 560 }}>
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
            {t('prog.scope')}
          </Typography.Text>
          <div style={{ flex: 1 }} data-testid="programme-scope">
            <OrganizationSelect value={organizationId} onChange={setOrganizationId} placeholder={t('prog.scopeAll')} allowClear />
          </div>
        </Flex>
      </Flex>
      <Tabs
        defaultActiveKey="summary"
        destroyOnHidden
        items={[
          {
            key: 'summary',
            label: t('prog.tabSummary'),
            children: <YearSummaryPanel year={year} organizationId={organizationId} version={version} />,
          },
          {
            key: 'progress',
            label: t('prog.tabProgress'),
            children: <YearProgressPanel year={year} organizationId={organizationId} version={version} />,
          },
          {
            key: 'items',
            label: t('prog.tabItems'),
            children: <ItemsPanel year={year} organizationId={organizationId} version={version} onChanged={changed} />,
          },
        ]}
      />
    </>
  );
}
