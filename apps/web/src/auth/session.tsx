import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, tokenStore } from '../api/client';
import type { components } from '../api/schema';
import { clearOidcUser } from './oidc';

export type CurrentUser = components['schemas']['MeDto'];
/** Any person as the API lists them. */
export type Person = components['schemas']['UserSummaryDto'];
/** An action of the API's permissions table (libs/domain/src/permissions.ts). */
export type Action = CurrentUser['mayDo'][number];
/** A role as the API names it. */
export type Role = NonNullable<components['schemas']['CreateUserDto']['roles']>[number];

interface Session {
  user: CurrentUser | null;
  loading: boolean;
  /** Stores the token and loads the user; false when the API does not accept it. */
  signIn(token: string): Promise<boolean>;
  signOut(): void;
  /** Whether some role of the user's may do this (the API's answer, GET /api/auth/me; each object is checked again). */
  may(action: Action): boolean;
  /** Whether some role of the user's may do this on anyone's object, not only their own (the API's answer). */
  mayForAll(action: Action): boolean;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in (from GET /api/auth/me with the stored token); null when nobody is. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [loading, setLoading] = useState(true);
  // What one person was shown must never be shown to the next one signing in in this tab.
  const queries = useQueryClient();

  const load = useCallback(async (): Promise<boolean> => {
    if (!tokenStore.get()) {
      setUser(null);
      setLoading(false);
      return false;
    }
    const { data } = await api.GET('/api/auth/me');
    if (!data) tokenStore.set(null);
    setUser(data ?? null);
    setLoading(false);
    return Boolean(data);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const session: Session = {
    user,
    loading,
    async signIn(token) {
      queries.clear();
      tokenStore.set(token);
      setLoading(true);
      return load();
    },
    signOut() {
      queries.clear();
      tokenStore.set(null);
      setUser(null);
      void clearOidcUser();
    },
    may: (action) => Boolean(user?.mayDo.includes(action)),
    mayForAll: (action) => Boolean(user?.mayDoForAll.includes(action)),
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
