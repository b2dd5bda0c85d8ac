import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import type { Criterion, Score } from '@contracts/evaluations';
import { useI18n } from '../../ui/i18n';
import { L } from './texts';

interface Props {
  criteria: Criterion[];
  resultsMax: number;
  initial: Score | null;
  submitLabel: string;
  busy: boolean;
  testId: string;
  onSubmit: (score: Score, comment: string | undefined) => void;
  children?: React.ReactNode;
}

/** The score sheet: one box per general criterion (up to its maximum), one for the results part. */
export function ScoreForm({ criteria, resultsMax, initial, submitLabel, busy, testId, onSubmit, children }: Props) {
  const { label } = useI18n();
  const [form] = Form.useForm();
  const general = Form.useWatch('general', form) as Record<string, number | null> | undefined;
  const results = Form.useWatch('results', form) as number | null | undefined;
  const total = Math.round((Object.values(general ?? {}).reduce<number>((s, v) => s + (v ?? 0), 0) + (results ?? 0)) * 10) / 10;
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid={testId}
      initialValues={{ general: initial?.general ?? {}, results: initial?.results ?? undefined }}
      onFinish={(values: { general: Record<string, number>; results: number; comment?: string }) =>
        onSubmit({ general: values.general, results: values.results }, values.comment?.trim() || undefined)
      }
    >
      <Typography.Text strong>{label(L.general)}</Typography.Text>
      <Space wrap style={{ display: 'flex', marginTop: 8 }}>
        {criteria.map((c) => (
          <Form.Item key={c.key} name={['general', c.key]} label={`${label(c.label)} (≤ ${c.max})`} rules={[{ required: true }]}>
            <InputNumber min={0} max={c.max} step={0.1} style={{ width: 120 }} data-testid={`${testId}-${c.key}`} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name="results" label={`${label(L.results)} (≤ ${resultsMax})`} rules={[{ required: true }]}>
        <InputNumber min={0} max={resultsMax} step={0.1} style={{ width: 160 }} data-testid={`${testId}-results`} />
      </Form.Item>
      {children}
      <Form.Item name="comment" label={label(L.comment)}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
        <Typography.Text data-testid={`${testId}-total`}>
          {label(L.total)}: <b>{total}</b> {label(L.points)}
        </Typography.Text>
      </Space>
    </Form>
  );
}
