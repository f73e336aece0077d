package org.illbridge.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** The logins the end-to-end tests configure: one per role, and an admin with staff and operator. */
public enum TestUsers {
    ADMIN("admin", "admin-secret", "staff,operator"),
    STAFF("sam", "sam-secret", "staff"),
    OPERATOR("olga", "olga-secret", "operator"),
    VIEWER("vic", "vic-secret", "viewer");

    private final String name;
    private final String password;
    private final String roles;

    TestUsers(String name, String password, String roles) {
        this.name = name;
        this.password = password;
        this.roles = roles;
    }

    public String userName() {
        return name;
    }

    public String password() {
        return password;
    }

    /** Hands each user's settings ({@code illbridge.security.users[i].…}) to {@code setting}. */
    public static void settings(BiConsumer<String, String> setting) {
        for (TestUsers user : values()) {
            String prefix = "illbridge.security.users[" + user.ordinal() + "].";
            setting.accept(prefix + "name", user.name);
            setting.accept(prefix + "password", "{noop}" + user.password);
            setting.accept(prefix + "roles", user.roles);
        }
    }

    /** The same, as command-line arguments. */
    public static List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        settings((name, value) -> arguments.add("--" + name + "=" + value));
        return arguments;
    }
}
