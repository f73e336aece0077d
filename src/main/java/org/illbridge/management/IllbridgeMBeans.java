package org.illbridge.management;

import java.time.Clock;
import org.illbridge.camel.ListenerRoutes;
import org.illbridge.camel.RouteFiles;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.inbound.DeadLetterReplays;
import org.illbridge.profile.SiteProfile;
import org.illbridge.store.DeadLetterStatus;
import org.illbridge.store.DeadLetterStore;
import org.illbridge.store.InboxStatus;
import org.illbridge.store.InboxStore;
import org.illbridge.store.ListenerActivity;
import org.illbridge.store.OutboxStatus;
import org.illbridge.store.OutboxStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;

/**
 * illbridge's own MBeans, beside Camel's: what an operator watches and does from a JMX console
 * (jconsole, Jolokia) — profiles, dead letters, the outbox, the inbox, listeners — under {@code org.illbridge}.
 */
@Configuration(proxyBeanMethods = false)
public class IllbridgeMBeans {

    @Bean
    Profiles profilesMBean(ProfileRegistry registry) {
        return new Profiles(registry);
    }

    @Bean
    DeadLetters deadLettersMBean(DeadLetterStore store, DeadLetterReplays replayer) {
        return new DeadLetters(store, replayer);
    }

    @Bean
    Outbox outboxMBean(OutboxStore store, Clock clock) {
        return new Outbox(store, clock);
    }

    @Bean
    Inbox inboxMBean(InboxStore store) {
        return new Inbox(store);
    }

    @Bean
    Routes routesMBean(RouteFiles files) {
        return new Routes(files);
    }

    @Bean
    ListenerActivity listenerActivity(JdbcTemplate jdbc) {
        return new ListenerActivity(jdbc);
    }

    @Bean
    AddressChanges addressChanges(ProfileRegistry profiles, ListenerRoutes listeners, ListenerActivity activity, Clock clock) {
        return new AddressChanges(profiles, listeners, activity, clock);
    }

    @Bean
    Listeners listenersMBean(ListenerRoutes listeners, AddressChanges report) {
        return new Listeners(listeners, report);
    }

    /** The ISO ILL profiles in force; reload after editing config/application.yaml. */
    @ManagedResource(objectName = "org.illbridge:type=Profiles", description = "ISO ILL profiles of the sites served")
    public static class Profiles {
        private final ProfileRegistry registry;

        Profiles(ProfileRegistry registry) {
            this.registry = registry;
        }

        @ManagedAttribute(description = "Symbols served")
        public String[] getSymbols() {
            return registry.current().sites().stream().map(SiteProfile::symbol).toArray(String[]::new);
        }

        @ManagedAttribute(description = "The file the profiles are read from")
        public String getFile() {
            return registry.file().toString();
        }

        @ManagedOperation(description = "Read the profile file again")
        public String reload() {
            return "profiles in force: " + String.join(", ", registry.reload().sites().stream().map(SiteProfile::symbol).toList());
        }
    }

    /** Refused APDUs waiting for a person. */
    @ManagedResource(objectName = "org.illbridge:type=DeadLetters", description = "Refused or undeliverable APDUs")
    public static class DeadLetters {
        private final DeadLetterStore store;
        private final DeadLetterReplays replayer;

        DeadLetters(DeadLetterStore store, DeadLetterReplays replayer) {
            this.store = store;
            this.replayer = replayer;
        }

        @ManagedAttribute(description = "Dead letters not yet replayed or discarded")
        public long getOpen() {
            return store.count(DeadLetterStatus.OPEN);
        }

        @ManagedOperation(description = "Replay a dead letter (inbound: process again; outbound: send again)")
        public String replay(long id) {
            return replayer.replay(id).map(r -> "outcome: " + r.outcome()
                    + (r.newDeadLetter() != null ? "; new dead letter " + r.newDeadLetter() + ": " + r.reason() : ""))
                    .orElse("no open dead letter " + id);
        }

