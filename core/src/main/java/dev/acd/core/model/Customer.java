package dev.acd.core.model;

import java.util.List;

/**
 * A customer account's contact as the directory knows it.
 *
 * @param lifetimeValue lifetime value in whole currency units
 * @param accountOwner  id of the rep who owns the account, or null
 * @param partner       id of the partner organisation that owns the account, or null
 * @param language      preferred language (e.g. "en", "de"), or null
 */
public record Customer(String id, String name, List<String> numbers, String account, String segment,
                       long lifetimeValue, String accountOwner, String territory, String partner, String language) {
    public Customer {
        numbers = List.copyOf(numbers);
    }
}
