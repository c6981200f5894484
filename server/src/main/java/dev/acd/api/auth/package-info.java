/** Who is calling the API: logins against the configured users, sessions, and the throttle on failed logins. */
package dev.acd.api.auth;
