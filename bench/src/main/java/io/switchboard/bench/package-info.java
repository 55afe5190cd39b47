/** JMH benchmarks and the concurrent-call load generator. */
package io.switchboard.bench;