        @ManagedOperation(description = "Discard a dead letter")
        public boolean discard(long id) {
            return replayer.discard(id);
        }
    }

    /** APDUs on their way to peers. */
    @ManagedResource(objectName = "org.illbridge:type=Outbox", description = "APDUs to send to peers")
    public static class Outbox {
        private final OutboxStore store;
        private final Clock clock;

        Outbox(OutboxStore store, Clock clock) {
            this.store = store;
            this.clock = clock;
        }

        @ManagedAttribute(description = "Waiting to be sent (or retried)")
        public long getPending() {
            return store.count(OutboxStatus.PENDING);
        }

        @ManagedAttribute(description = "Given up after the last attempt")
        public long getFailed() {
            return store.count(OutboxStatus.FAILED);
        }

        @ManagedAttribute(description = "Rejected by the peer")
        public long getRejected() {
            return store.count(OutboxStatus.REJECTED);
        }

        @ManagedOperation(description = "Send a failed or rejected APDU again")
        public boolean resend(long id) {
            return store.resend(id, clock.instant());
        }
    }

    /** What arrived. */
    @ManagedResource(objectName = "org.illbridge:type=Inbox", description = "Everything received")
    public static class Inbox {
        private final InboxStore store;

        Inbox(InboxStore store) {
            this.store = store;
        }

        @ManagedAttribute(description = "Inbox entries in all: every frame received and kept")
        public long getTotal() {
            return store.count();
        }

        @ManagedAttribute(description = "Entries whose processing has not finished (status received)")
        public long getUnprocessed() {
            return store.count(InboxStatus.RECEIVED);
        }

        @ManagedAttribute(description = "Bytes that could not be framed as an APDU (status unframed)")
        public long getUnframed() {
            return store.count(InboxStatus.UNFRAMED);
        }
    }

    /** The operators' route files: what is on disk, what runs. */
    @ManagedResource(objectName = "org.illbridge:type=Routes", description = "The route files in routes/ and their reloads")
    public static class Routes {
        private final RouteFiles files;

        Routes(RouteFiles files) {
            this.files = files;
        }

        @ManagedAttribute(description = "Each file and how its last reload went")
        public String[] getFiles() {
            return files.files().stream().map(f -> f.file() + ": " + f.lastResult()).toArray(String[]::new);
        }

        @ManagedAttribute(description = "Files whose content on disk is not what runs (an edit was refused)")
        public long getRefusedEdits() {
            return files.files().stream().filter(f -> !f.isRunningWhatIsOnDisk()).count();
        }

        @ManagedOperation(description = "Look at the route files now and reload those that changed")
        public String check() {
            files.check();
            return String.join("; ", getFiles());
        }
    }

    /** The ISO ILL listeners and the address-change report. */
    @ManagedResource(objectName = "org.illbridge:type=Listeners", description = "ISO ILL listeners and address changes")
    public static class Listeners {
        private final ListenerRoutes listeners;
        private final AddressChanges report;

        Listeners(ListenerRoutes listeners, AddressChanges report) {
            this.listeners = listeners;
            this.report = report;
        }

        @ManagedAttribute(description = "Each listener, where it is named, and whether it listens")
        public String[] getListeners() {
            return listeners.current().stream().map(l -> l.address().name() + " (" + l.namedBy() + "): "
                    + (l.listening() ? "listening on " + l.address().host() + ":" + l.address().port()
                    : "not listening, " + l.problem())).toArray(String[]::new);
        }

        @ManagedAttribute(description = "Sites with a previous listener address that can be retired now")
        public String[] getRetirable() {
            return report.report().sites().stream().filter(s -> s.previous() != null && s.previous().canRetire())
                    .map(s -> s.symbol() + ": " + s.previous().address()).toArray(String[]::new);
        }

        @ManagedOperation(description = "The address-change report: which listener the open transactions last heard"
                + " from, and whether a previous address can be retired")
        public String[] addressChangeReport() {
            return report.lines().toArray(String[]::new);
        }
    }
}
