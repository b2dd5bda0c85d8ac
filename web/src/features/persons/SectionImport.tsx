import { useState } from 'react';
import { CheckCircleOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { SECTION_SHEETS, type SectionImportProblem, type SectionImportResult } from '@contracts/persons';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { S } from './sectionMessages';
import { usePersonTexts } from './texts';

/**
 * The table sections of existing records (work history, training, family, salary) from a workbook with one sheet
 * per section: check first (every problem by sheet, row and column), then import all or nothing.
 */
export function SectionImport() {
  const { label, fmt, lang } = usePersonTexts();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<SectionImportResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.upload<SectionImportResult>(`/api/person-imports/sections?dryRun=${dryRun}`, file));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  const sheets = Object.values(SECTION_SHEETS)
    .map((s) => `"${label(s.sheet)}"`)
    .join(', ');

  return (
    <Card title={label(S.title)} data-testid="section-import">
      <Typography.Paragraph type="secondary">{fmt(label(S.intro), { sheets })}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href="/api/person-imports/sections/template.xlsx">
          {label(S.template)}
        </Button>
        <label>
          <Button
            icon={<UploadOutlined />}
            onClick={(e) => (e.currentTarget.nextElementSibling as HTMLInputElement | null)?.click()}
          >
            {file ? file.name : label(S.choose)}
          </Button>
          <input
            type="file"
            accept=".xlsx"
            style={{ display: 'none' }}
            data-testid="section-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        </label>
        <Button onClick={() => void send(true)} disabled={!file} loading={busy} data-testid="section-dry-run">
          {label(S.check)}
        </Button>
        <Button
          type="primary"
          onClick={() => void send(false)}
          disabled={!result || !result.dryRun || result.problemCount > 0}
          loading={busy}
          data-testid="section-run"
        >
          {label(S.run)}
        </Button>
      </Space>
      {error ? <ApiErrorAlert error={error} /> : null}
      {result ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {result.sheets.map((s) => fmt(label(S.sheetRows), { s: s.sheet, n: s.rows })).join('; ')}
          </Typography.Text>
          {result.problemCount > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={fmt(label(S.problems), { n: result.problemCount })}
              data-testid="section-problems"
            />
          ) : result.dryRun ? (
            <Alert
              type="success"
              showIcon
              title={fmt(label(S.ok), { p: result.persons, u: result.updated, s: result.unchanged })}
              data-testid="section-ok"
            />
          ) : (
            <Alert
              type="success"
              icon={<CheckCircleOutlined />}
              showIcon
              title={fmt(label(S.done), { u: result.updated, s: result.unchanged })}
              data-testid="section-done"
            />
          )}
          {result.problemCount > 0 ? (
            <Table<SectionImportProblem>
              size="small"
              rowKey={(r, i) => `${r.sheet}-${r.row}-${r.column}-${i}`}
              dataSource={result.problems}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: label(S.sheet), dataIndex: 'sheet', width: 180 },
                { title: label(S.row), dataIndex: 'row', width: 70 },
                { title: label(S.column), dataIndex: 'column', width: 180 },
                { title: label(S.problem), render: (_, r) => (lang === 'vi' ? r.message : r.messageEn) },
              ]}
            />
          ) : null}
        </Space>
      ) : null}
    </Card>
  );
}
