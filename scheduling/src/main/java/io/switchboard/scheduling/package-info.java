/** Availability and booking against PostgreSQL; the database, not Java, has the last word on double-booking. */
package io.switchboard.scheduling;
