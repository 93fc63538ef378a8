/** Who is calling: resolved once by the HTTP layer, passed to every domain call. */
export type Actor = { orgId: string; userId: string; role: 'admin' | 'member' };
