/**
 * The owner's call log: every answered voice call with its outcome and, per turn, what was heard, what was said and
 * how long each stage took. Finished calls are handed to a {@link io.switchboard.telephony.calllog.CallLogWriter}
 * (bounded queue, own thread) so no call waits for the database; {@link
 * io.switchboard.telephony.calllog.CallLogRetention} deletes calls past their retention; {@link
 * io.switchboard.telephony.calllog.CallSummary} writes the owner's one-line text. The stored words and numbers are
 * personal data.
 */
package io.switchboard.telephony.calllog;
