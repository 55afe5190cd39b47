/**
 * Safety first: recognising the dangers a business's profile names (gas, water near electrics) in what a caller says,
 * so its advice is said before any booking question. Rules ({@link io.switchboard.dialog.safety.SignMatcher}) come
 * first; {@link io.switchboard.dialog.safety.SafetyRecognizer} lets a semantic layer follow them.
 */
package io.switchboard.dialog.safety;
