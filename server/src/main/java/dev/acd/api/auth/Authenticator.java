package dev.acd.api.auth;

import java.util.Optional;
import java.util.function.Supplier;

import dev.acd.config.AcdConfig;
import dev.acd.config.WebPasswords;
import dev.acd.config.WebUser;

/**
 * Checks a user name and password against the current configuration's users, with the login throttle in front.
 * Unknown users cost a hash as well, so timing does not tell which names exist. Thread-safe; blocking (PBKDF2 takes
 * a good part of a second on purpose), so call it off the event loops.
 */
public final class Authenticator {
    /** The outcome of a login attempt. */
    public sealed interface Outcome permits Accepted, Refused, Throttled {
    }

    public record Accepted(Principal principal) implements Outcome {
    }

    public record Refused() implements Outcome {
    }

    public record Throttled(long retryAfterMs) implements Outcome {
    }

    private static final String DECOY = WebPasswords.hash("decoy-for-unknown-users");

    private final Supplier<AcdConfig> config;
    private final LoginThrottle throttle;

    public Authenticator(Supplier<AcdConfig> config, LoginThrottle throttle) {
        this.config = config;
        this.throttle = throttle;
    }

    public Outcome login(String user, String password, String source) {
        long blocked = throttle.blockedForMs(user, source);
        if (blocked > 0) {
            return new Throttled(blocked);
        }
        Optional<WebUser> found = config.get().user(user);
        boolean ok = WebPasswords.verify(password, found.map(WebUser::passwordHash).orElse(DECOY)) && found.isPresent();
        if (!ok) {
            throttle.failed(user, source);
            return new Refused();
        }
        throttle.succeeded(user, source);
        WebUser u = found.get();
        return new Accepted(new Principal(u.name(), u.role(), u.repId()));
    }
}
