export const ROLES = ['trader', 'advisor', 'deskHead'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABEL: Record<Role, string> = {
  trader: 'Trader',
  advisor: 'Financial advisor',
  deskHead: 'Desk head',
};

/** Who is logged in, as the terminal and the gateway's rules see them. */
export interface UserProfile {
  username: string;
  displayName: string;
  role: Role;
  desk: string;
  /** Accounts the user may trade for (a trader's books, an advisor's client accounts). */
  accounts: string[];
}
