package org.illbridge.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where received bytes go when the inbox database cannot take them: one {@code .frame} file per
 * frame — its metadata (frame id, peer, listener, time, status) and its exact bytes — written to a
 * temporary file, flushed to the disk, and renamed into place, so a frame is in the spool whole
 * or not at all, whenever the service dies. Moved into the inbox once the database is back. Files
 * of the earlier form (a {@code .ber} and its {@code .properties}) are read too.
 */
public class InboxSpool {

    private static final String FRAME = ".frame";
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

    /** Writes the frame to the spool, whole; returns its file. */
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
        StringWriter text = new StringWriter();
        meta.store(text, "illbridge inbox spool");
        byte[] header = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(ByteBuffer.allocate(4).putInt(header.length).array());
        frame.writeBytes(header);
        frame.writeBytes(received.bytes());
        Path file = directory.resolve(name + FRAME);
        writeAtomically(file, frame.toByteArray());
        return file;
    }

    /** The frames in the spool, oldest first. */
    public List<Path> pending() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(FRAME) || isCompleteEarlierForm(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReceivedBytes read(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(BYTES)) {
            Properties meta = new Properties();
            try (Reader in = Files.newBufferedReader(metaOf(file), StandardCharsets.UTF_8)) {
                meta.load(in);
            }
            return received(meta, Files.readAllBytes(file), file);
        }
        byte[] frame = Files.readAllBytes(file);
        int headerLength = ByteBuffer.wrap(frame, 0, 4).getInt();
        Properties meta = new Properties();
        meta.load(new StringReader(new String(frame, 4, headerLength, StandardCharsets.UTF_8)));
        return received(meta, Arrays.copyOfRange(frame, 4 + headerLength, frame.length), file);
    }

    /** Removes a frame that is in the inbox now. */
    public void remove(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(BYTES)) {
            Files.deleteIfExists(metaOf(file));
        }
        Files.deleteIfExists(file);
        forceDirectory();
    }

    private static ReceivedBytes received(Properties meta, byte[] bytes, Path file) {
        // frames spooled before frame ids existed: their file name is unique and stable
        String frameId = meta.getProperty("frame-id", file.getFileName().toString());
        return new ReceivedBytes(frameId, bytes, meta.getProperty("peer"), meta.getProperty("listener"),
                Instant.parse(meta.getProperty("received-at")), InboxStatus.ofCode(meta.getProperty("status")),
                meta.getProperty("status-detail"));
    }

    /** A {@code .ber} of the earlier form, whose {@code .properties} (written last) is there. */
    private static boolean isCompleteEarlierForm(Path file) {
        return file.getFileName().toString().endsWith(BYTES) && Files.exists(metaOf(file));
    }

    private static Path metaOf(Path bytesFile) {
        return bytesFile.resolveSibling(bytesFile.getFileName().toString().replace(BYTES, META));
    }

    /** Written to a temporary file, flushed to the disk, then renamed into place and the directory flushed too. */
    private void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel file = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
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
