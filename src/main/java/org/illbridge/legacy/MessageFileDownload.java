package org.illbridge.legacy;

import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.profile.SiteProfile;
import org.illbridge.protocol.Role;
import org.illbridge.store.IllTransaction;
import org.illbridge.store.ManagedBy;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.Queue;
import org.illbridge.store.Standing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Downloads the message file the way the ILL MicroEnhancer does, for a legacy system that works
 * its loans from a file: the requests of the chosen queues, then an errors section. With marking,
 * the Pending lending requests worked here move to In Process in the same database transaction as
 * they are read, so the next download of Pending does not repeat them; a request managed in OCLC
 * (it predates the profile) is never changed and is listed among the errors with the reason.
 */
public final class MessageFileDownload {

    private static final Logger LOG = LoggerFactory.getLogger(MessageFileDownload.class);
    private static final int PAGE = 500;

    /** What a download wrote. */
    public record Summary(long requests, long marked, long errors) {
    }

    private final MessageFileStore messageFile;
    private final ProfileRegistry profiles;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public MessageFileDownload(MessageFileStore messageFile, ProfileRegistry profiles, TransactionTemplate transactions,
                               Clock clock) {
        this.messageFile = messageFile;
        this.profiles = profiles;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Summary download(Download download, String by, Writer out) {
        DownloadWriter writer = DownloadWriter.of(download.format(), out);
        Summary summary = transactions.execute(status -> {
            writer.begin();
            Instant now = clock.instant();
            List<DownloadRow> errors = new ArrayList<>();
            long requests = 0;
            long marked = 0;
            long after = 0;
            List<IllTransaction> page;
            do {
                page = messageFile.page(download.queues(), download.role(), after, PAGE);
                boolean[] moved = download.markInProcess() ? mark(page, now) : new boolean[page.size()];
                for (int i = 0; i < page.size(); i++) {
                    IllTransaction t = page.get(i);
                    writer.write(new DownloadRow(moved[i] ? t.with(new Standing(t.state(), Queue.IN_PROCESS.label(), Queue.IN_PROCESS), now) : t, moved[i], null));
                    requests++;
                    marked += moved[i] ? 1 : 0;
                    if (download.markInProcess() && t.managedBy() == ManagedBy.OCLC) {
                        errors.add(new DownloadRow(t, false, managedInOclc(t)));
                    }
                }
                after = page.isEmpty() ? after : page.get(page.size() - 1).id();
            } while (page.size() == PAGE);
            errors.forEach(writer::write);
            return new Summary(requests, marked, errors.size());
        });
        writer.flush();
        LOG.info("{} downloaded {} request(s) ({}, {}) as {}: {} marked In Process, {} error(s)", by, summary.requests(),
                download.queues().isEmpty() ? "all queues" : download.queues().stream().map(Queue::label).toList(),
                download.role() == null ? "both roles" : download.role().code(), download.format().formatName(),
                summary.marked(), summary.errors());
        return summary;
    }

    /** Moves the page's Pending lending requests worked here to In Process; says which moved. */
    private boolean[] mark(List<IllTransaction> page, Instant now) {
        List<Integer> positions = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            IllTransaction t = page.get(i);
            if (t.role() == Role.LENDING && t.managedBy() == ManagedBy.ISO && t.queue() == Queue.PENDING) {
                positions.add(i);
                ids.add(t.id());
            }
        }
        boolean[] moved = new boolean[page.size()];
        if (!ids.isEmpty()) {
            boolean[] done = messageFile.markInProcess(ids, now);
            for (int k = 0; k < done.length; k++) {
                moved[positions.get(k)] = done[k];
            }
        }
        return moved;
    }

    private String managedInOclc(IllTransaction t) {
        String installed = profiles.current().site(t.siteSymbol()).map(SiteProfile::profileInstalled)
                .map(at -> " (installed " + at + ")").orElse("");
        return "Managed in OCLC: this request began " + t.createdAt() + ", before the ISO ILL profile of " + t.siteSymbol()
                + installed + "; update it in OCLC. Not marked In Process.";
    }
}
