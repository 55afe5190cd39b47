/**
 * The knowledge layer between the rules and the LLM: an on-box sentence embedding model (quantised
 * all-MiniLM-L6-v2, run in-process by ONNX Runtime from inside the jar, no network) that answers FAQ questions by
 * meaning, finds the service a problem description needs, tells requests the business does not do, and backs the
 * intent rules off when they are unsure. Its answers are readings, checked like the LLM's, never decisions.
 */
package io.switchboard.dialog.knowledge;
