/** Domain types of the contact center: reps, customers, segments, skills, queues with tiers, lines, and the routing model they form. */
package dev.acd.core.model;
