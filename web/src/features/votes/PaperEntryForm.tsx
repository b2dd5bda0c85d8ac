import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, InputNumber, Space, Table } from 'antd';
import { BALLOT_OPTIONS, BALLOT_OPTION_LABELS, type BallotOption, type PaperCount, type VoteDetail } from '@contracts/votes';
import { ApiError, api } from '../../ui/api';
import { useI18n } from '../../ui/i18n';

type Cell = BallotOption | 'invalid';
type Row = { subjectId: string; fullName: string } & Partial<Record<Cell, number>>;

/** One tally member's reading of the paper count; the server compares it with the other member's. */
export function PaperEntryForm({ vote, onSaved }: { vote: VoteDetail; onSaved: () => void }) {
  const { t, lang, label } = useI18n();
  const options = BALLOT_OPTIONS[vote.ballot.shape];
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Omit<PaperCount, 'subjects'>>();
  const voted = vote.subjects.filter((s) => !s.exemption);
  const [rows, setRows] = useState<Row[]>(voted.map((s) => ({ subjectId: s.id, fullName: s.fullName })));
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const setCell = (i: number, key: Cell, value: number | null) =>
    setRows((rs) => rs.map((r, k) => (k === i ? { ...r, [key]: value ?? undefined } : r)));

  const submit = async (values: Omit<PaperCount, 'subjects'>) => {
    setSaving(true);
    setProblems([]);
    try {
      const body: PaperCount = {
        ...values,
        subjects: rows.map((r) => ({
          subjectId: r.subjectId,
          ...Object.fromEntries(options.map((k) => [k, r[k] ?? 0])),
          invalid: r.invalid ?? 0,
        })),
      };
      const res = await api.post<{ status: 'waiting_second' | 'matched' | 'mismatch' }>(
        `/api/votes/${vote.id}/paper-entries`,
        body,
      );
      void message.info(
        t(res.status === 'matched' ? 'votes.entryMatched' : res.status === 'mismatch' ? 'votes.mismatch' : 'votes.entryWaiting'),
      );
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblems([error.text(lang), ...error.details.map((d) => (lang === 'vi' ? d.message : d.messageEn))]);
    } finally {
      setSaving(false);
    }
  };

  const numberCell = (key: Cell) => (_: unknown, r: Row, i: number) => (
    <InputNumber
      min={0}
      value={r[key]}
      onChange={(v) => setCell(i, key, v)}
      aria-label={`${r.fullName} ${key === 'invalid' ? t('votes.invalidForPerson') : label(BALLOT_OPTION_LABELS[key])}`}
      data-testid={`entry-${i}-${key}`}
    />
  );

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="paper-entry-form">
      <Space wrap>
        {(['issued', 'collected', 'valid', 'invalid'] as const).map((k) => (
          <Form.Item key={k} name={k} label={t(`votes.${k}`)} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={0} data-testid={`entry-${k}`} />
          </Form.Item>
        ))}
      </Space>
      <Table<Row>
        rowKey="subjectId"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('votes.fullName'), dataIndex: 'fullName' },
          ...options.map((k) => ({ key: k, title: label(BALLOT_OPTION_LABELS[k]), render: numberCell(k) })),
          // a choice of names has no per-person invalid mark: a ballot choosing too many is invalid as a whole
          ...(vote.ballot.shape === 'choice'
            ? []
            : [{ key: 'invalid', title: t('votes.invalidForPerson'), render: numberCell('invalid') }]),
        ]}
      />
      {problems.length ? (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={problems[0]} description={problems.slice(1).join('; ')} />
      ) : null}
      <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 12 }} data-testid="entry-submit">
        {t('votes.submitEntry')}
      </Button>
    </Form>
  );
}
