import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { User } from './types';

/** The users (auditors and admins may list them): to pick an actor and show names. Empty if not allowed. */
export function useUsers(): User[] {
  const [users, setUsers] = useState<User[]>([]);
  useEffect(() => {
    void api.GET('/api/users').then(({ data }) => setUsers(data ?? []));
  }, []);
  return users;
}
