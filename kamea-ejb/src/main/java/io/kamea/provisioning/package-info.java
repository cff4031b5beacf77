/**
 * Device provisioning: creating a device, its broker account and its topics, and removing them,
 * so that a device never exists on one side (database or broker) without the other.
 */
package io.kamea.provisioning;
