import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Divider,
  Collapse,
  Flex,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { Organization, organizationTreeSchema } from '@contracts/organizations';
import type { positionListSchema } from '@contracts/positions';
import {
  STAFFING_CATEGORIES,
  STAFFING_CATEGORY_LABELS,
  type StaffingCategory,
  type StaffingTable,
  type jobPositionListSchema,
} from '@contracts/staffing';
import {
  RESTRUCTURING_KIND_LABELS,
  RESTRUCTURING_KINDS,
  type RestructuringKind,
  type RestructuringPlanInput,
  type RestructuringPreview,
} from '@contracts/restructuring';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { fill, m } from './messages';

type Tree = z.infer<typeof organizationTreeSchema>;
type Positions = z.infer<typeof positionListSchema>;
type Jobs = z.infer<typeof jobPositionListSchema>;
interface NewUnitDraft {
  key: string;
  code: string;
  name: string;
}
interface Mapping {
  children: { id: string; name: string; to: string }[];
  seats: { id: string; name: string; to: string; titleCode: string; titleName: string; seatCount: number }[];
  people: { id: string; name: string; seat: string; to: 'follow' | 'end' }[];
  jobs: { id: string; name: string; to: string; count: number; assigned: number }[];
  /** the sources' quotas of the effective year, per category (a merge adds them up by default) */
  quotas: Partial<Record<StaffingCategory, number>>;
}
const CLOSE = '__close__';

