package io.switchboard.dialog.corpus;

/**
 * The corpus categories: one per failure family of the conversation issue, plus a plain baseline, then the scope,
 * ambiguous-service, FAQ-by-meaning and dentist families of the services-and-scope issue.
 */
enum Category {
    PLAIN("plain booking (baseline)"),
    QUESTION_AND_BOOKING("question and booking in one message"),
    OPTION_PICK("picks an offered option"),
    TAKEN_SLOT("wanted time taken, picks an alternative"),
    FLAT_UNIT_ADDRESS("flat / unit / basement address"),
    NAMES("names as people have them"),
    ADDRESS_ACROSS_TURNS("address across turns"),
    SPOKEN_POSTCODE("spoken postcode (voice)"),
    EMAIL_GIVEN("email given"),
    CORRECTIONS("corrections"),
    ANYTHING_SOONER("anything sooner?"),
    BARE_NO("bare no at confirmation"),
    DATES_AS_SAID("dates as people say them"),
    TIMES_AS_SAID("times as people say them"),
    OUT_OF_RANGE("beyond horizon or closed day"),
    A_OR_B("A or B"),
    CHANGE_OF_MIND("changes mind mid-way"),
    RESCHEDULE("reschedules an existing booking"),
    CANCEL("cancels an existing booking"),
    SCOPE("asks for work the business does not do"),
    AMBIGUOUS_SERVICE("names a service two could fit"),
    FAQ_BY_MEANING("asks an FAQ question in other words"),
    DENTIST("books at the dentist (no address, own greeting)"),
    SAFETY("describes a danger (gas, water near electrics)"),
    HAND_OFF("asks for a person or a call back");

    /** Played against the sample dental practice instead of the sample plumber. */
    boolean dentist() {
        return this == DENTIST;
    }

    final String label;

    Category(String label) {
        this.label = label;
    }
}
