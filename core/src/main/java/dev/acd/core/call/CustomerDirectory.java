package dev.acd.core.call;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.acd.core.model.Customer;

/** Looks customers up by phone number. Numbers are compared by their digits only, so "+1 (555) 010-2" matches "15550102". */
public final class CustomerDirectory {
    private final Map<String, Customer> byNumber = new HashMap<>();
    private final Map<String, Customer> byId = new HashMap<>();

    public CustomerDirectory(Collection<Customer> customers) {
        for (Customer customer : customers) {
            byId.put(customer.id(), customer);
            for (String number : customer.numbers()) {
                byNumber.put(digits(number), customer);
            }
        }
    }

    public static CustomerDirectory empty() {
        return new CustomerDirectory(List.of());
    }

    public Optional<Customer> byNumber(String number) {
        return number == null ? Optional.empty() : Optional.ofNullable(byNumber.get(digits(number)));
    }

    public Optional<Customer> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Customer> customers() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    /** The digits of a phone number, the key numbers are matched by. */
    public static String digits(String number) {
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
