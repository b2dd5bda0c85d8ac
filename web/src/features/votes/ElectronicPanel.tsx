import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Input, Radio, Space, Steps, Table, Tag, Typography } from 'antd';
import { BALLOT_OPTIONS, BALLOT_OPTION_LABELS, type ElectronicState, type VoteDetail } from '@contracts/votes';
import { readTar } from '@belenios/archive';
import { type BallotAuditCheck, ballotAuditRecord, verifyBallotAudit } from '@belenios/audit';
import { type PreparedBallot, createBallot } from '@belenios/ballot';
import { checkCredential, generateCredential, publicCredential } from '@belenios/credentials';
import { partialDecrypt } from '@belenios/tally';
import { ceremonyStep1, ceremonyStep3, ceremonyStep5, recoverKeyShare } from '@belenios/trustees';
import { verifyArchive } from '@belenios/verify';
import { ApiError, api } from '../../ui/api';
import { useI18n } from '../../ui/i18n';
import { hasAnyRole, useSession } from '../../ui/session';
import { useApiQuery } from '../../ui/useApiQuery';
import { M } from './messages';
import { downloadText, loadSeed, saveSeed } from './trusteeStore';

type Run = (fn: () => Promise<unknown>) => Promise<void>;

/** Everything of an electronic vote that happens in the browser: keys, credentials, the booth, the board, the tally. */
export function ElectronicPanel({ vote, onChange }: { vote: VoteDetail; onChange: () => void }) {
  const { t, lang } = useI18n();
  const { roles } = useSession();
  const { message } = AntApp.useApp();
  const state = useApiQuery<ElectronicState>(`/api/votes/${vote.id}/electronic`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // shown once, right after they are made; kept here so the card survives the reload that follows
  const [slips, setSlips] = useState<{ fullName: string; credential: string }[] | null>(null);
  const s = state.data;
  if (!s) return <Card loading />;

  const run: Run = async (fn) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      state.reload();
      onChange();
    } catch (e) {
      setError(
        e instanceof ApiError
          ? [e.text(lang), ...e.details.map((d) => (lang === 'vi' ? d.message : d.messageEn))].join(' — ')
          : String(e),
      );
    } finally {
      setBusy(false);
    }
  };
  const base = `/api/votes/${vote.id}/electronic`;
  const isManager = hasAnyRole(roles, ['officer']);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="electronic-panel">
      {error ? (
        <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} data-testid="electronic-error" />
      ) : null}
      <Card title={t('votes.e.setup')} size="small">
        <Steps
          size="small"
          current={
            vote.status === 'setup'
              ? s.phase === 'keys_ready'
                ? s.credentialsIssued === s.voters
                  ? 2
                  : 1
                : 0
              : vote.status === 'voting'
                ? 3
                : vote.status === 'tallying'
                  ? 4
                  : 5
          }
          items={[
            { title: t('votes.e.stepKeys') },
            { title: t('votes.e.stepCredentials') },
            { title: t('votes.e.stepOpen') },
            { title: t('votes.e.stepVoting') },
            { title: t('votes.e.stepTally') },
          ]}
        />
        <Table
          style={{ marginTop: 12 }}
          rowKey="ordinal"
          size="small"
          pagination={false}
          dataSource={s.trustees}
          columns={[
            { title: t('votes.e.trustee'), dataIndex: 'fullName' },
            {
              title: t('votes.e.keyParts'),
              render: (_, x) => (
                <Tag color={x.voutput ? 'green' : 'default'}>{[x.cert, x.polynomial, x.voutput].filter(Boolean).length}/3</Tag>
              ),
            },
            { title: t('votes.e.decrypted'), render: (_, x) => (x.partialDecryption ? <Tag color="green">✓</Tag> : null) },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('votes.e.thresholdLine', { t: s.threshold, n: s.trustees.length, issued: s.credentialsIssued, voters: s.voters })}
        </Typography.Paragraph>
        {s.me.trusteeOrdinal && vote.status === 'setup' ? (
          <TrusteeCeremony vote={vote} state={s} run={run} busy={busy} base={base} />
        ) : null}
        {s.me.credentialAuthority && vote.status === 'setup' && (s.credentialsIssued === 0 || slips) ? (
          <CredentialAuthority state={s} run={run} busy={busy} base={base} slips={slips} setSlips={setSlips} />
        ) : null}
        {isManager && vote.status === 'setup' && s.phase === 'keys_ready' && s.credentialsIssued === s.voters ? (
          <Button type="primary" loading={busy} onClick={() => void run(() => api.post(`${base}/open`))} data-testid="e-open">
            {t('votes.e.open')}
          </Button>
        ) : null}
        {isManager && vote.status === 'voting' ? (
          <Button danger loading={busy} onClick={() => void run(() => api.post(`${base}/close`))} data-testid="e-close">
            {t('votes.e.close')}
          </Button>
        ) : null}
      </Card>
      {s.me.voter && vote.status === 'voting' && s.rawElection ? (
        <Booth
          vote={vote}
          rawElection={s.rawElection}
          base={base}
          onCast={(tr) => void message.success(t('votes.e.cast', { tracker: tr }))}
        />
      ) : null}
      {s.me.trusteeOrdinal && vote.status === 'tallying' && !s.trustees[s.me.trusteeOrdinal - 1]!.partialDecryption ? (
        <TrusteeDecrypt vote={vote} state={s} run={run} busy={busy} base={base} />
      ) : null}
      {vote.status !== 'setup' ? <Board base={base} /> : null}
    </Space>
  );
}

