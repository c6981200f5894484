package dev.acd.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes the embedded default's customers.csv: 360 fictional customers of Larkspur Software across the four
 * segments, with 555-01xx numbers, lifetime values, account owners, territories, languages and partner-owned accounts.
 * Deterministic (fixed seed), so the committed file is exactly its output; {@code DefaultConfigTest} checks that.
 * Regenerate after changing it with:
 * <pre>
 * mvn -q -o -pl config -am test-compile
 * java -cp config/target/test-classes dev.acd.config.DefaultCustomersGenerator \
 *     config/src/main/resources/dev/acd/config/default/customers.csv
 * </pre>
 */
public final class DefaultCustomersGenerator {
    static final long SEED = 20261122L;
    static final int LONG_TAIL = 190;
    static final int MID_MARKET = 95;
    static final int STRATEGIC = 30;
    static final int PARTNER_SOURCED = 45;

    private static final String HEADER = "id,name,account,numbers,segment,lifetimeValue,accountOwner,territory,partner,language";
    private static final List<String> TERRITORIES = List.of("us-east", "us-central", "us-west", "dach", "france", "iberia", "uk-ie");
    private static final List<String> AREA_CODES = List.of("201", "212", "303", "305", "312", "404", "415", "503", "512",
            "602", "617", "646", "702", "713", "718", "773", "813", "917", "919", "971");
    private static final List<String> FIRST_NAMES = List.of("Alex", "Brianna", "Chris", "Dana", "Eli", "Fatima", "Georg",
            "Helene", "Ines", "Jonas", "Kara", "Luis", "Mila", "Nils", "Odile", "Priya", "Rafael", "Sofia", "Theo",
            "Ursula", "Victor", "Wen", "Yara", "Zoe", "Amelie", "Bruno", "Claire", "Diego", "Emma", "Felix");
    private static final List<String> LAST_NAMES = List.of("Abbott", "Bauer", "Castillo", "Dupont", "Eriksen", "Fontaine",
            "Garcia", "Hartmann", "Iglesias", "Jensen", "Keller", "Laurent", "Moreno", "Novak", "Olsen", "Perrin",
            "Quintero", "Richter", "Schulz", "Torres", "Umar", "Vogel", "Walsh", "Young", "Zimmermann", "Brennan");
    private static final List<String> NAME_STARTS = List.of("Acorn", "Birchwood", "Cobalt", "Driftwood", "Emberly",
            "Foxglove", "Granite", "Harbor", "Ironbark", "Juniper", "Kestrel", "Lakeside", "Meadowlark", "Northgate",
            "Oakridge", "Pinecrest", "Quarry", "Redfern", "Silverline", "Tidewater", "Upland", "Valewood", "Westbrook",
            "Yellowpine", "Zephyr", "Amberfield", "Bluestone", "Copperleaf", "Duneview", "Evergreen");
    private static final List<String> NAME_ENDS = List.of("Dental", "Logistics", "Foods", "Analytics", "Builders",
            "Clinics", "Freight", "Labs", "Media", "Outfitters", "Partners", "Robotics", "Solar", "Studios", "Textiles",
            "Travel", "Ventures", "Wholesale", "Insurance", "Manufacturing");
    private static final Map<String, String> LEGAL_FORMS = Map.of("us-east", "Inc.", "us-central", "LLC", "us-west", "Inc.",
            "dach", "GmbH", "france", "SAS", "iberia", "S.L.", "uk-ie", "Ltd");
    private static final Map<String, String> SMB_OWNERS = Map.of("us-east", "ava.chen", "us-central", "ben.okafor",
            "us-west", "carla.ruiz", "dach", "dmitri.volkov", "france", "elise.martin");
    private static final Map<String, String> MID_MARKET_OWNERS = Map.of("us-east", "farah.haddad", "dach", "gustav.lind",
            "us-west", "hana.sato", "us-central", "ivan.petrov", "iberia", "julia.santos", "france", "farah.haddad",
            "uk-ie", "hana.sato");
    private static final Map<String, String> STRATEGIC_OWNERS = Map.of("us-east", "kofi.mensah", "us-central", "olivia.grant",
            "us-west", "pablo.reyes", "dach", "sabine.koch", "france", "marc.dubois", "iberia", "nora.kelly",
            "uk-ie", "nora.kelly");
    private static final Map<String, List<String>> PARTNER_REPS = Map.of(
            "northwind", List.of("quinn.baker", "rosa.lopez", "sam.patel"),
            "bluepeak", List.of("tom.fischer", "uma.rao"));

    private final Random random = new Random(SEED);
    private final List<String> freeNumbers = new ArrayList<>();
    private final Set<String> accounts = new LinkedHashSet<>();
    private final List<String> lines = new ArrayList<>();

