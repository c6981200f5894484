package dev.acd.config;

/** A reseller or distributor whose partner reps take calls for the accounts it owns. */
public record PartnerOrganisation(String id, String name) {
}
