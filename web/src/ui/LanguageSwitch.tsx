import { Segmented } from 'antd';
import { useI18n, type Lang } from './i18n';

const OPTIONS: { value: Lang; label: string }[] = [
  { value: 'vi', label: 'VI' },
  { value: 'en', label: 'EN' },
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      options={OPTIONS}
      value={lang}
      onChange={setLang}
      aria-label={t('common.language')}
      data-testid="language-switch"
    />
  );
}