    private DefaultCustomersGenerator() {
        for (String area : AREA_CODES) {
            for (int n = 100; n <= 199; n++) {
                freeNumbers.add("+1 " + area + " 555 0" + n);
            }
        }
        // The company's own lines and field mobiles are in this range too; customers must not share them.
        freeNumbers.removeAll(List.of("+1 212 555 0100", "+1 212 555 0101", "+1 212 555 0102", "+1 312 555 0147",
                "+1 415 555 0162", "+1 646 555 0178"));
        Collections.shuffle(freeNumbers, random);
    }

    /** The whole CSV file as text. */
    public static String generate() {
        DefaultCustomersGenerator generator = new DefaultCustomersGenerator();
        generator.lines.add("# Fictional customers of the embedded default configuration; made by "
                + "DefaultCustomersGenerator (config/src/test/java), do not edit by hand.");
        generator.lines.add(HEADER);
        generator.segment("long-tail", LONG_TAIL);
        generator.segment("mid-market", MID_MARKET);
        generator.segment("strategic", STRATEGIC);
        generator.segment("partner-sourced", PARTNER_SOURCED);
        return String.join("\n", generator.lines) + "\n";
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DefaultCustomersGenerator OUTPUT.csv");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), generate(), StandardCharsets.UTF_8);
    }

    private void segment(String segment, int count) {
        for (int i = 0; i < count; i++) {
            String territory = territory(segment);
            String partner = segment.equals("partner-sourced") ? (random.nextInt(10) < 6 ? "northwind" : "bluepeak") : "";
            if (partner.equals("bluepeak") && territory.startsWith("us-")) {
                territory = pick(List.of("dach", "uk-ie", "france"));
            } else if (partner.equals("northwind") && !territory.startsWith("us-")) {
                territory = pick(List.of("us-east", "us-central", "us-west"));
            }
            String owner = owner(segment, territory, partner);
            int numbers = random.nextInt(10) < (segment.equals("long-tail") ? 2 : 5) ? 2 : 1;
            List<String> phone = new ArrayList<>();
            for (int n = 0; n < numbers; n++) {
                phone.add(freeNumbers.remove(freeNumbers.size() - 1));
            }
            String id = String.format("C%04d", lines.size() - 1);
            String name = pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
            lines.add(String.join(",", id, name, account(territory), String.join(";", phone), segment,
                    Long.toString(lifetimeValue(segment)), owner, territory, partner, language(territory)));
        }
    }

    private String territory(String segment) {
        // Most of the small business is in North America; larger accounts spread more evenly.
        int roll = random.nextInt(100);
        if (segment.equals("long-tail")) {
            return roll < 25 ? "us-east" : roll < 45 ? "us-central" : roll < 65 ? "us-west" : roll < 77 ? "dach"
                    : roll < 86 ? "france" : roll < 93 ? "iberia" : "uk-ie";
        }
        return TERRITORIES.get(random.nextInt(TERRITORIES.size()));
    }

    private String owner(String segment, String territory, String partner) {
        switch (segment) {
            case "long-tail":
                return random.nextInt(10) == 0 ? SMB_OWNERS.getOrDefault(territory, "") : "";
            case "mid-market":
                return random.nextInt(10) < 7 ? MID_MARKET_OWNERS.get(territory) : "";
            case "strategic":
                if (territory.equals("dach") && random.nextInt(10) < 4) {
                    return "lena.weber";
                }
                return STRATEGIC_OWNERS.get(territory);
            default:
                return random.nextBoolean() ? pick(PARTNER_REPS.get(partner)) : "";
        }
    }

    private long lifetimeValue(String segment) {
        switch (segment) {
            case "long-tail":
                return 500 + random.nextInt(1450) * 10L;
            case "mid-market":
                return 15_000 + random.nextInt(10_500) * 10L;
            case "strategic":
                return 150_000 + random.nextInt(185_000) * 10L;
            default:
                return 5_000 + random.nextInt(7_500) * 10L;
        }
    }

    private String language(String territory) {
        int roll = random.nextInt(100);
        switch (territory) {
            case "dach":
                return roll < 80 ? "de" : "en";
            case "france":
                return roll < 80 ? "fr" : "en";
            case "iberia":
                return roll < 80 ? "es" : "en";
            case "us-west":
                return roll < 15 ? "es" : "en";
            default:
                return "en";
        }
    }

    private String account(String territory) {
        String account;
        do {
            account = pick(NAME_STARTS) + " " + pick(NAME_ENDS) + " " + LEGAL_FORMS.get(territory);
        } while (!accounts.add(account));
        return account;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
