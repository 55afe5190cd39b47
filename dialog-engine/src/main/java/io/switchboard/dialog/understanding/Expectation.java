package io.switchboard.dialog.understanding;

/** What the dialog asked for last; it lets a bare answer ("john smith", "3", "the second one") be read as that. */
public enum Expectation {
    NONE,
    YES_NO,
    NAME,
    PHONE,
    ADDRESS,
    PROBLEM,
    SERVICE,
    DATE_TIME,
    PIN,
    SLOT_CHOICE
}
