import { useEffect, useState } from 'react';
import { Button, Layout, Menu, Result, Typography } from 'antd';
import type { Me } from '@contracts/auth';
import { useI18n } from '../../ui/i18n';
import { navigate, useLocation, Link } from '../../ui/router';
import { hasAnyRole, useSession } from '../../ui/session';
import { findModule, MENU_GROUPS, MODULES, type FeatureModule, type MenuGroup } from '../registry';
import { UserMenu } from './UserMenu';

/** The signed-in frame: header, menu of the modules this user may open, and the current page. */
export function AppShell({ user }: { user: Me }) {
  const { t, label } = useI18n();
  const { roles } = useSession();
  const pathname = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const visible = MODULES.filter((module) => hasAnyRole(roles, module.roles));
  const current = findModule(pathname);
  const allowed = current !== undefined && hasAnyRole(roles, current.roles);

  useEffect(() => {
    document.title = current ? `${label(current.label)} — ${t('app.name')}` : t('app.name');
  }, [current, label, t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Link to="/" style={{ display: 'flex', alignItems: 'baseline', gap: 12, color: '#fff', whiteSpace: 'nowrap' }}>
          <span style={{ fontSize: 20, fontWeight: 700, letterSpacing: 0.5 }}>{t('app.name')}</span>
          <span style={{ fontSize: 14, opacity: 0.85 }} className="canbo-tagline">
            {t('app.tagline')}
          </span>
        </Link>
        <div style={{ flex: 1 }} />
        <UserMenu user={user} />
      </Layout.Header>
      <Layout style={{ flex: 1 }}>
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={232}
          theme="light"
          // Sticky with its own scroll: the collapse trigger is pinned to the window's bottom and must not cover items.
          style={{
            borderRight: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            height: 'calc(100vh - 64px)',
            overflowY: 'auto',
          }}
        >
          <Menu
            mode="inline"
            selectedKeys={current ? [current.key] : []}
            items={menuItems(visible, label)}
            onClick={({ key }) => {
              const target = visible.find((module) => module.key === key);
              if (target) navigate(target.path);
            }}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <div style={{ background: '#fff', padding: 24, borderRadius: 4, minHeight: '100%' }}>
            {allowed ? current.element : <Unavailable forbidden={current !== undefined} />}
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Ungrouped modules (home) first, then one titled section per group that has a visible module. */
function menuItems(visible: readonly FeatureModule[], label: (text: { vi: string; en: string }) => string) {
  const item = (module: FeatureModule) => ({ key: module.key, icon: module.icon, label: label(module.label) });
  const groups = (Object.keys(MENU_GROUPS) as MenuGroup[])
    .map((group) => ({ group, modules: visible.filter((m) => m.group === group) }))
    .filter((g) => g.modules.length > 0)
    .map((g) => ({
      type: 'group' as const,
      key: `group-${g.group}`,
      label: label(MENU_GROUPS[g.group]),
      children: g.modules.map(item),
    }));
  return [...visible.filter((m) => m.group === undefined).map(item), ...groups];
}

function Unavailable({ forbidden }: { forbidden: boolean }) {
  const { t } = useI18n();
  return (
    <Result
      status={forbidden ? '403' : '404'}
      title={forbidden ? '403' : '404'}
      subTitle={<Typography.Text>{t(forbidden ? 'page.forbidden' : 'page.notFound')}</Typography.Text>}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('page.backHome')}
        </Button>
      }
    />
  );
}
