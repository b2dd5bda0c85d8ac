import { Empty, Flex, Tooltip, Typography } from 'antd';
import { ITEM_STATUS_LABELS, MILESTONE_STAGE_LABELS, type ProgrammeItem } from '@contracts/programme';
import { formatDate, useI18n } from '../../ui/i18n';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Position of a date in the year, 0–100 %, clamped to the year's edges. */
function at(iso: string, year: number): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Math.min(100, Math.max(0, ((t - start) / (end - start)) * 100));
}

function color(item: ProgrammeItem): string {
  if (item.status === 'completed') return '#52c41a';
  if (item.overdue) return '#cf1322';
  return '#1677ff';
}

/** One row per item: a bar from its first milestone to its due date, milestones as dots (filled when done). */
export function TimelineChart({ year, items }: { year: number; items: ProgrammeItem[] }) {
  const { t, label } = useI18n();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prog.noItems')} />;
  const today = new Date().toISOString().slice(0, 10);
  const todayAt = today.startsWith(String(year)) ? at(today, year) : null;
  return (
    <div data-testid="timeline" style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 12px', overflowX: 'auto' }}>
      <div style={{ display: 'grid', gridTemplateColumns: '260px 1fr', minWidth: 820 }}>
        <div />
        <Flex>
          {MONTHS.map((m) => (
            <Typography.Text
              key={m}
              type="secondary"
              style={{ flex: 1, fontSize: 12, borderLeft: '1px solid #f0f0f0', paddingLeft: 4 }}
            >
              {t('prog.month', { m })}
            </Typography.Text>
          ))}
        </Flex>
        {items.map((item) => {
          const first = item.milestones[0]?.dueOn ?? item.dueOn;
          const left = at(first < item.dueOn ? first : item.dueOn, year);
          const right = at(item.dueOn, year);
          return (
            <div key={item.id} style={{ display: 'contents' }}>
              <Typography.Text ellipsis={{ tooltip: item.title }} style={{ fontSize: 13, paddingRight: 8, lineHeight: '28px' }}>
                <Typography.Text strong>{item.code}</Typography.Text> {item.title}
              </Typography.Text>
              <div style={{ position: 'relative', height: 28, borderBottom: '1px dashed #f5f5f5' }}>
                {todayAt !== null ? (
                  <div
                    style={{ position: 'absolute', left: `${todayAt}%`, top: 0, bottom: 0, borderLeft: '1px dashed #faad14' }}
                  />
                ) : null}
                <Tooltip title={`${label(ITEM_STATUS_LABELS[item.status])} — ${t('prog.dueOn')}: ${formatDate(item.dueOn)}`}>
                  <div
                    style={{
                      position: 'absolute',
                      left: `${left}%`,
                      width: `${Math.max(0.8, right - left)}%`,
                      top: 10,
                      height: 8,
                      borderRadius: 4,
                      background: color(item),
                      opacity: 0.75,
                    }}
                  />
                </Tooltip>
                {item.milestones.map((m) => (
                  <Tooltip
                    key={m.stage}
                    title={`${label(MILESTONE_STAGE_LABELS[m.stage])}: ${formatDate(m.dueOn)}${m.doneOn ? ' ✓' : ''}`}
                  >
                    <div
                      style={{
                        position: 'absolute',
                        left: `calc(${at(m.dueOn, year)}% - 5px)`,
                        top: 9,
                        width: 10,
                        height: 10,
                        borderRadius: 5,
                        border: `2px solid ${color(item)}`,
                        background: m.doneOn ? color(item) : '#fff',
                      }}
                    />
                  </Tooltip>
                ))}
              </div>
            </div>
          );
        })}
      </div>
      <Flex gap={16} style={{ marginTop: 8, fontSize: 12 }}>
        <span style={{ color: '#52c41a' }}>■ {label(ITEM_STATUS_LABELS.completed)}</span>
        <span style={{ color: '#1677ff' }}>■ {t('prog.onTrack')}</span>
        <span style={{ color: '#cf1322' }}>■ {t('prog.overdue')}</span>
        <span style={{ color: '#faad14' }}>┆ {t('prog.today')}</span>
      </Flex>
    </div>
  );
}
