import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Divider, Flex, Popover, Typography } from 'antd';
import type { Me } from '@contracts/auth';
import { ROLE_LABELS } from '@contracts/common';
import { useI18n } from '../../ui/i18n';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useSession } from '../../ui/session';
import { BRAND_RED } from '../../ui/theme';

/** The header button that opens the user card. */
export function UserMenu({ user }: { user: Me }) {
  return (
    <Popover trigger="click" placement="bottomRight" content={<UserCard user={user} />}>
      <Button type="text" data-testid="user-menu" style={{ color: '#fff', height: 40 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#fff', color: BRAND_RED }} />
        <span>{user.fullName}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Popover>
  );
}

/** Who is signed in, in which roles and scopes, the language switch and sign-out. */
function UserCard({ user }: { user: Me }) {
  const { t } = useI18n();
  const { logout } = useSession();
  return (
    <Flex vertical gap={8} style={{ minWidth: 280, maxWidth: 380 }}>
      <div>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {user.fullName}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">{user.username}</Typography.Text>
      </div>
      <GrantList user={user} />
      <Divider style={{ margin: '4px 0' }} />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('common.language')}</Typography.Text>
        <LanguageSwitch />
      </Flex>
      <Button danger block icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
        {t('shell.logout')}
      </Button>
    </Flex>
  );
}

function GrantList({ user }: { user: Me }) {
  const { t, label } = useI18n();
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('shell.grants')}
      </Typography.Text>
      {user.grants.length === 0 ? (
        <div>{t('shell.noGrants')}</div>
      ) : (
        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }} data-testid="user-grants">
          {user.grants.map((grant) => (
            <li key={`${grant.role}:${grant.organizationId}`}>
              {label(ROLE_LABELS[grant.role])} — {grant.organizationName}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
