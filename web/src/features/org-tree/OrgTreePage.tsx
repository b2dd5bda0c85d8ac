import { useCallback, useEffect, useState } from 'react';
import { Alert, Card, DatePicker, Empty, Flex, Space, Tabs, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { ORGANIZATION_LEVEL_LABELS, type OrganizationNode, type organizationTreeSchema } from '@contracts/organizations';
import { ApiError, api } from '../../ui/api';
import { ApiErrorAlert } from '../../ui/errors';
import { formatDate, useI18n } from '../../ui/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { OrgChart } from './OrgChart';
import { OrgHistory } from './OrgHistory';
import { SeatWatchList } from './SeatWatchList';

type TreeResponse = z.infer<typeof organizationTreeSchema>;
type Node = TreeDataNode & { org: OrganizationNode };

const toNode = (org: OrganizationNode): Node => ({
  key: org.id,
  title: org.name,
  isLeaf: org.childCount === 0,
  org,
});

function replaceChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children }
      : n.children
        ? { ...n, children: replaceChildren(n.children as Node[], key, children) }
        : n,
  );
}

/** The organization tree as it stood on a chosen day; a unit's seats (org chart) and history beside it. */
export function OrgTreePage() {
  const { t, label } = useI18n();
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const [nodes, setNodes] = useState<Node[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [selected, setSelected] = useState<OrganizationNode | null>(null);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const day = asOf.format('YYYY-MM-DD');

  useEffect(() => {
    let live = true;
    setExpanded([]);
    setSelected(null);
    api
      .get<TreeResponse>('/api/organizations/tree', { asOf: day })
      .then((r) => {
        if (!live) return;
        setNodes(r.items.map(toNode));
        setError(null);
        setExpanded(r.items.map((i) => i.id));
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : new ApiError(0, null)));
    return () => {
      live = false;
    };
  }, [day]);

  const loadChildren = useCallback(
    async (node: Node) => {
      if (node.children) return;
      const r = await api.get<TreeResponse>('/api/organizations/tree', { asOf: day, parentId: String(node.key) });
      setNodes((prev) => replaceChildren(prev, String(node.key), r.items.map(toNode)));
    },
    [day],
  );

  return (
    <>
      <PageHeader
        title={t('tree.title')}
        intro={t('tree.intro')}
        extra={
          <Space>
            <Typography.Text>{t('tree.asOf')}</Typography.Text>
            <span data-testid="tree-as-of">
              <DatePicker
                value={asOf}
                format="DD/MM/YYYY"
                allowClear={false}
                onChange={(d) => d && setAsOf(d)}
                aria-label={t('tree.asOf')}
              />
            </span>
          </Space>
        }
      />
      {error ? <ApiErrorAlert error={error} /> : null}
      <Flex gap={16} align="flex-start" wrap>
        <Card size="small" title={t('tree.unitsOn', { date: formatDate(day) })} style={{ flex: '1 1 360px', minWidth: 320 }}>
          {nodes.length === 0 ? (
            <Empty description={t('tree.noneOnDay')} />
          ) : (
            <Tree<Node>
              key={day}
              treeData={nodes}
              loadData={loadChildren}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys)}
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(_, info) => setSelected(info.node.org)}
              titleRender={(n) => (
                <span data-testid={`tree-node-${n.org.code}`}>
                  {n.org.name}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {label(ORGANIZATION_LEVEL_LABELS[n.org.level])}
                    {n.org.childCount ? ` · ${n.org.childCount}` : ''}
                  </Typography.Text>
                </span>
              )}
              style={{ maxHeight: 640, overflow: 'auto' }}
            />
          )}
        </Card>
        <Card size="small" style={{ flex: '2 1 520px', minWidth: 360 }} title={selected ? selected.name : t('tree.pick')}>
          {selected ? (
            <>
              <Space wrap style={{ marginBottom: 8 }}>
                <Tag>{selected.code}</Tag>
                <Typography.Text type="secondary">
                  {t('tree.validity', {
                    from: formatDate(selected.validFrom),
                    to: selected.validTo ? formatDate(selected.validTo) : t('tree.now'),
                  })}
                </Typography.Text>
              </Space>
              <Tabs
                items={[
                  { key: 'chart', label: t('chart.tab'), children: <OrgChart organizationId={selected.id} asOf={day} /> },
                  { key: 'watch', label: t('watch.tab'), children: <SeatWatchList organizationId={selected.id} asOf={day} /> },
                  { key: 'history', label: t('tree.history'), children: <OrgHistory organizationId={selected.id} /> },
                ]}
              />
            </>
          ) : (
            <Alert type="info" showIcon title={t('tree.pickHelp')} />
          )}
        </Card>
      </Flex>
    </>
  );
}
