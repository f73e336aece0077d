package org.illbridge.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.illbridge.config.ListenerInUseException;
import org.illbridge.profile.Profiles;
import org.illbridge.profile.SiteProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every address the profiles name listens, besides the configured listener: during a change of
 * server address OCLC sends to the old and the new one, so both must take APDUs. The routes follow
 * the profiles: a reload starts the listeners of new addresses and stops those no profile names.
 * An APDU that arrives on two listeners is still applied once (the message file knows its bytes).
 */
public final class ListenerRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerRoutes.class);

    /** A listener the profiles name, whether it listens, and where it is named. */
    public record Listener(ListenerAddress address, String routeId, String namedBy, boolean listening, String problem) {
    }

    private final ListenerAddress configured;
    private final Function<ListenerAddress, RoutesBuilder> routeFor;
    private final Map<String, Listener> listeners = new LinkedHashMap<>();
    private CamelContext camel;

    public ListenerRoutes(ListenerAddress configured, Function<ListenerAddress, RoutesBuilder> routeFor) {
        this.configured = configured;
        this.routeFor = routeFor;
    }

    /** The listeners the profiles add to the configured one, each named once (a wildcard covers its port). */
    public List<Listener> wanted(Profiles profiles) {
        List<Listener> wanted = new ArrayList<>();
        List<ListenerAddress> taken = new ArrayList<>(List.of(configured));
        for (SiteProfile site : profiles.sites()) {
            for (String name : site.listenerAddresses()) {
                ListenerAddress address = ListenerAddress.of(name, configured.host());
                if (taken.stream().noneMatch(t -> t.covers(address))) {
                    taken.add(address);
                    wanted.add(new Listener(address, address.routeId(false), "profile " + site.symbol() + ", listeners", false, null));
                }
            }
        }
        return wanted;
    }

    /** Before Camel starts: every profiled port is free, or the start stops with the address and its profile. */
    public void checkPorts(Profiles profiles) {
        for (Listener listener : wanted(profiles)) {
            try {
                ListenerPortCheck.of(listener.address().host(), listener.address().port());
            } catch (UncheckedIOException e) {
                ListenerAddress a = listener.address();
                throw new ListenerInUseException(a.name(), a.host() + ":" + a.port(), a.port(), listener.namedBy(),
                        bindException(e.getCause()));
            }
        }
    }

    /** Once Camel runs: the profiled listeners start. */
    public synchronized void start(CamelContext camelContext, Profiles profiles) {
        this.camel = camelContext;
        follow(profiles);
    }

    /** After a reload: new addresses start listening, addresses no profile names any more stop. */
    public synchronized void follow(Profiles profiles) {
        if (camel == null) {
            return;
        }
        List<Listener> wanted = wanted(profiles);
        for (String routeId : List.copyOf(listeners.keySet())) {
            if (wanted.stream().noneMatch(w -> w.routeId().equals(routeId))) {
                stop(listeners.remove(routeId));
            }
        }
        for (Listener listener : wanted) {
            Listener running = listeners.get(listener.routeId());
            if (running == null || !running.listening()) {
                listeners.put(listener.routeId(), begin(listener));
            }
        }
    }

    /** The configured listener and those the profiles add, as they are now. */
    public synchronized List<Listener> current() {
        List<Listener> all = new ArrayList<>();
        ServiceStatus status = camel == null ? null : camel.getRouteController().getRouteStatus(configured.routeId(true));
        boolean configuredRuns = status != null && status.isStarted();
        all.add(new Listener(configured, configured.routeId(true), "illbridge.listen", configuredRuns,
                configuredRuns ? null : "stopped"));
        all.addAll(listeners.values());
        return all;
    }

    /** The listener that takes APDUs sent to {@code address}, if one does. */
    public Optional<Listener> serving(String address) {
        ListenerAddress wanted = ListenerAddress.of(address, configured.host());
        return current().stream().filter(l -> l.address().covers(wanted)).findFirst();
    }

    private Listener begin(Listener listener) {
        try {
            camel.addRoutes(routeFor.apply(listener.address()));
            LOG.info("ISO ILL listener {} ({}) listens on {}:{}", listener.address().name(), listener.namedBy(),
                    listener.address().host(), listener.address().port());
            return new Listener(listener.address(), listener.routeId(), listener.namedBy(), true, null);
        } catch (Exception e) {
            removeQuietly(listener.routeId());
            LOG.error("ISO ILL listener {} ({}) cannot listen on {}:{}: {}", listener.address().name(), listener.namedBy(),
                    listener.address().host(), listener.address().port(), rootMessage(e));
            return new Listener(listener.address(), listener.routeId(), listener.namedBy(), false, rootMessage(e));
        }
    }

    private void stop(Listener listener) {
        removeQuietly(listener.routeId());
        LOG.info("ISO ILL listener {} stopped: no profile names it any more", listener.address().name());
    }

    private void removeQuietly(String routeId) {
        try {
            if (camel.getRoute(routeId) != null) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
        } catch (Exception e) {
            LOG.warn("Listener route {} could not be removed: {}", routeId, rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    private static BindException bindException(Throwable cause) {
        if (cause instanceof BindException bind) {
            return bind;
        }
        BindException bind = new BindException(cause instanceof IOException ? cause.getMessage() : String.valueOf(cause));
        bind.initCause(cause);
        return bind;
    }
}
