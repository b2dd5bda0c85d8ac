import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  ACTION_KINDS,
  ACTION_LABELS,
  SOURCES,
  SOURCE_LABELS,
  type ActionKind,
  type ProcessDetail,
  type Source,
} from '@contracts/decisions';
import type { PersonSummary } from '@contracts/persons';
import type { Position } from '@contracts/positions';
import type { VoteConsequenceTask } from '@contracts/votes';
import { ApiError, api } from '../../ui/api';
import { useI18n } from '../../ui/i18n';
import { navigate } from '../../ui/router';
import { useApiQuery } from '../../ui/useApiQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { S } from './messages';

interface Values {
  organizationId: string;
  action: ActionKind;
  source: Source;
  track: 'state' | 'party';
  personId: string;
  positionId: string;
  startedOn: Dayjs;
  inPlan: boolean;
}

function PersonSearch(props: { value?: string; onChange?: (v: string) => void; known?: { value: string; label: string } }) {
  const { label } = useI18n();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);
  const list = useApiQuery<{ items: PersonSummary[] }>('/api/persons', { q: q || undefined, limit: 30 });
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={list.loading}
      placeholder={label(S.personSearch)}
      data-testid="start-person"
      options={[
        ...(props.known ? [props.known] : []),
        ...(list.data?.items ?? [])
          .filter((p) => p.id !== props.known?.value)
          .map((p) => ({
            value: p.id,
            label: `${p.fullName} (${p.birthDate.slice(0, 4)}) — ${p.currentTitle ?? ''} ${p.organizationName}`,
          })),
      ]}
    />
  );
}

function SeatSelect(props: { organizationId?: string; value?: string; onChange?: (v: string) => void }) {
  const { label } = useI18n();
  if (!props.organizationId) return <Select disabled placeholder={label(S.seatFirst)} />;
  return <SeatOptions {...props} organizationId={props.organizationId} />;
}

function SeatOptions(props: { organizationId: string; value?: string; onChange?: (v: string) => void }) {
  const { label } = useI18n();
  const seats = useApiQuery<{ items: Position[] }>('/api/positions', {
    organizationId: props.organizationId,
    subtree: '1',
    limit: 500,
  });
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      showSearch={{ optionFilterProp: 'label' }}
      loading={seats.loading}
      placeholder={label(S.seat)}
      data-testid="start-seat"
      options={(seats.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.titleName} — ${s.organizationName}` }))}
    />
  );
}

/**
 * The officer starts a process: the pack in force on the start date gives its steps, deadlines and checks. From a
 * vote consequence (`task`) or a "not complete" rating (`preset`), a dismissal of that person is proposed.
 */
export function StartProcess({
  task,
  preset,
}: { task?: VoteConsequenceTask; preset?: { personId: string; fullName: string } } = {}) {
  const proposed = task?.personId ? { personId: task.personId, fullName: task.fullName } : preset;
  const { t, label, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string[]>([]);
  const [form] = Form.useForm<Values>();
  const organizationId = Form.useWatch('organizationId', form);
  const action = Form.useWatch('action', form);
  const submit = async (v: Values) => {
    setProblem([]);
    try {
      const p = await api.post<ProcessDetail>('/api/decisions', {
        organizationId: v.organizationId,
        action: v.action,
        source: v.source,
        track: v.track,
        personId: v.personId,
        positionId: v.positionId,
        startedOn: v.startedOn.format('YYYY-MM-DD'),
        inPlan: v.inPlan,
        consequenceTaskId: task?.id,
      });
      setOpen(false);
      navigate(`/decisions?id=${p.id}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem([error.text(lang), ...error.details.map((d) => (lang === 'vi' ? d.message : d.messageEn))]);
    }
  };
  return (
    <>
      <Button
        type={task || preset ? 'default' : 'primary'}
        onClick={() => setOpen(true)}
        data-testid={task ? `start-${task.id}` : preset ? `start-dismissal-${preset.personId}` : 'start-process'}
      >
        {label(task || preset ? S.startDismissal : S.start)}
      </Button>
      <Drawer title={label(S.start)} open={open} onClose={() => setOpen(false)} size={560} destroyOnHidden>
        <Alert type="info" showIcon title={label(S.startIntro)} style={{ marginBottom: 16 }} />
        {problem.length ? (
          <Alert
            type="error"
            showIcon
            title={problem[0]}
            description={problem.slice(1).join(' · ')}
            style={{ marginBottom: 16 }}
            data-testid="start-problem"
          />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            action: task || preset ? 'dismissal' : 'appointment',
            source: 'on-site',
            track: 'state',
            inPlan: true,
            personId: proposed?.personId ?? undefined,
          }}
          onFinish={submit}
        >
          <Form.Item
            name="organizationId"
            label={label(S.organization)}
            rules={[{ required: true, message: t('common.requiredSelect') }]}
          >
            <OrganizationSelect id="start-org" />
          </Form.Item>
          <Form.Item name="action" label={t('decisions.action')} rules={[{ required: true }]}>
            <Select
              data-testid="start-action"
              options={ACTION_KINDS.map((a) => ({ value: a, label: label(ACTION_LABELS[a]) }))}
            />
          </Form.Item>
          {action === 'appointment' ? (
            <Form.Item name="source" label={label(S.source)}>
              <Select options={SOURCES.map((s) => ({ value: s, label: label(SOURCE_LABELS[s]) }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="track" label={label(S.track)}>
            <Select
              options={[
                { value: 'state', label: label(S.trackState) },
                { value: 'party', label: label(S.trackParty) },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="personId"
            label={t('decisions.person')}
            rules={[{ required: true, message: t('common.requiredSelect') }]}
          >
            <PersonSearch known={proposed ? { value: proposed.personId, label: proposed.fullName } : undefined} />
          </Form.Item>
          <Form.Item name="positionId" label={label(S.seat)} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <SeatSelect organizationId={organizationId} />
          </Form.Item>
          <Form.Item name="startedOn" label={t('decisions.started')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format="DD/MM/YYYY" data-testid="start-date" />
          </Form.Item>
          <Form.Item name="inPlan" label={label(S.inPlan)} valuePropName="checked">
            <Switch data-testid="start-in-plan" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="start-submit">
            {label(S.startSubmit)}
          </Button>
        </Form>
      </Drawer>
    </>
  );
}
