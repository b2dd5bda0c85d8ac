import { useState } from 'react';
import { Tabs } from 'antd';
import { useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { CheckTab } from './CheckTab';
import { DiffTab } from './DiffTab';
import { M } from './messages';
import { PacksTab } from './PacksTab';
import { PersonCheckTab } from './PersonCheckTab';
import { RuleDrawer } from './RuleDrawer';
import { RulesTab } from './RulesTab';
import { SearchTab } from './SearchTab';

/** The rule browser: packs, rules in force on a date, what changed, and a check against a title. */
export function PolicyPage() {
  const { t, label } = useI18n();
  const [rule, setRule] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('policy.title')} intro={t('policy.intro')} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'packs', label: t('policy.tab.packs'), children: <PacksTab onOpenRule={setRule} /> },
          { key: 'rules', label: t('policy.tab.rules'), children: <RulesTab onOpenRule={setRule} /> },
          { key: 'diff', label: t('policy.tab.diff'), children: <DiffTab onOpenRule={setRule} /> },
          { key: 'check', label: t('policy.tab.check'), children: <CheckTab onOpenRule={setRule} /> },
          { key: 'person', label: label(M.tabPerson), children: <PersonCheckTab onOpenRule={setRule} /> },
          { key: 'search', label: label(M.tabSearch), children: <SearchTab onOpenRule={setRule} /> },
        ]}
      />
      <RuleDrawer ruleId={rule} onClose={() => setRule(null)} />
    </>
  );
}
