// The three roles, each with the rights of the one before (io.kamea.access.Role), and what the
// UI offers to each: an action the role may not do is not shown at all.

export const ROLES = ['viewer', 'operator', 'admin'];

/** The least role that may do each thing. */
const LEAST_ROLE = {
  read: 'viewer',
  configure: 'operator', // replace a device's desired configuration
  command: 'operator', // send a device a command
  approve: 'operator', // approve a pending device
  provision: 'admin', // create a device
  delete: 'admin',
  disable: 'admin', // disable and enable
  ban: 'admin', // ban a device's certificate or CN, add or lift a ban
  purge: 'admin', // purge a store of rejected messages
  keys: 'admin', // the API keys page
  users: 'admin', // the users page
  audit: 'admin', // the audit page
};

const rank = (role) => ROLES.indexOf(role);

/** Whether role may do right; an unknown role or right may do nothing. */
export function may(role, right) {
  const least = LEAST_ROLE[right];
  return least !== undefined && rank(role) >= 0 && rank(role) >= rank(least);
}
