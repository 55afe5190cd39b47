/**
 * One phone call's voice loop: caller audio from the network thread into a ring buffer, a listening thread that
 * decodes, detects speech, recognises it and decides where a turn ends, and a speaking thread that asks the dialog
 * engine and streams the reply back as paced 20 ms frames with marks, stopping at once on barge-in.
 */
package io.switchboard.media.call;
