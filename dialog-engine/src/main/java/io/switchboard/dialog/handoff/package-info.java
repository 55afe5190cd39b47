/** Hand-offs to a person: recognising the request ({@link io.switchboard.dialog.handoff.PersonRequest}). */
package io.switchboard.dialog.handoff;
