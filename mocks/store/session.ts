// Who is calling: the signed-in session's user, or the user a request's bearer token names, and
// what their role allows. Requests are handled one at a time, so one request's caller is never
// seen by another.
import { can, permissionsFor, type Actor, type Permission } from '../../src/engine/index.js';
import { ProblemError, invalid } from './problems.js';
import type { MockDatabase, MockUser } from './types.js';

/** A caller as the author of what it changes: the integration's role makes it an `integration`. */
export function actorOf(user: Pick<MockUser, 'id' | 'role'>): Actor {
  return { type: user.role === 'integration' ? 'integration' : 'user', id: user.id };
}

export class Session {
  /** The bearer token's user of the request being handled, if it named one (see `actingAs`). */
  private acting: string | null = null;
  private turn: Promise<void> = Promise.resolve();

  /** Reads `users` and `currentUserId` from `db`, and writes `currentUserId` there. */
  constructor(private readonly db: Pick<MockDatabase, 'users' | 'currentUserId'>) {}

  /** The caller of the request being handled: its bearer token's user, else the session's. */
  currentUser(): MockUser {
    const id = this.acting ?? this.db.currentUserId;
    const user = this.db.users.find((u) => u.id === id);
    if (!user) throw new ProblemError('unauthenticated', 'No user is signed in.');
    return user;
  }

  /**
   * Who a request comes from. `Authorization: Bearer mock:<userId>` names a user for that request
   * alone (how the host's messaging integration calls, with its own credential); without it, the
   * signed-in session's user. Throws 401 for a token naming nobody, or when nobody is signed in.
   */
  callerOf(authorization: string | null): MockUser {
    const token = /^Bearer mock:(.+)$/.exec(authorization ?? '')?.[1];
    if (token === undefined) return this.currentUser();
    const user = this.db.users.find((u) => u.id === token);
    if (!user) throw new ProblemError('unauthenticated', 'This token names no user.');
    return user;
  }

  /**
   * Runs one request's work as `userId` (null: the session's user). Requests are handled one at a
   * time, like transactions, so the caller of one is never seen by another.
   */
  actingAs<T>(userId: string | null, work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(async () => {
      this.acting = userId;
      try {
        return await work();
      } finally {
        this.acting = null;
      }
    });
    this.turn = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Throws 403 unless the current user's role grants `permission`, whatever the UI showed. */
  authorize(permission: Permission): MockUser {
    const user = this.currentUser();
    if (!can(user.role, permission)) {
      throw new ProblemError('forbidden', `Your role (${user.role}) does not allow ${permission}.`);
    }
    return user;
  }

  me() {
    const user = this.currentUser();
    return { user: { id: user.id, name: user.name, email: user.email }, role: user.role, permissions: [...permissionsFor(user.role)] };
  }

  /** Signs in as `userId`, or signs out with `null` (every API call then answers 401). */
  switchUser(userId: string | null) {
    if (userId !== null && !this.db.users.some((u) => u.id === userId)) throw invalid('userId', `no user ${userId}`);
    this.db.currentUserId = userId;
  }
}
