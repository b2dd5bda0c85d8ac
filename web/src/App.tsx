import { useEffect, useRef } from 'react';
import { Flex, Spin } from 'antd';
import { AppShell } from './features/shell/AppShell';
import { LoginPage } from './features/login/LoginPage';
import { PublicRetirementPage } from './features/policy/RetirementPage';
import { navigate, useLocation } from './ui/router';
import { useSession } from './ui/session';

const LOGIN_PATH = '/login';
/** Pages anyone may open without signing in. */
const PUBLIC_PATHS = new Set(['/retirement']);

/** Chooses between the login page and the signed-in shell, remembering where the user was going. */
export function App() {
  const { user } = useSession();
  const pathname = useLocation();
  const returnTo = useRef('/');

  const isPublic = PUBLIC_PATHS.has(pathname.replace(/\/+$/, ''));
  const mustSignIn = user === null && pathname !== LOGIN_PATH && !isPublic;
  const alreadySignedIn = user && pathname === LOGIN_PATH;

  useEffect(() => {
    if (mustSignIn) {
      returnTo.current = window.location.pathname + window.location.search;
      navigate(LOGIN_PATH, { replace: true });
    } else if (alreadySignedIn) {
      navigate('/', { replace: true });
    }
  }, [mustSignIn, alreadySignedIn]);

  if (user === undefined) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (user === null && isPublic) return <PublicRetirementPage />;
  if (user === null || pathname === LOGIN_PATH) {
    return (
      <LoginPage
        onSignedIn={() => {
          const target = returnTo.current;
          returnTo.current = '/';
          navigate(target === LOGIN_PATH ? '/' : target, { replace: true });
        }}
      />
    );
  }
  return <AppShell user={user} />;
}
