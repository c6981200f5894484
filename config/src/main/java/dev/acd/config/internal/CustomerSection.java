package dev.acd.config.internal;

import static dev.acd.config.Settings.*;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.acd.core.call.Classifier;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.model.Customer;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;

/** Reads the customer directory: inline customers in the YAML file, then the rows of the CSV file it names. */
final class CustomerSection {
    private record Read(Customer customer, Fields fields) {
    }

    private final YamlMap top;
    private final Source source;
    private final Problems problems;
    private final References refs;
    private final List<Read> read = new ArrayList<>();

    CustomerSection(YamlMap top, Source source, References refs) {
        this.top = top;
        this.source = source;
        this.problems = top.problems();
        this.refs = refs;
    }

    void read() {
        YamlMap m = top.section(CUSTOMERS, "customers");
        if (m == null) {
            return;
        }
        for (YamlMap inline : m.maps(CUSTOMERS_INLINE, "customers.inline[]")) {
            customer(inline);
        }
        String file = m.text(CUSTOMERS_FILE);
        if (file != null) {
            Source csv = source.sibling(file);
            try {
                String text = csv.read();
                for (CsvRow row : CsvCustomers.read(problems, csv.name(), text)) {
                    customer(row);
                }
            } catch (NoSuchFileException e) {
                problems.add(m.at(CUSTOMERS_FILE), "customers file '" + file + "' not found (looked for " + csv.name() + ")");
            } catch (IOException e) {
                problems.add(m.at(CUSTOMERS_FILE), "cannot read customers file " + csv.name() + ": " + e.getMessage());
            }
        }
    }

    private void customer(Fields f) {
        String id = f.id(CUSTOMER_ID);
        refs.define("customer", id, f.at(CUSTOMER_ID));
        List<String> numbers = new ArrayList<>();
        List<YamlMap.Text> written = f.texts(CUSTOMER_NUMBERS);
        for (YamlMap.Text number : written) {
            if (PhoneNumbers.isValid(number.value())) {
                refs.define("customer number", CustomerDirectory.digits(number.value()), number.where());
                numbers.add(number.value());
            } else {
                problems.add(number.where(), PhoneNumbers.expectation(number.value()));
            }
        }
        String segment = f.id(CUSTOMER_SEGMENT);
        refs.expect("segment", segment, f.at(CUSTOMER_SEGMENT));
        String owner = f.id(CUSTOMER_ACCOUNT_OWNER);
        refs.expect("rep", owner, f.at(CUSTOMER_ACCOUNT_OWNER));
        String partner = f.id(CUSTOMER_PARTNER);
        refs.expect("partner organisation", partner, f.at(CUSTOMER_PARTNER));
        String language = f.text(CUSTOMER_LANGUAGE);
        if (language != null) {
            String skill = Classifier.LANGUAGE_SKILL_PREFIX + language;
            refs.expect("skill", skill, f.at(CUSTOMER_LANGUAGE),
                    "language '" + language + "' has no skill '" + skill + "' to route it by");
        }
        Customer customer = new Customer(ModelSection.orEmpty(id), ModelSection.orEmpty(f.text(CUSTOMER_NAME)), numbers,
                f.text(CUSTOMER_ACCOUNT), ModelSection.orEmpty(segment), f.wholeLong(CUSTOMER_LIFETIME_VALUE), owner,
                f.text(CUSTOMER_TERRITORY), partner, language);
        read.add(new Read(customer, f));
    }

    /** Checks what needs the reps: a partner rep may only own accounts of its own partner organisation. */
    void checkOwners(Map<String, Rep> reps) {
        for (Read r : read) {
            Customer c = r.customer();
            Rep owner = c.accountOwner() == null ? null : reps.get(c.accountOwner());
            if (owner != null && owner.kind() == RepKind.PARTNER && !Objects.equals(owner.partner(), c.partner())) {
                problems.add(r.fields().at(CUSTOMER_ACCOUNT_OWNER), "account owner '" + owner.id() + "' is a rep of partner '"
                        + owner.partner() + "' but the account's partner is "
                        + (c.partner() == null ? "not set" : "'" + c.partner() + "'"));
            }
        }
    }

    CustomerDirectory directory() {
        List<Customer> customers = new ArrayList<>();
        for (Read r : read) {
            customers.add(r.customer());
        }
        return new CustomerDirectory(customers);
    }
}
