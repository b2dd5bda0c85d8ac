import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import {
  BALLOT_OPTION_LABELS,
  type BallotOption,
  EXEMPTION_LABELS,
  VOTE_KIND_LABELS,
  VOTE_MODE_LABELS,
  VOTE_STATUS_LABELS,
  type VoteDetail,
} from '@contracts/votes';
import { ApiErrorAlert } from '../../ui/errors';
import { useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Link } from '../../ui/router';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { vnDate } from './format';
import { ElectronicPanel } from './ElectronicPanel';
import { PaperEntryForm } from './PaperEntryForm';
import { VoteResults } from './VoteResults';
import { ConsequenceTasks } from './ConsequenceTasks';
import { M } from './messages';
import { VG } from './voter-group.messages';
import { InfoPackCard } from './InfoPackCard';

export function VoteDetailView({ id }: { id: string }) {
  const { t, label, lang } = useI18n();
  const { roles } = useSession();
  const vote = useApiQuery<VoteDetail>(`/api/votes/${id}`);
  if (vote.error) return <ApiErrorAlert error={vote.error} onRetry={vote.reload} />;
  const v = vote.data;
  if (!v) return <Card loading />;
  const voted = v.subjects.filter((s) => !s.exemption);
  const exempt = v.subjects.filter((s) => s.exemption);
  return (
    <>
      <Link to="/votes">
        <ArrowLeftOutlined /> {t('votes.back')}
      </Link>
      <PageHeader
        title={v.title}
        intro={`${label(VOTE_KIND_LABELS[v.kind])} · ${v.organizationName} · ${vnDate(v.voteDate)}`}
        extra={
          v.result ? (
            <Button icon={<DownloadOutlined />} href={`/api/votes/${v.id}/record.docx`} data-testid="vote-record">
              {t('votes.record')}
            </Button>
          ) : null
        }
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {v.warnings.map((w) => (
          <Alert
            key={w.code}
            type="warning"
            showIcon
            title={lang === 'vi' ? w.message : w.messageEn}
            data-testid="vote-warning"
          />
        ))}
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={t('votes.status')}>
            <Tag color={v.status === 'open' ? 'orange' : 'green'}>{label(VOTE_STATUS_LABELS[v.status])}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('votes.mode')}>{label(VOTE_MODE_LABELS[v.mode])}</Descriptions.Item>
          <Descriptions.Item label={t('votes.voterGroup')}>{v.voterGroup}</Descriptions.Item>
          <Descriptions.Item label={t('votes.summoned')}>{v.summonedCount}</Descriptions.Item>
          <Descriptions.Item label={t('votes.track')}>
            {v.track === 'party' ? t('votes.trackParty') : t('votes.trackState')}
          </Descriptions.Item>
          {v.voterGroupRule?.citation ? (
            <Descriptions.Item label={label(VG.groupRule)} span={2}>
              <span data-testid="vote-voter-group-rule">
                {label(v.voterGroupRule.message)}
                {v.voterGroupRule.unconfirmed ? ` ${label(VG.unconfirmed)}` : ''}
              </span>
            </Descriptions.Item>
          ) : null}
          {v.servesStep ? (
            <Descriptions.Item label={label(VG.servesStep)} span={2}>
              <span data-testid="vote-serves-step">
                {label(v.servesStep.action)} — {v.servesStep.personName}: {label(VG.stepOf)} “{label(v.servesStep.stepLabel)}”
                {v.servesStep.citation ? ` (${v.servesStep.citation})` : ''}{' '}
                {v.servesStep.processId ? (
                  <Link to={`/decisions?id=${v.servesStep.processId}`}>{label(VG.openProcess)}</Link>
                ) : null}
              </span>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('votes.boardHash')}>
            {v.boardHash ? (
              <Typography.Text code copyable style={{ fontSize: 12 }}>
                {v.boardHash}
              </Typography.Text>
            ) : (
              t('votes.noHashYet')
            )}
          </Descriptions.Item>
        </Descriptions>
        <Card title={t('votes.subjects')} size="small">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={voted}
            columns={[
              { title: t('votes.no'), dataIndex: 'ordinal', width: 60 },
              {
                title: t('votes.fullName'),
                render: (_, s) =>
                  s.personId ? (
                    <>
                      {s.fullName} <Tag>{label(M.person)}</Tag>
                    </>
                  ) : (
                    s.fullName
                  ),
              },
              { title: t('votes.position'), dataIndex: 'titleText' },
            ]}
          />
          {exempt.length ? (
            <Alert
              style={{ marginTop: 12 }}
              type="info"
              title={t('votes.exempt')}
              description={exempt
                .map(
                  (s) =>
                    `${s.fullName} (${s.titleText}): ${label(EXEMPTION_LABELS[s.exemption!.reason])}${s.exemption!.note ? ` — ${s.exemption!.note}` : ''}`,
                )
                .join('; ')}
            />
          ) : null}
        </Card>
        {v.kind === 'confidence' ? <InfoPackCard voteId={v.id} /> : null}
        {v.paper ? (
          <Card title={t('votes.doubleEntry')} size="small" data-testid="vote-paper">
            <Typography.Paragraph type="secondary">{t('votes.doubleEntryHelp')}</Typography.Paragraph>
            <Typography.Paragraph>
              {v.paper.enteredBy.length
                ? t('votes.enteredBy', { names: v.paper.enteredBy.map((e) => e.fullName).join(', ') })
                : t('votes.noEntryYet')}
            </Typography.Paragraph>
            {v.paper.mismatches.length ? (
              <Alert
                type="error"
                showIcon
                title={t('votes.mismatch')}
                description={v.paper.mismatches
                  .map((m) => `${fieldLabel(m.field, voted, t, lang)}: ${m.first} ≠ ${m.second}`)
                  .join('; ')}
                data-testid="vote-mismatch"
              />
            ) : null}
            {v.status === 'open' && hasAnyRole(roles, ['tally']) ? <PaperEntryForm vote={v} onSaved={vote.reload} /> : null}
          </Card>
        ) : null}
        {v.mode === 'electronic' ? <ElectronicPanel vote={v} onChange={vote.reload} /> : null}
        {v.result ? <VoteResults result={v.result} count={v.count!} summoned={v.summonedCount} /> : null}
        {v.result && v.kind === 'confidence' ? (
          <Card title={label(M.consequences)} size="small">
            <Typography.Paragraph type="secondary">{label(M.consequencesIntro)}</Typography.Paragraph>
            <ConsequenceTasks sessionId={v.id} />
          </Card>
        ) : null}
      </Space>
    </>
  );
}

function fieldLabel(
  field: string,
  voted: VoteDetail['subjects'],
  t: ReturnType<typeof useI18n>['t'],
  lang: ReturnType<typeof useI18n>['lang'],
): string {
  const m = /^subjects\[(\d+)\]\.(\w+)$/.exec(field);
  const names: Record<string, Parameters<typeof t>[0]> = {
    issued: 'votes.issued',
    collected: 'votes.collected',
    valid: 'votes.valid',
    invalid: 'votes.invalid',
  };
  if (!m) return t(names[field] ?? 'votes.issued');
  const option = m[2]! as BallotOption;
  const what = option in BALLOT_OPTION_LABELS ? BALLOT_OPTION_LABELS[option][lang] : t('votes.invalid');
  return `${voted[Number(m[1])]?.fullName ?? ''} — ${what}`;
}
