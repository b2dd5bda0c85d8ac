import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { Organization } from '@contracts/organizations';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
}

/** Several organizations in the user's scope (coordinating units), searched on the server without diacritics. */
export function OrganizationMultiSelect({ id, value, onChange }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);
  const list = useApiQuery<{ items: Organization[] }>('/api/organizations', { q: query || undefined, limit: 50 });
  const options = new Map((list.data?.items ?? []).map((o) => [o.id, `${o.name} (${o.code})`]));
  for (const v of value ?? []) if (!options.has(v) && known.has(v)) options.set(v, known.get(v)!);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={(next: string[]) => {
        setKnown(new Map([...known, ...[...options].filter(([k]) => next.includes(k))]));
        onChange?.(next);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.loading}
      options={[...options].map(([v, l]) => ({ value: v, label: l }))}
      placeholder={t('org.parentSearch')}
      style={{ width: '100%' }}
    />
  );
}
