import { Select } from 'antd';
import type { z } from 'zod';
import type { titleListSchema } from '@contracts/titles';
import { useApiQuery } from '../../ui/useApiQuery';

type Titles = z.infer<typeof titleListSchema>;

/** A title of the catalog in force on `asOf`, chosen by name; the value is the catalog code. */
export function TitleSelect({
  asOf,
  value,
  onChange,
  id,
}: {
  asOf: string;
  value?: string;
  onChange?: (code: string) => void;
  id?: string;
}) {
  const titles = useApiQuery<Titles>('/api/titles', { asOf });
  const seen = new Set<string>();
  const options = (titles.data?.items ?? [])
    .filter((t) => (seen.has(t.code) ? false : (seen.add(t.code), true)))
    .map((t) => ({ value: t.code, label: `${t.name} (nhóm ${t.group}, bậc ${t.rank})` }));
  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: 'label' }}
      loading={titles.loading}
      options={options}
      value={value}
      onChange={onChange}
      style={{ minWidth: 320 }}
      data-testid="title-select"
    />
  );
}
