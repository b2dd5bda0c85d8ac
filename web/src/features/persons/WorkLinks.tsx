import { useEffect, useState } from 'react';
import { Form, Select } from 'antd';
import type { z } from 'zod';
import type { organizationListSchema } from '@contracts/organizations';
import type { titleListSchema } from '@contracts/titles';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { WORK_LINK_TEXTS as W } from './formMessages';

type Organizations = z.infer<typeof organizationListSchema>;
type Titles = z.infer<typeof titleListSchema>;
export interface TitleOption {
  value: string;
  label: string;
  name: string;
}

/** The titles of the catalog in force today, one option per code (fetched once for the whole table). */
export function useTitleOptions(): TitleOption[] {
  const titles = useApiQuery<Titles>('/api/titles', { asOf: new Date().toISOString().slice(0, 10) });
  const seen = new Set<string>();
  return (titles.data?.items ?? [])
    .filter((t) => (seen.has(t.code) ? false : (seen.add(t.code), true)))
    .map((t) => ({ value: t.code, label: `${t.name} (${t.code})`, name: t.name }));
}

interface LinkProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** the row of the work-history table this cell belongs to */
  row: number;
}

/** Links a work-history row to a title of the catalog; choosing one writes its name into the row's title. */
export function WorkTitleLink({ id, value, onChange, row, options }: LinkProps & { options: TitleOption[] }) {
  const { label } = useI18n();
  const form = Form.useFormInstance();
  const known = options.some((o) => o.value === value);
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      options={known || !value ? options : [{ value, label: value, name: value }, ...options]}
      placeholder={label(W.titlePlaceholder)}
      data-testid={`work-title-link-${row}`}
      onChange={(code: string | undefined, option) => {
        onChange?.(code ?? null);
        const picked = Array.isArray(option) ? undefined : (option as TitleOption | undefined);
        if (picked) form.setFieldValue(['workHistory', row, 'titleName'], picked.name);
      }}
    />
  );
}

/**
 * Links a work-history row to an organization of the tree (searched without diacritics on the server);
 * choosing one writes its name into the row. Units no longer in the tree keep only the typed name.
 */
export function WorkOrgLink({ id, value, onChange, row }: LinkProps) {
  const { label } = useI18n();
  const form = Form.useFormInstance();
  const rowName = Form.useWatch(['workHistory', row, 'organizationName'], form) as string | undefined;
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);
  const list = useApiQuery<Organizations>('/api/organizations', { q: query || undefined, limit: 30 });
  const options = (list.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name} (${o.code})`, name: o.name }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: rowName || value, name: rowName || value });
  return (
    <Select
      id={id}
      allowClear
      value={value ?? undefined}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.loading}
      options={options}
      placeholder={label(W.orgPlaceholder)}
      data-testid={`work-org-link-${row}`}
      onChange={(orgId: string | undefined, option) => {
        onChange?.(orgId ?? null);
        const picked = Array.isArray(option) ? undefined : (option as { name: string } | undefined);
        if (picked) form.setFieldValue(['workHistory', row, 'organizationName'], picked.name);
      }}
    />
  );
}