/** Four steps: what and when, which units, where their children, seats and people go, then the preview and apply. */
export function RestructuringWizard({ onClose, onApplied }: { onClose: () => void; onApplied: () => void }) {
  const { t, label, lang } = useI18n();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<RestructuringKind>('merge');
  const [date, setDate] = useState<Dayjs>(dayjs().add(1, 'month').startOf('month'));
  const [title, setTitle] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [sources, setSources] = useState<Organization[]>([]);
  const [picking, setPicking] = useState<string>();
  const [parentId, setParentId] = useState<string>();
  const [newUnits, setNewUnits] = useState<NewUnitDraft[]>([{ key: 'N1', code: '', name: '' }]);
  const [renameTo, setRenameTo] = useState('');
  const [receiving, setReceiving] = useState<string>();
  const [mapping, setMapping] = useState<Mapping>({ children: [], seats: [], people: [], jobs: [], quotas: {} });
  // Seat counts per receiving unit and title (`dest|titleCode`) and quotas per unit and category (`dest|category`).
  const [seatCounts, setSeatCounts] = useState<Record<string, number | null>>({});
  const [quotas, setQuotas] = useState<Record<string, number | null>>({});
  const [preview, setPreview] = useState<RestructuringPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const day = date.format('YYYY-MM-DD');
  const closes = kind === 'merge' || kind === 'split' || kind === 'dissolve';
  const destinations = [
    ...newUnits.map((u) => ({ value: `key:${u.key}`, label: u.name || u.key })),
    ...(kind === 'dissolve' && receiving ? [{ value: `id:${receiving}`, label: t('restr.receivingUnit') }] : []),
  ];
  const fail = (cause: unknown) => setError(cause instanceof ApiError ? cause : new ApiError(0, null));
  const ref = (to: string) => (to.startsWith('key:') ? { key: to.slice(4) } : { id: to.slice(3) });

  const addSource = async (id: string) => {
    setPicking(undefined);
    if (sources.some((s) => s.id === id)) return;
    const org = await api.get<Organization>(`/api/organizations/${id}`);
    setSources((prev) => [...prev, org]);
  };

  // Everything the closed units hold on the effective date, mapped by default to the first destination.
  const loadMapping = async () => {
    const first = destinations[0]?.value ?? CLOSE;
    const next: Mapping = { children: [], seats: [], people: [], jobs: [], quotas: {} };
    const year = Number(day.slice(0, 4));
    for (const s of sources) {
      const jobs = await api.get<Jobs>('/api/job-positions', { organizationId: s.id, asOf: day });
      next.jobs.push(
        ...jobs.items.map((j) => ({
          id: j.id,
          name: `${j.name} — ${s.name}`,
          to: kind === 'dissolve' ? CLOSE : first,
          count: j.count,
          assigned: j.assigned,
        })),
      );
      const staffing = await api.get<StaffingTable>('/api/staffing', { organizationId: s.id, year });
      for (const f of staffing.rows.find((r) => r.organizationId === s.id)?.own ?? [])
        if (f.quota > 0) next.quotas[f.category] = (next.quotas[f.category] ?? 0) + f.quota;
      const kids = await api.get<Tree>('/api/organizations/tree', { asOf: day, parentId: s.id });
      next.children.push(...kids.items.map((c) => ({ id: c.id, name: c.name, to: first })));
      const seats = await api.get<Positions>('/api/positions', { organizationId: s.id, asOf: day });
      for (const seat of seats.items) {
        next.seats.push({
          id: seat.id,
          name: `${seat.titleName} — ${s.name}`,
          to: kind === 'dissolve' ? CLOSE : first,
          titleCode: seat.titleId.split(':')[1] ?? seat.titleId,
          titleName: seat.titleName,
          seatCount: seat.seatCount,
        });
        next.people.push(
          ...seat.incumbents.map((p) => ({
            id: p.id,
            name: p.personName,
            seat: seat.id,
            to: (kind === 'dissolve' ? 'end' : 'follow') as 'follow' | 'end',
          })),
        );
      }
    }
    setMapping(next);
    setSeatCounts({});
    // A merge adds the sources' quotas into the new unit; the officer may change them.
    setQuotas(
      kind === 'merge' && first !== CLOSE
        ? Object.fromEntries(Object.entries(next.quotas).map(([c, q]) => [`${first}|${c}`, q]))
        : {},
    );
  };

  // The seats each receiving unit gets: one per title, with the default count (the largest mapped) and people moving.
  const seatGroups = () => {
    const groups = new Map<string, { dest: string; titleCode: string; titleName: string; count: number; people: number }>();
    for (const s of mapping.seats) {
      if (s.to === CLOSE) continue;
      const key = `${s.to}|${s.titleCode}`;
      const g = groups.get(key) ?? { dest: s.to, titleCode: s.titleCode, titleName: s.titleName, count: 0, people: 0 };
      g.count = Math.max(g.count, s.seatCount);
      g.people += mapping.people.filter((p) => p.seat === s.id && p.to === 'follow').length;
      groups.set(key, g);
    }
    return [...groups.entries()].map(([key, g]) => ({ key, ...g }));
  };
  const destName = (dest: string) => destinations.find((d) => d.value === dest)?.label ?? dest;

  const plan = (): RestructuringPlanInput => ({
    kind,
    effectiveDate: day,
    title,
    decisionRef: decisionRef || undefined,
    sources: sources.map((s) => s.id),
    newUnits:
      kind === 'merge' || kind === 'split'
        ? newUnits.map((u) => ({
            key: u.key,
            code: u.code,
            name: u.name,
            kind: sources[0]?.kind ?? 'state_agency',
            level: sources[0]?.level ?? 'provincial',
            parentId: parentId ?? '',
          }))
        : [],
    rename: kind === 'rename' ? { name: renameTo } : undefined,
    newParentId: kind === 'move' ? parentId : undefined,
    children: closes ? mapping.children.map((c) => ({ organizationId: c.id, to: ref(c.to) })) : [],
    seats: closes ? mapping.seats.map((s) => ({ positionId: s.id, to: s.to === CLOSE ? null : ref(s.to) })) : [],
    people: closes ? mapping.people.map((p) => ({ incumbentId: p.id, to: p.to })) : [],
    jobPositions: closes ? mapping.jobs.map((j) => ({ jobPositionId: j.id, to: j.to === CLOSE ? null : ref(j.to) })) : [],
    seatCounts: closes
      ? Object.entries(seatCounts)
          .filter((e): e is [string, number] => e[1] !== null)
          .map(([key, seatCount]) => {
            const [dest, titleCode] = key.split('|') as [string, string];
            return { unit: ref(dest), titleCode, seatCount };
          })
      : [],
    quotas: closes
      ? Object.entries(quotas)
          .filter((e): e is [string, number] => e[1] !== null)
          .map(([key, quota]) => {
            const [dest, category] = key.split('|') as [string, StaffingCategory];
            return { unit: ref(dest), category, quota };
          })
      : [],
  });

  const run = async (what: 'preview' | 'apply') => {
    setBusy(true);
    try {
      if (what === 'preview') {
        setPreview(await api.post<RestructuringPreview>('/api/restructuring-events/preview', plan()));
        setError(null);
        setStep(3);
      } else {
        await api.post('/api/restructuring-events', plan());
        message.success(t('restr.appliedMsg'));
        onApplied();
      }
    } catch (cause) {
      fail(cause);
    } finally {
      setBusy(false);
    }
  };

  const next = async () => {
    setError(null);
    if (step === 1 && closes) {
      try {
        await loadMapping();
      } catch (cause) {
        fail(cause);
        return;
      }
    }
    if (step === 2 || (step === 1 && !closes)) return run('preview');
    setStep(step + 1);
  };

  return (
    <Card
      style={{ marginBottom: 16 }}
      title={t('restr.new')}
      extra={<Button onClick={onClose}>{t('common.cancel')}</Button>}
      data-testid="restructuring-wizard"
    >
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { title: t('restr.step.what') },
          { title: t('restr.step.units') },
          { title: t('restr.step.mapping') },
          { title: t('restr.step.preview') },
        ]}
      />
      {step === 0 ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as RestructuringKind)}
            optionType="button"
            options={RESTRUCTURING_KINDS.map((k) => ({ value: k, label: label(RESTRUCTURING_KIND_LABELS[k]) }))}
          />
          <Space wrap>
            <span>{t('restr.date')}</span>
            <DatePicker value={date} format="DD/MM/YYYY" allowClear={false} onChange={(d) => d && setDate(d)} />
          </Space>
          <Input
            placeholder={t('restr.eventTitle')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="restructuring-title"
          />
          <Input placeholder={t('restr.decision')} value={decisionRef} onChange={(e) => setDecisionRef(e.target.value)} />
        </Space>
      ) : null}
      {step === 1 ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>
            {kind === 'rename' || kind === 'move' || kind === 'split' ? t('restr.theUnit') : t('restr.sources')}
          </Typography.Text>
          <List
            size="small"
            bordered
            dataSource={sources}
            locale={{ emptyText: t('restr.noSources') }}
            renderItem={(s) => (
              <List.Item
                actions={[
                  <Button key="x" size="small" onClick={() => setSources(sources.filter((x) => x.id !== s.id))}>
                    {t('restr.remove')}
                  </Button>,
                ]}
              >
                {s.name}
              </List.Item>
            )}
          />
          <div data-testid="restructuring-source">
            <OrganizationSelect
              key={sources.length}
              value={picking}
              onChange={(id) => {
                if (id) void addSource(id).catch(fail);
              }}
              placeholder={t('restr.addSource')}
            />
          </div>
          {kind === 'merge' || kind === 'split' ? (
            <>
              <Divider style={{ margin: '8px 0' }} />
              <Typography.Text strong>{t('restr.newUnits')}</Typography.Text>
              {newUnits.map((u, i) => (
                <Flex key={u.key} gap={8}>
                  <Input
                    style={{ width: 200 }}
                    placeholder={t('org.code')}
                    value={u.code}
                    onChange={(e) =>
                      setNewUnits(newUnits.map((x, j) => (j === i ? { ...x, code: e.target.value.toUpperCase() } : x)))
                    }
                    data-testid={`new-unit-code-${i}`}
                  />
                  <Input
                    placeholder={t('org.name')}
                    value={u.name}
                    onChange={(e) => setNewUnits(newUnits.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                    data-testid={`new-unit-name-${i}`}
                  />
                </Flex>
              ))}
              {kind === 'split' ? (
                <Button
                  size="small"
                  onClick={() => setNewUnits([...newUnits, { key: `N${newUnits.length + 1}`, code: '', name: '' }])}
                >
                  {t('restr.addNewUnit')}
                </Button>
              ) : null}
            </>
          ) : null}
          {kind === 'merge' || kind === 'split' || kind === 'move' ? (
            <div data-testid="restructuring-parent">
              <Typography.Text strong>{kind === 'move' ? t('restr.newParent') : t('restr.parentOfNew')}</Typography.Text>
              <OrganizationSelect value={parentId} onChange={setParentId} />
            </div>
          ) : null}
          {kind === 'rename' ? (
            <Input placeholder={t('restr.newName')} value={renameTo} onChange={(e) => setRenameTo(e.target.value)} />
          ) : null}
          {kind === 'dissolve' ? (
            <>
              <Typography.Text strong>{t('restr.receivingUnit')}</Typography.Text>
              <OrganizationSelect value={receiving} onChange={setReceiving} />
            </>
          ) : null}
        </Space>
      ) : null}
      {step === 2 ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('restr.mappingHelp')}</Typography.Paragraph>
          {(['children', 'seats'] as const).map((field) =>
            mapping[field].length ? (
              <Table
                key={field}
                size="small"
                rowKey="id"
                pagination={false}
                title={() => t(field === 'children' ? 'restr.mapChildren' : 'restr.mapSeats')}
                dataSource={mapping[field]}
                columns={[
                  { title: field === 'seats' ? label(m.seatName) : t('org.name'), dataIndex: 'name' },
                  {
                    title: t('restr.goesTo'),
                    width: 320,
                    render: (_, row: { id: string; to: string }) => (
                      <Select
                        style={{ width: '100%' }}
                        value={row.to}
                        options={[...destinations, ...(field === 'seats' ? [{ value: CLOSE, label: t('restr.closeSeat') }] : [])]}
                        onChange={(to: string) =>
                          setMapping({ ...mapping, [field]: mapping[field].map((x) => (x.id === row.id ? { ...x, to } : x)) })
                        }
                      />
                    ),
                  },
                ]}
              />
            ) : null,
          )}
          {mapping.people.length ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              title={() => t('restr.mapPeople')}
              dataSource={mapping.people}
              columns={[
                { title: t('restr.person'), dataIndex: 'name' },
                { title: t('restr.seat'), render: (_, p) => mapping.seats.find((s) => s.id === p.seat)?.name },
                {
                  title: t('restr.goesTo'),
                  width: 240,
                  render: (_, p) => (
                    <Select
                      style={{ width: '100%' }}
                      value={p.to}
                      options={[
                        { value: 'follow', label: t('restr.follow') },
                        { value: 'end', label: t('restr.end') },
                      ]}
                      onChange={(to: 'follow' | 'end') =>
                        setMapping({ ...mapping, people: mapping.people.map((x) => (x.id === p.id ? { ...x, to } : x)) })
                      }
                    />
                  ),
                },
              ]}
            />
          ) : null}
          {mapping.jobs.length ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              title={() => label(m.mapJobs)}
              dataSource={mapping.jobs}
              data-testid="restructuring-jobs"
              columns={[
                { title: label(m.jobName), dataIndex: 'name' },
                { title: label(m.jobCount), dataIndex: 'count', width: 90 },
                { title: label(m.jobAssigned), dataIndex: 'assigned', width: 90 },
                {
                  title: t('restr.goesTo'),
                  width: 320,
                  render: (_, row) => (
                    <Select
                      style={{ width: '100%' }}
                      value={row.to}
                      options={[...destinations, { value: CLOSE, label: label(m.abolishJob) }]}
                      onChange={(to: string) =>
                        setMapping({ ...mapping, jobs: mapping.jobs.map((x) => (x.id === row.id ? { ...x, to } : x)) })
                      }
                    />
                  ),
                },
              ]}
            />
          ) : null}
          {destinations.length ? (
            <Card size="small" title={label(m.sizes)} data-testid="restructuring-sizes">
              <Typography.Paragraph type="secondary">{fill(label(m.sizesHelp), { year: day.slice(0, 4) })}</Typography.Paragraph>
              {seatGroups().length ? (
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={seatGroups()}
                  columns={[
                    { title: label(m.unit), render: (_, g) => destName(g.dest) },
                    { title: label(m.title), dataIndex: 'titleName' },
                    { title: label(m.peopleMoving), dataIndex: 'people', width: 130 },
                    {
                      title: label(m.seatCount),
                      width: 150,
                      render: (_, g) => (
                        <InputNumber
                          min={1}
                          max={50}
                          value={seatCounts[g.key] ?? g.count}
                          onChange={(v) => setSeatCounts({ ...seatCounts, [g.key]: v ?? null })}
                          aria-label={`${label(m.seatCount)} — ${g.titleName} — ${destName(g.dest)}`}
                          data-testid={`seat-count-${g.titleCode}`}
                        />
                      ),
                    },
                  ]}
                />
              ) : null}
              <Table
                size="small"
                rowKey="value"
                pagination={false}
                style={{ marginTop: 8 }}
                dataSource={destinations}
                columns={[
                  { title: label(m.unit), dataIndex: 'label' },
                  ...STAFFING_CATEGORIES.map((c) => ({
                    title: `${label(STAFFING_CATEGORY_LABELS[c])} — ${fill(label(m.quota), { year: day.slice(0, 4) })}`,
                    width: 190,
                    render: (_: unknown, d: { value: string; label: string }) => (
                      <InputNumber
                        min={0}
                        max={1_000_000}
                        style={{ width: '100%' }}
                        placeholder={label(m.quotaPlaceholder)}
                        value={quotas[`${d.value}|${c}`] ?? null}
                        onChange={(v) => setQuotas({ ...quotas, [`${d.value}|${c}`]: v ?? null })}
                        aria-label={`${label(STAFFING_CATEGORY_LABELS[c])} — ${d.label}`}
                        data-testid={`quota-${c}`}
                      />
                    ),
                  })),
                ]}
              />
            </Card>
          ) : null}
          {!mapping.children.length && !mapping.seats.length && !mapping.jobs.length ? (
            <Alert type="info" showIcon title={t('restr.nothingToMap')} />
          ) : null}
        </Space>
      ) : null}
      {step === 3 && preview ? (
        <div data-testid="restructuring-preview">
          <Typography.Title level={5}>{t('restr.previewOn', { date: formatDate(preview.effectiveDate) })}</Typography.Title>
          {preview.problems.length === 0 ? (
            <Alert type="success" showIcon title={t('restr.noProblems')} style={{ marginBottom: 8 }} />
          ) : null}
          {preview.problems.map((p) => (
            <Alert
              key={`${p.ruleId}-${p.subjectId}-${p.detail}`}
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={lang === 'vi' ? p.detail : p.detailEn}
              description={`${p.ruleId} — ${p.citation}`}
            />
          ))}
          <List
            size="small"
            bordered
            dataSource={preview.tree}
            renderItem={(n) => (
              <List.Item>
                <span style={{ paddingLeft: (n.depth - (preview.tree[0]?.depth ?? 0)) * 18 }}>
                  {n.name}{' '}
                  {n.status !== 'unchanged' ? (
                    <Tag color={{ new: 'green', closed: 'red', moved: 'blue', renamed: 'purple' }[n.status]}>
                      {t(`restr.status.${n.status}`)}
                    </Tag>
                  ) : null}
                </span>
              </List.Item>
            )}
            style={{ maxHeight: 360, overflow: 'auto', marginBottom: 8 }}
          />
          <Typography.Text type="secondary">{t('restr.changeCount', { n: preview.changes.length })}</Typography.Text>
          <Collapse
            size="small"
            style={{ marginTop: 8 }}
            items={[
              {
                key: 'changes',
                label: label(m.changes),
                children: (
                  <List
                    size="small"
                    dataSource={preview.changes}
                    renderItem={(c) => <List.Item>{c.description}</List.Item>}
                    style={{ maxHeight: 300, overflow: 'auto' }}
                    data-testid="restructuring-changes"
                  />
                ),
              },
            ]}
          />
        </div>
      ) : null}
      {error ? (
        <div style={{ marginTop: 12 }}>
          <ApiErrorAlert error={error} />
        </div>
      ) : null}
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        {step > 0 ? <Button onClick={() => setStep(step === 3 ? (closes ? 2 : 1) : step - 1)}>{t('restr.back')}</Button> : null}
        {step < 3 ? (
          <Button
            type="primary"
            loading={busy}
            onClick={() => void next()}
            disabled={(step === 0 && !title.trim()) || (step === 1 && sources.length === 0)}
            data-testid="restructuring-next"
          >
            {step === 2 || (step === 1 && !closes) ? t('restr.preview') : t('restr.next')}
          </Button>
        ) : (
          <Button type="primary" danger loading={busy} onClick={() => void run('apply')} data-testid="restructuring-apply">
            {t('restr.apply')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
