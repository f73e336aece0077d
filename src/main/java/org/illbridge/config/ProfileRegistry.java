package org.illbridge.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.illbridge.profile.Profiles;
import org.illbridge.profile.SiteProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The ISO ILL profiles, read from the {@code illbridge.profiles} list of a YAML file (by default
 * config/application.yaml) at start-up and again on {@link #reload()}, so that an operator can fix
 * a profile and replay what it refused without a restart. A reload that fails keeps the profiles
 * in force.
 */
public class ProfileRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileRegistry.class);

    private final Path file;
    private final AtomicReference<Profiles> current = new AtomicReference<>(new Profiles(List.of()));
    private final List<Consumer<Profiles>> followers = new CopyOnWriteArrayList<>();

    public ProfileRegistry(Path file) {
        this.file = file;
    }

    public Profiles current() {
        return current.get();
    }

    public Path file() {
        return file;
    }

    /** Reads the file again; the new profiles take effect for the next APDU. */
    public Profiles reload() {
        Profiles profiles = new Profiles(read());
        current.set(profiles);
        LOG.info("ISO ILL profiles from {}: {}", file, profiles.sites().stream().map(SiteProfile::symbol).toList());
        followers.forEach(follower -> follower.accept(profiles));
        return profiles;
    }

    /** {@code follower} hears of every successful reload (the listeners follow the profiles' addresses). */
    public void whenReloaded(Consumer<Profiles> follower) {
        followers.add(follower);
    }

    private List<SiteProfile> read() {
        if (!Files.exists(file)) {
            LOG.warn("No profile file {}: no library symbols are served, every APDU will be refused", file);
            return List.of();
        }
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
            Binder binder = new Binder(ConfigurationPropertySources.from(sources), null,
                    new ApplicationConversionService());
            return binder.bind("illbridge.profiles", Bindable.listOf(SiteProfile.class)).orElse(List.of());
        } catch (BindException e) {
            throw new ProfileFileException(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the profiles in " + file, e);
        }
    }
}
