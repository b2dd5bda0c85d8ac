import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { z } from 'zod';
import type { organizationListSchema } from '@contracts/organizations';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';

type OrganizationList = z.infer<typeof organizationListSchema>;

interface Props {
  id?: string;
  value?: string;
  /** undefined when a clearable select is emptied */
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  /** Let the user empty the choice (a filter meaning "all"). */
  allowClear?: boolean;
  /** The name of an organization already chosen (an edited record's), shown until the user picks another. */
  initialLabel?: string;
}

/** Picks one organization in the user's scope; searches on the server, which ignores diacritics. */
export function OrganizationSelect({ id, value, onChange, placeholder, allowClear, initialLabel }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');

  // Wait for a pause in typing before asking the server.
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);

  const list = useApiQuery<OrganizationList>('/api/organizations', { q: query || undefined, limit: 50 });
  const options = (list.data?.items ?? []).map((org) => ({
    value: org.id,
    label: `${org.name} (${org.code})`,
  }));
  // Keep the chosen organization's name visible after a new search no longer lists it.
  const [chosen, setChosen] = useState<{ value: string; label: string } | undefined>(
    value && initialLabel ? { value, label: initialLabel } : undefined,
  );
  if (value && chosen?.value === value && !options.some((option) => option.value === value)) {
    options.unshift(chosen);
  }
  const handleChange = (next: string | undefined) => {
    setChosen(options.find((option) => option.value === next));
    onChange?.(next);
  };

  return (
    <Select
      id={id}
      value={value}
      onChange={handleChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.loading}
      options={options}
      placeholder={placeholder ?? t('org.parentSearch')}
      notFoundContent={list.loading ? undefined : t('org.empty')}
      allowClear={allowClear}
      style={{ width: '100%' }}
    />
  );
}
