package dev.acd.config.internal;

import static dev.acd.config.Settings.*;

import java.util.ArrayList;
import java.util.List;

import dev.acd.config.WebPasswords;
import dev.acd.config.WebRole;
import dev.acd.config.WebUser;

/** Reads the web users: unique names, a role, the rep of a REP user, and a well-formed password hash. */
final class UserSection {
    private final YamlMap top;
    private final References refs;

    UserSection(YamlMap top, References refs) {
        this.top = top;
        this.refs = refs;
    }

    List<WebUser> read() {
        List<WebUser> users = new ArrayList<>();
        for (YamlMap m : top.maps(USERS, "users[]")) {
            String name = m.id(USER_NAME);
            refs.define("user", name, m.at(USER_NAME));
            WebRole role = m.choice(USER_ROLE, WebRole.class);
            String rep = m.id(USER_REP);
            if (role == WebRole.REP && !m.has(USER_REP)) {
                m.problems().add(m.self(), "a REP user needs rep: the id of the rep it is");
            } else if (role != null && role != WebRole.REP && m.has(USER_REP)) {
                m.problems().add(m.at(USER_REP), "only a REP user is bound to a rep; a " + role + " sees every rep");
            }
            refs.expect("rep", rep, m.at(USER_REP));
            String password = m.text(USER_PBKDF2);
            if (password != null) {
                WebPasswords.problem(password).ifPresent(problem -> m.problems().add(m.at(USER_PBKDF2), problem));
            }
            if (name != null && role != null && password != null && WebPasswords.problem(password).isEmpty()) {
                users.add(new WebUser(name, role, role == WebRole.REP ? rep : null, password));
            }
        }
        return users;
    }
}
