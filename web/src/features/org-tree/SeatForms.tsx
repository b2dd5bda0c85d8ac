import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { POSITION_LIMITS, type Position } from '@contracts/positions';
import type { titleListSchema } from '@contracts/titles';
import { FormModal } from '../staffing/FormModal';
import { s } from '../staffing/messages';
import { m } from './messages';
import { api } from '../../ui/api';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';

type Titles = z.infer<typeof titleListSchema>;
interface SeatValues {
  titleId?: string;
  seatCount: number;
  termYears?: number | null;
  validFrom?: Dayjs;
  from?: Dayjs;
  decisionRef?: string;
}

/** Opens a seat in a unit (title from the catalog in force on its first day), or changes one (`seat`). */
export function SeatModal({
  open,
  organizationId,
  asOf,
  seat,
  onClose,
  onDone,
}: {
  open: boolean;
  organizationId: string;
  asOf: string;
  seat: Position | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { label } = useI18n();
  const titles = useApiQuery<Titles>('/api/titles', { asOf });
  const required = { required: true, message: label(s.required) };
  return (
    <FormModal<SeatValues>
      open={open}
      title={seat ? `${label(s.editSeat)}: ${seat.titleName}` : label(s.addSeat)}
      fields={['titleId', 'seatCount', 'termYears', 'validFrom', 'from', 'decisionRef']}
      initialValues={
        seat ? { seatCount: seat.seatCount, termYears: seat.termYears, from: dayjs() } : { seatCount: 1, validFrom: dayjs(asOf) }
      }
      onSubmit={(v) =>
        seat
          ? api.patch(`/api/positions/${seat.id}`, {
              seatCount: v.seatCount,
              termYears: v.termYears ?? null,
              from: v.from ? v.from.format('YYYY-MM-DD') : undefined,
              decisionRef: v.decisionRef?.trim() || undefined,
            })
          : api.post('/api/positions', {
              organizationId,
              titleId: v.titleId,
              seatCount: v.seatCount,
              termYears: v.termYears ?? undefined,
              validFrom: v.validFrom!.format('YYYY-MM-DD'),
            })
      }
      onDone={onDone}
      onClose={onClose}
      doneText={label(s.saved)}
      testId="seat-form"
    >
      {() => (
        <>
          {seat ? null : (
            <Form.Item name="titleId" label={label(s.seatTitle)} rules={[required]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={titles.loading}
                options={(titles.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name} (${x.group})` }))}
                data-testid="seat-title"
              />
            </Form.Item>
          )}
          <Form.Item name="seatCount" label={label(s.seatCount)} rules={[required]}>
            <InputNumber min={1} max={POSITION_LIMITS.seatCountMax} data-testid="seat-count" />
          </Form.Item>
          <Form.Item name="termYears" label={label(s.termYears)} extra={label(s.termYearsHelp)}>
            <InputNumber min={1} max={POSITION_LIMITS.termYearsMax} />
          </Form.Item>
          {seat ? (
            <>
              <Form.Item name="from" label={label(m.changeFrom)} extra={label(m.changeFromHelp)} rules={[required]}>
                <DatePicker format="DD/MM/YYYY" data-testid="seat-change-from" />
              </Form.Item>
              <Form.Item name="decisionRef" label={label(m.decisionRef)}>
                <Input maxLength={100} placeholder="123/QĐ-UBND" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="validFrom" label={label(s.validFrom)} rules={[required]}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}
