package org.illbridge.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The logins from {@code illbridge.security.users}, checked as the service starts. With none
 * configured and the page on loopback, a first-start {@code admin} (every role) gets a generated
 * password, kept in a file so that it survives restarts and said once in the log: the README's
 * first command leads to a working login. Beyond loopback with none, the service does not start.
 */
final class ConfiguredUsers {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredUsers.class);
    static final String FIRST_START_USER = "admin";

    private ConfiguredUsers() {
    }

    /** @param identityProvider people log in through the library's identity provider (OIDC) as well */
    static List<UserDetails> of(SecurityProperties properties, String serverAddress, PasswordEncoder encoder,
                                boolean identityProvider) {
        List<UserDetails> users = new ArrayList<>();
        for (SecurityProperties.User user : properties.users()) {
            users.add(check(user));
        }
        if (!users.isEmpty() || identityProvider) {
            return users;
        }
        if (!isLoopback(serverAddress)) {
            throw new NoUsersConfiguredException(serverAddress == null || serverAddress.isBlank() ? "every address" : serverAddress);
        }
        String password = firstStartPassword(Path.of(properties.initialPasswordFile()));
        return List.of(User.withUsername(FIRST_START_USER).password(encoder.encode(password))
                .authorities(StaffRole.STAFF.authority(), StaffRole.OPERATOR.authority()).build());
    }

    private static UserDetails check(SecurityProperties.User user) {
        String name = user.name();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("illbridge.security.users: a user has no name");
        }
        String password = user.password();
        if (password == null || !password.startsWith("{")) {
            throw new IllegalArgumentException("illbridge.security.users: " + name + "'s password must be a hash such as"
                    + " {bcrypt}$2a$10$…; java -jar illbridge.jar hash-password makes one");
        }
        if (user.roles().isEmpty()) {
            throw new IllegalArgumentException("illbridge.security.users: " + name + " has no roles; the roles are staff,"
                    + " operator and viewer");
        }
        return User.withUsername(name).password(password)
                .authorities(user.roles().stream().map(StaffRole::ofCode).map(StaffRole::authority).toList()).build();
    }

    private static String firstStartPassword(Path file) {
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file).strip();
                LOG.warn("No users are configured: log in as '{}' with the password in {}", FIRST_START_USER, file.toAbsolutePath().normalize());
                return kept;
            }
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, password + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its own
            }
            LOG.warn("No users are configured: log in as '{}' with the password {} (kept in {}). Configure"
                    + " illbridge.security.users before opening the page beyond this machine.", FIRST_START_USER, password,
                    file.toAbsolutePath().normalize());
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the first-start password in " + file, e);
        }
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