function TrusteeCeremony({
  vote,
  state,
  run,
  busy,
  base,
}: {
  vote: VoteDetail;
  state: ElectronicState;
  run: Run;
  busy: boolean;
  base: string;
}) {
  const { t } = useI18n();
  const me = state.trustees[state.me.trusteeOrdinal! - 1]!;
  const seed = loadSeed(vote.id);
  if (!me.cert) {
    return (
      <Space orientation="vertical">
        <Typography.Text>{t('votes.e.step1Help')}</Typography.Text>
        <Button
          type="primary"
          loading={busy}
          data-testid="e-step1"
          onClick={() =>
            void run(async () => {
              const s1 = ceremonyStep1();
              saveSeed(vote.id, s1.seed);
              downloadText(`khoa-kiem-phieu-${vote.id}.txt`, s1.seed);
              await api.post(`${base}/cert`, { cert: s1.cert });
            })
          }
        >
          {t('votes.e.step1')}
        </Button>
      </Space>
    );
  }
  if (!seed) return <Alert type="warning" showIcon title={t('votes.e.noSeed')} />;
  if (state.phase === 'polynomials' && !me.polynomial) {
    return (
      <Button
        type="primary"
        loading={busy}
        data-testid="e-step2"
        onClick={() =>
          void run(async () => api.post(`${base}/polynomial`, await ceremonyStep3(state.me.certs!, seed, state.threshold)))
        }
      >
        {t('votes.e.step2')}
      </Button>
    );
  }
  if (state.phase === 'voutputs' && !me.voutput && state.me.vinput) {
    return (
      <Button
        type="primary"
        loading={busy}
        data-testid="e-step3"
        onClick={() =>
          void run(async () => api.post(`${base}/voutput`, await ceremonyStep5(state.me.certs!, seed, state.me.vinput!)))
        }
      >
        {t('votes.e.step3')}
      </Button>
    );
  }
  return <Typography.Text type="secondary">{t('votes.e.waitOthers')}</Typography.Text>;
}

