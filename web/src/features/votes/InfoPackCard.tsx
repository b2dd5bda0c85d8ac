import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Descriptions, Table, Typography } from 'antd';
import type { InfoPack, InfoPackPerson, InfoPackSection } from '@contracts/vote-info-pack';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { useApiQuery } from '../../ui/useApiQuery';
import { vnDate } from './format';
import { IP } from './info-pack.messages';

const partial = (d: string) => d.split('-').reverse().join('/');
const percent = (n: number) => `${n.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

function Section({ person, k }: { person: InfoPackPerson; k: InfoPackSection }) {
  const { label, lang } = useI18n();
  switch (k) {
    case 'cv': {
      const cv = person.cv;
      if (!cv) return <Typography.Text type="secondary">{label(IP.noRecord)}</Typography.Text>;
      return (
        <>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={label(IP.born)}>
              {label(cv.sex)}, {partial(cv.birthDate)}
            </Descriptions.Item>
            <Descriptions.Item label={label(IP.ethnicity)}>{cv.ethnicity}</Descriptions.Item>
            <Descriptions.Item label={label(IP.homeTown)}>{cv.homeTown ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={label(IP.organization)}>{cv.organizationName}</Descriptions.Item>
            <Descriptions.Item label={label(IP.professional)}>{label(cv.professionalLevel)}</Descriptions.Item>
            <Descriptions.Item label={label(IP.theory)}>{label(cv.theoryLevel)}</Descriptions.Item>
            <Descriptions.Item label={label(IP.party)}>
              {cv.partyAdmissionDate ? partial(cv.partyAdmissionDate) : '—'}
            </Descriptions.Item>
          </Descriptions>
          {cv.workHistory.length ? (
            <Table
              size="small"
              pagination={false}
              rowKey={(w) => `${w.from}-${w.titleName}`}
              dataSource={cv.workHistory}
              columns={[
                { title: label(IP.from), render: (_, w) => partial(w.from), width: 100 },
                { title: label(IP.to), render: (_, w) => (w.to ? partial(w.to) : label(IP.now)), width: 100 },
                { title: label(IP.post), dataIndex: 'titleName' },
                { title: label(IP.organization), dataIndex: 'organizationName' },
              ]}
            />
          ) : null}
        </>
      );
    }
    case 'self-assessment': {
      const s = person.selfAssessment;
      if (!s) return <Typography.Text type="secondary">{label(IP.noSelf)}</Typography.Text>;
      return (
        <>
          <div>
            {s.cycleTitle}
            {s.cycleTitle.includes(String(s.year)) ? '' : ` (${s.year})`}
            {s.selfPoints !== null
              ? ` · ${label(IP.selfPoints)} ${lang === 'vi' ? String(s.selfPoints).replace('.', ',') : s.selfPoints}`
              : ''}
            {s.decidedLevel ? ` · ${label(s.decidedLevel)}` : ''}
          </div>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.comment ?? label(IP.noComment)}</Typography.Paragraph>
        </>
      );
    }
    case 'ratings':
      return person.ratings.length ? (
        <span>{person.ratings.map((r) => `${r.year}: ${label(r.level)}`).join(' · ')}</span>
      ) : (
        <Typography.Text type="secondary">{label(IP.noRatings)}</Typography.Text>
      );
    case 'previous-votes':
      return person.previousVotes.length ? (
        <Table
          size="small"
          pagination={false}
          rowKey="voteDate"
          dataSource={person.previousVotes}
          columns={[
            { title: label(IP.voteDate), render: (_, v) => vnDate(v.voteDate) },
            { title: label(IP.collected), dataIndex: 'collected' },
            { title: label(IP.high), render: (_, v) => percent(v.pctHigh) },
            { title: label(IP.medium), render: (_, v) => percent(v.pctMedium) },
            { title: label(IP.low), render: (_, v) => percent(v.pctLow) },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{label(IP.noVotes)}</Typography.Text>
      );
  }
}

/** What the voters receive about each person before the vote, on screen and as a printable .docx. */
export function InfoPackCard({ voteId }: { voteId: string }) {
  const { label } = useI18n();
  const pack = useApiQuery<InfoPack>(`/api/votes/${voteId}/info-pack`);
  if (pack.error) return <ApiErrorAlert error={pack.error} onRetry={pack.reload} />;
  const p = pack.data;
  return (
    <Card
      size="small"
      title={label(IP.title)}
      loading={!p}
      data-testid="vote-info-pack"
      extra={
        <Button icon={<DownloadOutlined />} href={`/api/votes/${voteId}/info-pack.docx`} data-testid="vote-info-pack-docx">
          {label(IP.print)}
        </Button>
      }
    >
      {p ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${label(IP.basis)}: ${p.rule.citation}`}
            description={p.rule.unconfirmed ? label(IP.unconfirmed) : undefined}
          />
          <Collapse
            items={p.people.map((person) => ({
              key: person.subjectId,
              label: `${person.fullName} — ${person.titleText}`,
              children: p.sections.map((s) => (
                <div key={s.key} style={{ marginBottom: 12 }}>
                  <Typography.Text strong>{label(s.label)}</Typography.Text>
                  <div>
                    <Section person={person} k={s.key} />
                  </div>
                </div>
              )),
            }))}
          />
        </>
      ) : null}
    </Card>
  );
}
