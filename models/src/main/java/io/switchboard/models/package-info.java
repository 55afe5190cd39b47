/**
 * The Switchboard domain: immutable records and enums shared by every module.
 * Nothing here talks to a database, a network or a clock; validation that needs no outside
 * state lives in the compact constructors so an invalid value cannot be built.
 */
package io.switchboard.models;