type Slip = { fullName: string; credential: string };
function CredentialAuthority(props: {
  state: ElectronicState;
  run: Run;
  busy: boolean;
  base: string;
  slips: Slip[] | null;
  setSlips: (s: Slip[]) => void;
}) {
  const { state, run, busy, base, slips, setSlips } = props;
  const { t } = useI18n();
  if (slips) {
    return (
      <Card size="small" title={t('votes.e.slips')} data-testid="e-slips">
        <Alert type="warning" showIcon title={t('votes.e.slipsHelp')} style={{ marginBottom: 8 }} />
        <Table
          rowKey="fullName"
          size="small"
          pagination={false}
          dataSource={slips}
          columns={[
            { title: t('votes.fullName'), dataIndex: 'fullName' },
            {
              title: t('votes.e.credential'),
              dataIndex: 'credential',
              render: (c: string) => (
                <Typography.Text code data-testid="e-slip-credential">
                  {c}
                </Typography.Text>
              ),
            },
          ]}
        />
        <Button style={{ marginTop: 8 }} onClick={() => window.print()}>
          {t('votes.e.print')}
        </Button>
      </Card>
    );
  }
  return (
    <Button
      type="primary"
      loading={busy}
      data-testid="e-credentials"
      onClick={() =>
        void run(async () => {
          const roster = await api.get<{ voters: { userId: string; fullName: string }[] }>(`${base}/roster`);
          const made = roster.voters.map((v) => ({ ...v, credential: generateCredential() }));
          await api.post(`${base}/credentials`, {
            credentials: made.map((m) => ({
              userId: m.userId,
              publicCredential: publicCredential(m.credential, state.uuid).toString(),
            })),
          });
          setSlips(made.map((m) => ({ fullName: m.fullName, credential: m.credential })));
        })
      }
    >
      {t('votes.e.makeCredentials')}
    </Button>
  );
}

