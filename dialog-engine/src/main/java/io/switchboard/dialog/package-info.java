/** The conversation: text in, text and actions out, for every channel. */
package io.switchboard.dialog;
