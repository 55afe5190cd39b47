package io.switchboard.dialog.understanding;

import java.util.ArrayList;
import java.util.List;

/**
 * A service address as far as the caller has given it, so far, possibly over several turns: "7 Picton Street" then
 * "BS6 5QA" is one address. Every part is optional; parts are already tidied for a job sheet.
 *
 * @param premises what comes before the street number: "Flat 4", "Basement Flat", "Unit 12B"
 * @param street   the house number and street ("7 Picton Street"), or a house name given as the address
 *                 ("Rose Cottage Upper Weston")
 * @param locality the area or town after the street ("Clifton", "Bristol")
 * @param postcode the postcode in upper case with its space ("BS6 5QA")
 */
public record AddressParts(String premises, String street, String locality, String postcode) {

    public static final AddressParts EMPTY = new AddressParts(null, null, null, null);

    public AddressParts {
        premises = blankToNull(premises);
        street = blankToNull(street);
        locality = blankToNull(locality);
        postcode = blankToNull(postcode);
    }

    /**
     * This address with what a later turn added or corrected. A part the later turn gave replaces this one's; a part
     * it did not give is kept ("7 Picton Street" + "BS6 5QA" is "7 Picton Street, BS6 5QA"; "flat 4" + "22 Cotham
     * Hill" is "Flat 4, 22 Cotham Hill"). A different street replaces the premises and locality that went with the
     * old street, since they described another building; the postcode is kept unless the later turn gave one.
     */
    public AddressParts merge(AddressParts later) {
        if (later == null || later.isEmpty()) {
            return this;
        }
        boolean newStreet = later.street != null && street != null && !later.street.equalsIgnoreCase(street);
        String mergedPremises = later.premises != null ? later.premises : newStreet ? null : premises;
        String mergedLocality = later.locality != null ? later.locality : newStreet ? null : locality;
        return new AddressParts(mergedPremises, later.street != null ? later.street : street, mergedLocality,
                later.postcode != null ? later.postcode : postcode);
    }

    public boolean isEmpty() {
        return premises == null && street == null && locality == null && postcode == null;
    }

    /** A street (or house name) and a postcode: enough for an engineer to find the place. */
    public boolean isComplete() {
        return street != null && postcode != null;
    }

    /** "Flat 4, 22 Cotham Hill, Clifton, BS6 5QA"; empty when nothing was given. */
    public String formatted() {
        List<String> parts = new ArrayList<>(4);
        for (String part : new String[] {premises, street, locality, postcode}) {
            if (part != null) {
                parts.add(part);
            }
        }
        return String.join(", ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
