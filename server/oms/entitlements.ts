import type { UserProfile } from '../../src/core/users.ts';

/**
 * Who sees what: a trader their own orders and positions, an advisor whatever
 * sits in their clients' accounts, a desk head everything. One rule for the
 * order blotter, the execution feed and positions.
 */
export function canSee(user: Pick<UserProfile, 'username' | 'role' | 'accounts'>, item: { trader: string; account: string }): boolean {
  switch (user.role) {
    case 'deskHead':
      return true;
    case 'trader':
      return item.trader === user.username;
    case 'advisor':
      // Their clients' accounts, and the block orders they placed for them (allocated to those accounts after the fills).
      return user.accounts.includes(item.account) || (item.trader === user.username && item.account === `BLOCK-${user.username}`);
  }
}
