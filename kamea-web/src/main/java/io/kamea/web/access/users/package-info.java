/** {@code /api/users}: admins make, list, re-role and remove the built-in users. */
package io.kamea.web.access.users;
