/**
 * The audit trail over HTTP: every state-changing call and every login is recorded as it is
 * answered ({@link io.kamea.web.audit.AuditFilter}); admins read it ({@code GET /api/audit}).
 */
package io.kamea.web.audit;
