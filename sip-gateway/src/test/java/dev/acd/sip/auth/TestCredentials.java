package dev.acd.sip.auth;

import java.util.Map;
import java.util.Optional;

/**
 * The demo credentials of the default configuration (realm larkspur.example, passwords "demo-USER"), with the
 * HA1 values copied from acd.yaml; user names map to rep ids that differ from them on purpose.
 */
public final class TestCredentials implements CredentialStore {
    public static final String REALM = "larkspur.example";

    private static final Map<String, Credential> BY_USER = Map.of(
            "ava.chen", new Credential("ava.chen", "rep-ava", "5a9971624ec617d8af9a0cfaa910734e",
                    "49662ec6fad90a16f5ab456b347a686fe44d975e4da80b2956c00dcea1bea227"),
            "ben.okafor", new Credential("ben.okafor", "rep-ben", "21491e714f678b367b1349da896ba24e",
                    "ed91379f265a97f4d8c3d224c3ee948e2a178805a0d2605561c099079b58cce9"),
            "md5.only", new Credential("md5.only", "rep-md5", DigestClient.ha1("MD5", "md5.only", REALM,
                    "demo-md5.only"), null));

    @Override
    public String realm() {
        return REALM;
    }

    @Override
    public Optional<Credential> find(String user) {
        return Optional.ofNullable(BY_USER.get(user));
    }

    public static String password(String user) {
        return "demo-" + user;
    }
}
