package io.switchboard.models;

import java.util.Objects;

/**
 * A caller the business has dealt with, keyed by phone number.
 *
 * @param phone   E.164 ({@code +447700900123})
 * @param name    as given by the caller; may be empty when unknown
 * @param address last service address given; may be empty
 * @param email   an email address the caller gave; may be empty
 */
public record Customer(String phone, String name, String address, String email) {

    /** A customer without an email address. */
    public Customer(String phone, String name, String address) {
        this(phone, name, address, "");
    }

    public Customer {
        Objects.requireNonNull(phone, "phone");
        if (!phone.startsWith("+")) {
            throw new IllegalArgumentException("customer phone must be E.164");
        }
        name = name == null ? "" : name;
        address = address == null ? "" : address;
        email = email == null ? "" : email.strip();
    }
}
