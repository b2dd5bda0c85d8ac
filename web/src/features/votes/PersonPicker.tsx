import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { PersonSummary } from '@contracts/persons';
import { api } from '../../ui/api';
import { useI18n } from '../../ui/i18n';
import { M } from './messages';

/** Searches cadre records in the user's scope (the server scopes the list); the value is a person id. */
export function PersonPicker({
  value,
  onChange,
  onPicked,
  testId,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  onPicked?: (p: PersonSummary | undefined) => void;
  testId?: string;
}) {
  const { label } = useI18n();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<PersonSummary[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (q.trim().length < 2) return;
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      api
        .get<{ items: PersonSummary[] }>('/api/persons', { q: q.trim(), limit: 20 })
        .then((r) => live && setOptions(r.items))
        .catch(() => live && setOptions([]))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      loading={loading}
      placeholder={label(M.personSearch)}
      style={{ width: 330 }}
      data-testid={testId}
      onChange={(id?: string) => {
        onChange?.(id);
        onPicked?.(options.find((o) => o.id === id));
      }}
      options={options.map((p) => ({
        value: p.id,
        label: `${p.fullName} — ${p.currentTitle ?? '…'} (${p.organizationName})`,
      }))}
    />
  );
}
