import { useState } from 'react';
import { DatePicker, Descriptions, Form, Input, Modal, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  INCUMBENCY_KINDS,
  INCUMBENCY_KIND_LABELS,
  type IncumbencyKind,
  type Position,
  type PositionHistory,
} from '@contracts/positions';
import type { PersonSummary } from '@contracts/persons';
import { EndFromModal, FormModal } from '../staffing/FormModal';
import { PersonPicker } from '../votes/PersonPicker';
import { api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { m } from './messages';

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

interface IncumbentValues {
  personId: string;
  how: IncumbencyKind;
  from: Dayjs;
  termEnd?: Dayjs;
  decisionRef?: string;
}

/** Seats a person from the records in a seat from a date (appointed, elected, acting or concurrent). */
export function IncumbentModal({
  seat,
  asOf,
  onClose,
  onDone,
}: {
  seat: Position;
  asOf: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { label } = useI18n();
  const [picked, setPicked] = useState<PersonSummary>();
  const required = { required: true, message: label({ vi: 'Bắt buộc', en: 'Required' }) };
  return (
    <FormModal<IncumbentValues>
      open
      title={`${label(m.addIncumbent)}: ${seat.titleName}`}
      fields={['personId', 'personName', 'how', 'from', 'termEnd', 'decisionRef']}
      initialValues={{ how: 'appointed', from: dayjs(asOf) }}
      onSubmit={(v) =>
        api.post(`/api/positions/${seat.id}/incumbents`, {
          personId: v.personId,
          personName: picked?.fullName ?? '',
          how: v.how,
          from: iso(v.from),
          termEnd: v.termEnd ? iso(v.termEnd) : undefined,
          decisionRef: v.decisionRef?.trim() || undefined,
        })
      }
      onDone={onDone}
      onClose={onClose}
      doneText={label(m.incumbentSaved)}
      testId="incumbent-form"
    >
      {() => (
        <>
          <Form.Item name="personId" label={label(m.person)} extra={label(m.personHelp)} rules={[required]}>
            <PersonPicker onPicked={setPicked} testId="incumbent-person" />
          </Form.Item>
          <Form.Item name="how" label={label(m.how)} rules={[required]}>
            <Select options={INCUMBENCY_KINDS.map((k) => ({ value: k, label: label(INCUMBENCY_KIND_LABELS[k]) }))} />
          </Form.Item>
          <Form.Item name="from" label={label(m.from)} rules={[required]}>
            <DatePicker format="DD/MM/YYYY" data-testid="incumbent-from" />
          </Form.Item>
          <Form.Item name="termEnd" label={label(m.termEnd)} extra={label(m.termEndHelp)}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="decisionRef" label={label(m.decisionRef)}>
            <Input maxLength={100} placeholder="123/QĐ-UBND" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** Ends a seat holding or a job-position assignment from a date; the server's reason lands on the date field. */
export function EndModal({
  title,
  path,
  onClose,
  onDone,
}: {
  title: string;
  path: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { label } = useI18n();
  return (
    <EndFromModal
      title={title}
      path={path}
      field="to"
      dateLabel={label(m.endTo)}
      help={label(m.endToHelp)}
      doneText={label(m.ended)}
      testId="end-form"
      onClose={onClose}
      onDone={onDone}
    />
  );
}

/** A period [from, to) as the officer reads it: from the first day to the last day it held (the day before `to`). */
export const period = (from: string, to: string | null, now: string) =>
  `${formatDate(from)} – ${to ? formatDate(dayjs(to).subtract(1, 'day').format('YYYY-MM-DD')) : now}`;

/** A seat's places and term over time, and everyone who held it. */
export function SeatHistoryModal({ seat, onClose }: { seat: Position; onClose: () => void }) {
  const { label } = useI18n();
  const history = useApiQuery<PositionHistory>(`/api/positions/${seat.id}/history`);
  const h = history.data;
  return (
    <Modal open title={`${label(m.historyTitle)}: ${seat.titleName}`} footer={null} onCancel={onClose} width={720}>
      <div data-testid="seat-history">
        {history.error ? <ApiErrorAlert error={history.error} onRetry={history.reload} /> : null}
        <Descriptions
          size="small"
          column={1}
          items={[{ key: 'org', label: label({ vi: 'Đơn vị', en: 'Unit' }), children: seat.organizationName }]}
        />
        <h4>{label(m.figures)}</h4>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={history.loading}
          dataSource={h?.versions ?? []}
          columns={[
            { title: label(m.period), render: (_, v) => period(v.validFrom, v.validTo, label(m.now)) },
            { title: label(m.places), dataIndex: 'seatCount', width: 120 },
            { title: label(m.term), width: 120, render: (_, v) => (v.termYears ? `${v.termYears} ${label(m.years)}` : '—') },
            { title: label(m.decisionRef), render: (_, v) => v.decisionRef ?? '—' },
          ]}
        />
        <h4 style={{ marginTop: 16 }}>{label(m.holders)}</h4>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={history.loading}
          dataSource={h?.incumbents ?? []}
          columns={[
            { title: label(m.holder), dataIndex: 'personName' },
            { title: label(m.how), width: 140, render: (_, i) => <Tag>{label(INCUMBENCY_KIND_LABELS[i.how])}</Tag> },
            { title: label(m.period), render: (_, i) => period(i.from, i.to, label(m.now)) },
            { title: label(m.decisionRef), render: (_, i) => i.decisionRef ?? '—' },
          ]}
        />
      </div>
    </Modal>
  );
}
