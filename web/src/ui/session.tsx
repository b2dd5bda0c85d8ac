import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginBody, Me, SessionResponse } from '@contracts/auth';
import type { Role } from '@contracts/common';
import { ApiError, onUnauthorized, request, setCsrfToken } from './api';
import { navigate } from './router';

/** undefined while /api/auth/me is in flight, null when signed out. */
type SessionUser = Me | null | undefined;

interface Session {
  user: SessionUser;
  roles: ReadonlySet<Role>;
  login: (body: LoginBody) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser>(undefined);

  const accept = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
  }, []);

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
  }, []);

  useEffect(() => {
    onUnauthorized(() => {
      signedOut();
      if (window.location.pathname !== '/login') navigate('/login', { replace: true });
    });
    return () => onUnauthorized(null);
  }, [signedOut]);

  // Restore the session from the cookie on load.
  useEffect(() => {
    let cancelled = false;
    request<SessionResponse>('GET', '/api/auth/me', { allowUnauthorized: true })
      .then((session) => {
        if (!cancelled) accept(session);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        signedOut();
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
      });
    return () => {
      cancelled = true;
    };
  }, [accept, signedOut]);

  const login = useCallback(
    async (body: LoginBody) => {
      accept(await request<SessionResponse>('POST', '/api/auth/login', { body, allowUnauthorized: true }));
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await request<void>('POST', '/api/auth/logout', { allowUnauthorized: true });
    } catch (error) {
      // The local session is dropped either way; the server session expires on its own.
      console.warn('logout failed', error);
    }
    signedOut();
    navigate('/login');
  }, [signedOut]);

  const value = useMemo<Session>(
    () => ({ user, roles: new Set(user?.grants.map((grant) => grant.role) ?? []), login, logout }),
    [user, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** True when the user holds at least one of the roles (or when no roles are required). */
export function hasAnyRole(userRoles: ReadonlySet<Role>, required: readonly Role[] | undefined): boolean {
  return !required || required.some((role) => userRoles.has(role));
}