function Booth({
  vote,
  rawElection,
  base,
  onCast,
}: {
  vote: VoteDetail;
  rawElection: string;
  base: string;
  onCast: (tracker: string) => void;
}) {
  const { t, lang, label } = useI18n();
  const voted = vote.subjects.filter((x) => !x.exemption);
  const [credential, setCredential] = useState('');
  const [choices, setChoicesState] = useState<(number | undefined)[]>(voted.map(() => undefined));
  const [tracker, setTracker] = useState<string | null>(null);
  // encrypted on this computer, not sent: the voter casts it or opens it to check it (Benaloh), never both
  const [prepared, setPrepared] = useState<(PreparedBallot & { plain: number[][] }) | null>(null);
  const [audited, setAudited] = useState<(BallotAuditCheck & { file: string }) | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shape = vote.ballot.shape;
  const options = BALLOT_OPTIONS[shape];
  const maxChoices = vote.ballot.maxChoices ?? 1;
  const picked = choices.filter((c) => c === 1).length;
  // a choice of names: tick between one and maxChoices names; otherwise one option per person
  const complete = shape === 'choice' ? picked >= 1 && picked <= maxChoices : choices.every((c) => c !== undefined);
  const ready = checkCredential(credential.trim()) && complete;
  const setChoices = (f: (cs: (number | undefined)[]) => (number | undefined)[]) => {
    setChoicesState(f);
    setPrepared(null); // a prepared ballot always holds the choices shown
  };
  const attempt = async (fn: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await fn();
    } catch (e) {
      setProblem(
        e instanceof ApiError
          ? `${e.text(lang)} ${e.details.map((d) => (lang === 'vi' ? d.message : d.messageEn)).join(' ')}`
          : String(e),
      );
    } finally {
      setBusy(false);
    }
  };
  const prepare = () =>
    attempt(async () => {
      const plain =
        shape === 'choice'
          ? [choices.map((c) => (c === 1 ? 1 : 0))]
          : choices.map((c) => options.map((_, j) => (j === c ? 1 : 0)));
      // encrypted, proved and signed here; only the ciphertext ever leaves this computer
      setPrepared({ ...createBallot(rawElection, credential.trim(), plain), plain });
      setTracker(null);
      setAudited(null);
    });
  const cast = () =>
    attempt(async () => {
      const res = await api.post<{ tracker: string }>(`${base}/ballots`, { ballot: prepared!.raw });
      setPrepared(null);
      setTracker(res.tracker);
      onCast(res.tracker);
    });
  const audit = () =>
    attempt(async () => {
      // the server is told to discard it (only its ciphertexts), then the choices and randomness are revealed here
      await api.post(`${base}/audited-ballots`, { ballot: prepared!.raw });
      const record = ballotAuditRecord(rawElection, prepared!, prepared!.plain);
      const file = `kiem-tra-phieu-${prepared!.tracker.slice(0, 8).replace(/[^A-Za-z0-9]/g, '_')}.json`;
      downloadText(file, JSON.stringify(record, null, 1));
      setAudited({ ...verifyBallotAudit(record), file });
      setPrepared(null);
    });
  return (
    <Card title={t('votes.e.booth')} size="small" data-testid="e-booth">
      <Typography.Paragraph type="secondary">{t('votes.e.boothHelp')}</Typography.Paragraph>
      <Input.Password
        value={credential}
        onChange={(e) => {
          setCredential(e.target.value);
          setPrepared(null);
        }}
        placeholder="XXX-XXX-XXX-XXX-XXX"
        style={{ maxWidth: 320 }}
        data-testid="e-credential"
      />
      {credential && !checkCredential(credential.trim()) ? (
        <Typography.Text type="danger"> {t('votes.e.badCredential')}</Typography.Text>
      ) : null}
      <Table
        style={{ marginTop: 12 }}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={voted}
        columns={[
          { title: t('votes.fullName'), render: (_, x) => `${x.fullName} — ${x.titleText}` },
          {
            title: t('votes.e.yourChoice'),
            render: (_, x, i) =>
              shape === 'choice' ? (
                <Checkbox
                  checked={choices[i] === 1}
                  onChange={(e) => setChoices((cs) => cs.map((c, k) => (k === i ? (e.target.checked ? 1 : 0) : c)))}
                  data-testid={`e-choice-${i}`}
                >
                  {label(BALLOT_OPTION_LABELS.chosen)}
                </Checkbox>
              ) : (
                <Radio.Group
                  value={choices[i]}
                  onChange={(e) => setChoices((cs) => cs.map((c, k) => (k === i ? (e.target.value as number) : c)))}
                  data-testid={`e-choice-${i}`}
                >
                  {options.map((o, j) => (
                    <Radio key={o} value={j}>
                      {label(BALLOT_OPTION_LABELS[o])}
                    </Radio>
                  ))}
                </Radio.Group>
              ),
          },
        ]}
      />
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 8 }} /> : null}
      {audited ? (
        <Alert
          type={audited.ok ? 'info' : 'error'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="e-audit-result"
          title={label(M.auditTitle)}
          description={
            <>
              {audited.ok ? (
                <>
                  <div>{label(M.auditOk).replace('{tracker}', audited.tracker ?? '')}</div>
                  <ul style={{ margin: '4px 0' }} data-testid="e-audit-choices">
                    {audited.choices!.map((c) => (
                      <li key={c.question}>
                        {c.question}: <b>{c.chosen.join(', ')}</b>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <div>
                  {label(M.auditFailed)} ({audited.error})
                </div>
              )}
              <Typography.Text type="secondary">{label(M.auditIndependent).replaceAll('{file}', audited.file)}</Typography.Text>
            </>
          }
        />
      ) : null}
      {prepared ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={label(M.preparedTitle)}
          description={
            <Space orientation="vertical">
              <Typography.Text code data-testid="e-prepared-tracker">
                {prepared.tracker}
              </Typography.Text>
              <Typography.Text type="secondary">{label(M.preparedHelp)}</Typography.Text>
              <Space wrap>
                <Button type="primary" loading={busy} onClick={() => void cast()} data-testid="e-cast">
                  {label(M.cast)}
                </Button>
                <Button loading={busy} onClick={() => void audit()} data-testid="e-audit">
                  {label(M.audit)}
                </Button>
              </Space>
            </Space>
          }
        />
      ) : null}
      {tracker ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          title={t('votes.e.trackerTitle')}
          description={
            <Typography.Text code copyable data-testid="e-tracker">
              {tracker}
            </Typography.Text>
          }
        />
      ) : null}
      {prepared ? null : (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          disabled={!ready}
          loading={busy}
          onClick={() => void prepare()}
          data-testid="e-submit"
        >
          {label(M.prepare)}
        </Button>
      )}
    </Card>
  );
}

