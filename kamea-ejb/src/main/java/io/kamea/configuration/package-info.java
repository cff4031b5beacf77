/**
 * Device configurations, kept as full documents: each report replaces the previous one, and a
 * key that is missing means that configuration was removed.
 */
package io.kamea.configuration;
