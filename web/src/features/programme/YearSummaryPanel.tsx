import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Skeleton, Table, Typography } from 'antd';
import { DOCUMENT_TYPE_LABELS, ISSUING_BODY_INFO } from '@contracts/document-numbering';
import { PARTICIPATION_LABELS } from '@contracts/documents';
import type { SummaryRow, YearSummary } from '@contracts/programme';
import { urlWithQuery } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';

interface Props {
  year: number;
  organizationId?: string;
  version: number;
}

/** The year's results in the seed's words, the table by type and issuing body, and the .docx/.xlsx exports. */
export function YearSummaryPanel({ year, organizationId, version }: Props) {
  const { t, label } = useI18n();
  const query = { year, organizationId, v: version };
  const summary = useApiQuery<YearSummary>('/api/programme/summary', query);
  const exportQuery = { year, organizationId };

  if (summary.error) return <ApiErrorAlert error={summary.error} onRetry={summary.reload} />;
  if (!summary.data) return <Skeleton active />;
  const s = summary.data;
  return (
    <>
      <Alert
        type="info"
        title={<Typography.Text strong>{t('prog.sentenceTitle', { year: s.year })}</Typography.Text>}
        description={
          <Typography.Paragraph style={{ margin: 0, fontSize: 15 }} data-testid="summary-sentence">
            {s.sentence}
          </Typography.Paragraph>
        }
        style={{ marginBottom: 16 }}
      />
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Button
          icon={<FileWordOutlined />}
          href={urlWithQuery('/api/programme/summary.docx', exportQuery)}
          data-testid="export-docx"
        >
          {t('prog.exportDocx')}
        </Button>
        <Button
          icon={<FileExcelOutlined />}
          href={urlWithQuery('/api/programme/summary.xlsx', exportQuery)}
          data-testid="export-xlsx"
        >
          {t('prog.exportXlsx')}
        </Button>
      </Flex>
      <Table<SummaryRow>
        size="small"
        rowKey={(r) => `${r.participation}-${r.type}-${r.issuingBody}`}
        pagination={false}
        dataSource={s.rows}
        locale={{ emptyText: t('prog.noDocuments') }}
        title={() => t('prog.proposalsLine', { done: s.proposals.done, total: s.proposals.total })}
        columns={[
          {
            title: t('doc.participation'),
            dataIndex: 'participation',
            render: (_, r) => label(PARTICIPATION_LABELS[r.participation]),
          },
          { title: t('doc.type'), dataIndex: 'type', render: (_, r) => label(DOCUMENT_TYPE_LABELS[r.type]) },
          { title: t('doc.issuingBody'), dataIndex: 'issuingBody', render: (_, r) => label(ISSUING_BODY_INFO[r.issuingBody]) },
          { title: t('prog.count'), dataIndex: 'count', align: 'right', width: 110 },
        ]}
      />
    </>
  );
}
