/**
 * The HTTP API's frame: its root path and the mapping of every failure to an RFC 9457 problem
 * body ({@code application/problem+json}).
 */
package io.kamea.web;
