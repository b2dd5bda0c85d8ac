import { useEffect, useState } from 'react';
import { CheckCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Select, Space, Table, Typography } from 'antd';
import {
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  IMPORT_REQUIRED,
  type ImportMapping,
  type ImportProblem,
  type ImportStatus,
} from '@contracts/persons';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { PageHeader } from '../../ui/PageHeader';
import { SectionImport } from './SectionImport';
import { usePersonTexts } from './texts';

/** Upload → column mapping → dry run listing every problem by row and column → all-or-nothing import with progress. */
export function ImportPersonsPage() {
  const { p, fmt, label, lang } = usePersonTexts();
  const [job, setJob] = useState<ImportStatus | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // Poll while the real run is going.
  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = window.setInterval(() => {
      api
        .get<ImportStatus>(`/api/person-imports/${job.id}`)
        .then(setJob, (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, null)));
    }, 500);
    return () => window.clearInterval(timer);
  }, [job?.state, job?.id]);

  const upload = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      const status = await api.upload<ImportStatus>('/api/person-imports', file);
      setJob(status);
      setMapping(status.suggestedMapping);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  const run = async (dryRun: boolean) => {
    if (!job) return;
    setError(null);
    setBusy(true);
    try {
      setJob(await api.post<ImportStatus>(`/api/person-imports/${job.id}/run`, { mapping, dryRun }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };

  const checked = job && job.mapping !== null && job.state === 'analysed';
  return (
    <>
      <PageHeader title={p.importTitle} intro={p.importIntro} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <label>
          <Button
            icon={<UploadOutlined />}
            loading={busy && !job}
            onClick={(e) => (e.currentTarget.nextElementSibling as HTMLInputElement | null)?.click()}
          >
            {p.chooseFile}
          </Button>
          <input
            type="file"
            accept=".xlsx,.csv"
            style={{ display: 'none' }}
            data-testid="import-file"
            onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
          />
        </label>
        {error ? <ApiErrorAlert error={error} /> : null}
        {job ? (
          <>
            <Typography.Text strong>
              {job.fileName} — {fmt(p.rows, { n: job.rows })}
            </Typography.Text>
            <Typography.Title level={5}>{p.mapping}</Typography.Title>
            <Table
              size="small"
              pagination={false}
              rowKey="field"
              dataSource={IMPORT_FIELDS.map((field) => ({ field }))}
              columns={[
                {
                  title: p.field,
                  render: (_, r) => `${label(IMPORT_FIELD_LABELS[r.field])}${IMPORT_REQUIRED.includes(r.field) ? ' *' : ''}`,
                },
                {
                  title: p.column,
                  render: (_, r) => (
                    <Select
                      style={{ width: 280 }}
                      value={mapping[r.field] ?? ''}
                      onChange={(v: string) => setMapping((m) => ({ ...m, [r.field]: v || undefined }))}
                      options={[{ value: '', label: p.notMapped }, ...job.headers.map((h) => ({ value: h, label: h }))]}
                    />
                  ),
                },
              ]}
            />
            <Space>
              <Button
                onClick={() => void run(true)}
                loading={busy}
                disabled={job.state === 'running' || job.state === 'done'}
                data-testid="import-dry-run"
              >
                {p.dryRun}
              </Button>
              <Button
                type="primary"
                onClick={() => void run(false)}
                loading={busy}
                disabled={!checked || job.problemCount > 0}
                data-testid="import-run"
              >
                {p.run}
              </Button>
            </Space>
            {checked && job.problemCount === 0 ? (
              <Alert
                type="success"
                showIcon
                title={fmt(p.noProblems, { c: job.created, u: job.updated })}
                data-testid="import-ok"
              />
            ) : null}
            {job.state === 'running' ? (
              <div>
                <Progress percent={Math.round((job.processed / Math.max(1, job.rows)) * 100)} />
                <Typography.Text>
                  {fmt(p.progress, {
                    done: job.processed,
                    total: job.rows,
                    rate: job.rowsPerSecond ?? '…',
                    eta: job.etaSeconds ?? '…',
                  })}
                </Typography.Text>
              </div>
            ) : null}
            {job.state === 'done' ? (
              <Alert
                type="success"
                icon={<CheckCircleOutlined />}
                showIcon
                title={fmt(p.done, { c: job.created, u: job.updated })}
                data-testid="import-done"
              />
            ) : null}
            {job.state === 'failed' ? <Alert type="error" showIcon title={fmt(p.failed, { m: job.message ?? '' })} /> : null}
            {job.problemCount > 0 ? (
              <>
                <Alert type="warning" showIcon title={fmt(p.problems, { n: job.problemCount })} data-testid="import-problems" />
                <Table<ImportProblem>
                  size="small"
                  rowKey={(r, i) => `${r.row}-${r.column}-${i}`}
                  dataSource={job.problems}
                  pagination={{ pageSize: 50 }}
                  columns={[
                    { title: p.row, dataIndex: 'row', width: 80 },
                    { title: p.column, dataIndex: 'column', width: 200 },
                    { title: p.problem, render: (_, r) => (lang === 'vi' ? r.message : r.messageEn) },
                  ]}
                />
              </>
            ) : null}
          </>
        ) : null}
        <SectionImport />
      </Space>
    </>
  );
}
