package io.switchboard.dialog.knowledge;

import java.util.List;

/**
 * Work that small service businesses do, across trades and clinics. A business's own services remove what it
 * does from this list (a plumber keeps "car repair" and drops "leaking pipe"); what is left is what a caller may
 * ask for that the business declines.
 */
final class WorkCatalogue {

    private WorkCatalogue() {
    }

    static final List<String> WORK = List.of(
            // motor
            "car repair", "fixing my car", "car service and MOT", "my car won't start", "van repair",
            "motorbike repair", "new tyres for my car",
            // electrical
            "electrical work", "rewiring the house", "fitting new sockets and light switches", "the lights keep tripping the fuse box", "rewire my kitchen",
            "installing an electric car charger", "electrician",
            // building and home
            "roof repair", "fixing roof tiles", "building an extension", "plastering a wall", "bricklaying",
            "painting and decorating", "laying a carpet", "fitting a new kitchen", "window cleaning",
            "replacing windows and doors", "locksmith, locked out of my house", "gardening and lawn mowing",
            "tree surgery", "pest control for mice", "house cleaning", "removals, moving house",
            // appliances and tech
            "washing machine repair", "fridge freezer repair", "computer repair", "fixing my phone screen",
            "TV aerial installation", "broadband and wifi problems",
            // plumbing and heating
            "plumbing repair", "leaking pipe", "blocked drain", "boiler repair", "new boiler installation",
            "dripping tap", "toilet repair", "central heating repair",
            // health and beauty
            "dental check-up", "toothache", "teeth cleaning at the hygienist", "eye test and glasses",
            "doctor's appointment", "physiotherapy for back pain", "vet appointment for my dog", "haircut",
            "nails and beauty treatment", "massage",
            // other
            "taxi booking", "food delivery", "legal advice", "accounting and tax returns", "dog walking",
            "driving lessons");
}