function TrusteeDecrypt({
  vote,
  state,
  run,
  busy,
  base,
}: {
  vote: VoteDetail;
  state: ElectronicState;
  run: Run;
  busy: boolean;
  base: string;
}) {
  const { t } = useI18n();
  const [seed, setSeed] = useState(loadSeed(vote.id) ?? '');
  return (
    <Card title={t('votes.e.decrypt')} size="small" data-testid="e-decrypt">
      <Typography.Paragraph type="secondary">{t('votes.e.decryptHelp')}</Typography.Paragraph>
      {!loadSeed(vote.id) ? (
        <Input
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
          placeholder={t('votes.e.seedPlaceholder')}
          style={{ maxWidth: 360 }}
        />
      ) : null}
      <Button
        type="primary"
        loading={busy}
        disabled={!seed}
        style={{ marginLeft: 8 }}
        data-testid="e-decrypt-button"
        onClick={() =>
          void run(async () => {
            const res = await fetch(`${base}/archive.bel`, { credentials: 'same-origin' });
            const archive = new Uint8Array(await res.arrayBuffer());
            // the trustee's browser audits the whole board and takes the tally from it, not from the server's word
            const audited = verifyArchive(archive);
            const entries = readTar(archive);
            const text = (b: Uint8Array) => new TextDecoder().decode(b);
            const sized = JSON.parse(text(entries.find((e) => text(e.content).startsWith('{"num_tallied"'))!.content)) as {
              encrypted_tally: string;
            };
            const tally = JSON.parse(text(entries.find((e) => e.name === `${sized.encrypted_tally}.data.json`)!.content));
            const share = await recoverKeyShare(seed.trim(), state.me.encryptedKeyShare!);
            await api.post(`${base}/partial-decryption`, partialDecrypt(tally, share, audited.fingerprint));
          })
        }
      >
        {t('votes.e.decryptButton')}
      </Button>
    </Card>
  );
}

function Board({ base }: { base: string }) {
  const { t } = useI18n();
  const board = useApiQuery<{ head: string | null; trackers: { tracker: string; height: number }[]; ballotsTallied: number }>(
    `${base}/board`,
  );
  const [lookup, setLookup] = useState('');
  const found = lookup.trim() ? board.data?.trackers.some((x) => x.tracker === lookup.trim()) : undefined;
  return (
    <Card title={t('votes.e.board')} size="small" data-testid="e-board">
      <Typography.Paragraph type="secondary">{t('votes.e.boardHelp')}</Typography.Paragraph>
      <Space wrap>
        <Input
          value={lookup}
          onChange={(e) => setLookup(e.target.value)}
          placeholder={t('votes.e.trackerPlaceholder')}
          style={{ width: 420 }}
          data-testid="e-lookup"
        />
        {found === undefined ? null : found ? (
          <Tag color="green" data-testid="e-lookup-found">
            {t('votes.e.found')}
          </Tag>
        ) : (
          <Tag color="red" data-testid="e-lookup-missing">
            {t('votes.e.notFound')}
          </Tag>
        )}
        <Button href={`${base}/archive.bel`}>{t('votes.e.download')}</Button>
      </Space>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        {t('votes.e.boardLine', { n: board.data?.trackers.length ?? 0 })}{' '}
        {board.data?.head ? (
          <Typography.Text code style={{ fontSize: 11 }}>
            {board.data.head}
          </Typography.Text>
        ) : null}
      </Typography.Paragraph>
    </Card>
  );
}
