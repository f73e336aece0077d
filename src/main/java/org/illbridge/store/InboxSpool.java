package org.illbridge.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where received bytes go when the inbox database cannot take them: one {@code .ber} file and
 * its {@code .properties} (peer, listener, time, status) per frame, written before the frame is
 * acknowledged as handled, and moved into the inbox once the database is back. So an outage of
 * the database loses nothing that arrived during it.
 */
public class InboxSpool {

    private static final String BYTES = ".ber";
    private static final String META = ".properties";

    private final Path directory;
    private final AtomicLong sequence = new AtomicLong();

    public InboxSpool(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Writes the frame to the spool; returns the file that holds its bytes. */
    public Path spool(ReceivedBytes received) throws IOException {
        Files.createDirectories(directory);
        String name = String.format("%013d-%06d", received.receivedAt().toEpochMilli(), sequence.incrementAndGet() % 1_000_000);
        Properties meta = new Properties();
        meta.setProperty("frame-id", received.frameId());
        meta.setProperty("peer", received.peer());
        meta.setProperty("listener", received.listener());
        meta.setProperty("received-at", received.receivedAt().toString());
        meta.setProperty("status", received.status().code());
        if (received.statusDetail() != null) {
            meta.setProperty("status-detail", received.statusDetail());
        }
        Path bytes = directory.resolve(name + BYTES);
        writeAtomically(bytes, tmp -> Files.write(tmp, received.bytes()));
        // the metadata is written last: a frame is complete in the spool once its .properties exists
        writeAtomically(directory.resolve(name + META), tmp -> {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                meta.store(out, "illbridge inbox spool");
            }
        });
        return bytes;
    }

    /** The complete spooled frames, oldest first. */
    public List<Path> pending() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(META))
                    .sorted()
                    .map(p -> directory.resolve(p.getFileName().toString().replace(META, BYTES)))
                    .filter(Files::exists)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReceivedBytes read(Path bytesFile) throws IOException {
        Properties meta = new Properties();
        try (Reader in = Files.newBufferedReader(metaOf(bytesFile), StandardCharsets.UTF_8)) {
            meta.load(in);
        }
        byte[] bytes = Files.readAllBytes(bytesFile);
        Instant receivedAt = Instant.parse(meta.getProperty("received-at"));
        // frames spooled before frame ids existed: their file name is unique and stable
        String frameId = meta.getProperty("frame-id", bytesFile.getFileName().toString());
        return new ReceivedBytes(frameId, bytes, meta.getProperty("peer"), meta.getProperty("listener"), receivedAt,
                InboxStatus.ofCode(meta.getProperty("status")), meta.getProperty("status-detail"));
    }

    /** Removes a frame that is in the inbox now: the metadata first, so a half-removed frame is not pending. */
    public void remove(Path bytesFile) throws IOException {
        Files.deleteIfExists(metaOf(bytesFile));
        Files.deleteIfExists(bytesFile);
        forceDirectory();
    }

    private static Path metaOf(Path bytesFile) {
        return bytesFile.resolveSibling(bytesFile.getFileName().toString().replace(BYTES, META));
    }

    private interface FileWriting {
        void write(Path file) throws IOException;
    }

    /** Written to a temporary file, flushed to the disk, then renamed into place and the directory flushed too. */
    private void writeAtomically(Path target, FileWriting writing) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        writing.write(tmp);
        try (FileChannel file = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            file.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot flush a directory; the rename itself is still atomic
        }
    }
}
